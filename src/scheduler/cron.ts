import cron from "node-cron";
import type { Logger } from "pino";

/**
 * Runs `tick` on a cron expression (every minute by default). Ticks never overlap, and a failing
 * tick is logged, not fatal: the next one catches up. Returns a function that stops the schedule.
 */
export function startScheduler(tick: () => Promise<void>, logger: Logger, expression = "* * * * *"): () => Promise<void> {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await tick();
      } catch (error) {
        logger.error({ err: error }, "scheduler tick failed");
      }
    },
    { noOverlap: true, name: "nudges" },
  );
  return async () => void (await task.stop());
}
