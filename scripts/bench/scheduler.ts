/**
 * The scheduler as the benchmarks drive it: one tick at a simulated moment, delivering into a sink. The one
 * place that calls the scheduler's API, so that a change there changes one file here.
 */
import { pino } from "pino";
import { DEFAULT_DELIVERY_CONCURRENCY, type NudgeSink, type SchedulerDeps } from "../../src/scheduler/deliver.ts";
import { fullReplanSchedule } from "../../src/scheduler/full-replan.ts";
import { runTick, type TickReport } from "../../src/scheduler/tick.ts";
import type { Database } from "../../src/store/open-database.ts";

const silent = pino({ level: "silent" });

/** The sends at once a tick runs, as `npm start` runs it unless DELIVERY_CONCURRENCY says otherwise. */
export const CONCURRENCY = DEFAULT_DELIVERY_CONCURRENCY;

/**
 * One scheduler tick at `now` on `db` as a running process's tick that is not its first: only the sets whose
 * moment has come are planned. Delivers into `sink`.
 */
export function tick(db: Database, sink: NudgeSink, now: Date, extra: Partial<SchedulerDeps> = {}): Promise<TickReport> {
  return runTick({ db, logger: silent, concurrency: CONCURRENCY, ...extra }, sink, now, "due");
}

/**
 * Ticks as src/main.ts runs them, one process's in a row: each first asks the full re-plan schedule (a sweep over
 * every set from the first tick, and once a day, a slice a tick), then ticks. `slice` says whether the tick also
 * planned a slice of a sweep.
 */
export function processTicks(db: Database, sink: NudgeSink): (now: Date) => Promise<TickReport & { slice: boolean }> {
  const scopeOf = fullReplanSchedule(db);
  return async (now) => {
    const scope = await scopeOf(now);
    const report = await runTick({ db, logger: silent, concurrency: CONCURRENCY }, sink, now, scope);
    return { ...report, slice: scope !== "due" };
  };
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
