import type { Logger } from "pino";
import { DAY } from "../domain/time/time-units.ts";
import { KEPT_TEXT_DAYS, pruneKeptTexts } from "../store/kept-texts.ts";
import type { Db } from "../store/open-database.ts";
import { claimPeriodicJob, pruneOutbox } from "../store/retention.ts";

/** Failed reminders are kept a year, for an advisor's records; sent and skipped ones `OUTBOX_RETENTION_DAYS`. */
const FAILED_RETENTION_DAYS = 365;

/**
 * The daily clean-up, run after a tick: once a day across every process on the database (the first
 * to claim the day runs it), deletes sent and skipped reminders whose moment is more than
 * `retentionDays` old and failed ones more than a year old, and the words of refused commands kept longer than
 * `KEPT_TEXT_DAYS`. Returns the reminders it deleted, or null when it was not this process's turn. (Recorded Slack
 * event ids expire on their own after a day.)
 */
export async function runRetention(
  deps: { db: Db; logger: Logger },
  now: Date,
  retentionDays: number,
): Promise<{ settled: number; failed: number } | null> {
  if (!(await claimPeriodicJob(deps.db, "retention", now, DAY))) return null;
  const pruned = await pruneOutbox(deps.db, {
    settledBefore: new Date(now.getTime() - retentionDays * DAY),
    failedBefore: new Date(now.getTime() - FAILED_RETENTION_DAYS * DAY),
  });
  deps.logger.info({ ...pruned, retentionDays }, "outbox retention: old reminders deleted");
  const kept = await pruneKeptTexts(deps.db, new Date(now.getTime() - KEPT_TEXT_DAYS * DAY));
  if (kept > 0) deps.logger.info({ keptTexts: kept, days: KEPT_TEXT_DAYS }, "retention: refused commands' kept words deleted");
  return pruned;
}
