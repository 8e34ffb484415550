import { DAY } from "../domain/time/time-units.ts";
import type { Db } from "../store/open-database.ts";
import { claimPeriodicJob } from "../store/retention.ts";
import type { PlanScope, Sweep } from "./tick.ts";

/** How often every set is planned in full, across every process on the database. */
const FULL_REPLAN_EVERY_MS = DAY;

/**
 * How many sets a tick re-plans of a sweep: at 167,000 sets a sweep takes 84 ticks (docs/scaling.md), each holding
 * a few seconds at most instead of one tick holding the whole population.
 */
const SWEEP_SETS_PER_TICK = 2000;

/**
 * What each tick of one process plans (src/scheduler/tick.ts): the due sets, and while a full re-plan runs, its next
 * slice. A sweep begins at the process's first tick (start-up, which also plans sets a previous version left
 * unplanned) and once a day across every process (the first to claim the day), and runs over the following ticks
 * until every set is planned. A process that stops mid-sweep leaves the rest to the next start-up or day. One
 * statement a call.
 */
export function fullReplanSchedule(db: Db, setsPerTick = SWEEP_SETS_PER_TICK): (now: Date) => Promise<PlanScope> {
  let started = false;
  let sweep: Sweep | null = null;
  return async (now) => {
    const daily = await claimPeriodicJob(db, "full-replan", now, FULL_REPLAN_EVERY_MS);
    if (!started || daily) sweep = { setsPerTick, after: null, since: null, done: false };
    started = true;
    if (sweep?.done) sweep = null;
    return sweep ?? "due";
  };
}
