/**
 * The scheduler as the benchmarks drive it: one tick at a simulated moment, delivering into a sink. The one
 * place that calls the scheduler's API, so that a change there changes one file here.
 */
import { pino } from "pino";
import type { NudgeSink, SchedulerDeps } from "../../src/scheduler/deliver.ts";
import { runTick, type TickReport } from "../../src/scheduler/tick.ts";
import type { Database } from "../../src/store/open-database.ts";

const silent = pino({ level: "silent" });

/** One scheduler tick at `now` on `db`, as main.ts runs it (without the ops hooks), delivering into `sink`. */
export function tick(db: Database, sink: NudgeSink, now: Date, extra: Partial<SchedulerDeps> = {}): Promise<TickReport> {
  return runTick({ db, logger: silent, ...extra }, sink, now);
}

/** A sink that takes every reminder at once and counts it (the "platform" is this process), keys kept to check. */
export function countingSink(): NudgeSink & { keys: string[]; first: number; last: number } {
  const sink = {
    keys: [] as string[],
    first: 0,
    last: 0,
    async deliver(_d: unknown, key: string) {
      const now = performance.now();
      if (sink.keys.length === 0) sink.first = now;
      sink.last = now;
      sink.keys.push(key);
    },
  };
  return sink;
}
