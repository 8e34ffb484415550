import cron from "node-cron";
import type { Clock } from "../clock.ts";
import { runTick, type NudgeSink, type SchedulerDeps } from "./tick.ts";

/** Runs a scheduler tick on a cron expression (default every minute); ticks never overlap. Returns a stop function. */
export function startScheduler(deps: SchedulerDeps, sink: NudgeSink, clock: Clock, expression = "* * * * *"): () => void {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await runTick(deps, sink, clock.now());
      } catch (error) {
        deps.logger.error({ err: error }, "scheduler tick failed");
      }
    },
    { noOverlap: true, name: "nudges" },
  );
  return () => void task.stop();
}
