import { DAY } from "../domain/time/time-units.ts";
import type { Db } from "../store/open-database.ts";
import { claimPeriodicJob } from "../store/retention.ts";
import type { PlanScope } from "./tick.ts";

/** How often every set is planned in full, across every process on the database. */
const FULL_REPLAN_EVERY_MS = DAY;

/**
 * What each tick of one process plans (src/scheduler/tick.ts): every set at its first tick (start-up, which also
 * plans sets a previous version left unplanned) and once a day across every process (the first to claim the day),
 * otherwise only the sets whose moment has come. One statement a call.
 */
export function fullReplanSchedule(db: Db): (now: Date) => Promise<PlanScope> {
  let started = false;
  return async (now) => {
    const daily = await claimPeriodicJob(db, "full-replan", now, FULL_REPLAN_EVERY_MS);
    const first = !started;
    started = true;
    return first || daily ? "all" : "due";
  };
}
