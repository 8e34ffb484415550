import { randomUUID } from "node:crypto";
import { type Delivery, renderNudge } from "../app/render-nudge.ts";
import { announcePresenters } from "../app/set-state.ts";
import { type PlannedNudge, planNudges } from "../domain/plan-nudges.ts";
import { ANNOUNCE_LEAD_MS } from "../domain/rotation-state.ts";
import { setsToAnnounce } from "../store/meetings.ts";
import { loadNudgeState } from "../store/nudge-state.ts";
import type { Db } from "../store/open-database.ts";
import { insertOutbox, lastTickAt, type OutboxInsert, releaseExpiredClaims, saveTickAt, skipStale } from "../store/outbox.ts";
import { findSetById } from "../store/sets.ts";
import { count, deliverDue, type NudgeSink, type SchedulerDeps } from "./deliver.ts";

/** At most this many sets have presenters announced in one tick; any more wait for the next tick (a week ahead, a minute is nothing). */
const ANNOUNCE_SETS_PER_TICK = 100;

export type TickReport = { announced: number; planned: number; skipped: number; sent: number; failed: number };

function outboxRow(n: PlannedNudge, delivery: Delivery, status: "pending" | "skipped"): OutboxInsert {
  return {
    id: randomUUID(),
    key: n.key,
    kind: n.kind,
    setId: n.setId,
    personId: n.to.kind === "person" ? n.to.personId : null,
    payload: JSON.stringify(delivery),
    sendAt: n.sendAt,
    staleAt: n.staleAt,
    status,
    reason: status === "skipped" ? "stale: its moment passed while the bot was not running" : null,
  };
}

/**
 * One scheduler tick at `now`: announce the presenters of meetings a week or less ahead that are not
 * announced yet, plan the nudges that fell due since the last tick (the first tick plans nothing from
 * before it), record them in the outbox under their unique keys, then deliver what is due.
 * Safe to repeat and to run in several processes: a key is only ever inserted once, and a meeting
 * announced once.
 */
export async function runTick(deps: SchedulerDeps, sink: NudgeSink, now: Date): Promise<TickReport> {
  const { db } = deps;
  const announced = await announceDue(db, now);
  const since = (await lastTickAt(db)) ?? now;
  let planned = 0;
  if (now > since) {
    const { state, view } = await loadNudgeState(db, now);
    const { due, stale } = planNudges(state, { since, now });
    const rows = [
      ...due.map((n) => outboxRow(n, renderNudge(n, view), "pending")),
      ...stale.map((n) => outboxRow(n, renderNudge(n, view), "skipped")),
    ];
    const inserted = new Set(await insertOutbox(db, rows, now));
    const fresh = rows.filter((r) => inserted.has(r.key)).map((r) => ({ ...r, platform: (JSON.parse(r.payload) as Delivery).platform }));
    planned = fresh.length;
    count(deps.ops, fresh, "planned");
    count(
      deps.ops,
      fresh.filter((r) => r.status === "skipped"),
      "skipped",
    );
  }
  await saveTickAt(db, now > since ? now : since);
  await releaseExpiredClaims(db, now);
  const skippedRows = await skipStale(db, now);
  count(deps.ops, skippedRows, "skipped");
  const delivered = await deliverDue(deps, sink, now);
  return { announced, planned, skipped: skippedRows.length, ...delivered };
}

/**
 * Announces the presenters of every set with a meeting starting within `ANNOUNCE_LEAD_MS` that is not
 * announced yet (src/domain/rotation-state.ts has the rule), so presenters know before their 48-hour
 * reminder whether or not anyone runs a command. One query when there is nothing to announce.
 * Returns how many meetings were announced.
 */
async function announceDue(db: Db, now: Date): Promise<number> {
  let announced = 0;
  for (const setId of await setsToAnnounce(db, now, new Date(now.getTime() + ANNOUNCE_LEAD_MS), ANNOUNCE_SETS_PER_TICK)) {
    const set = await findSetById(db, setId);
    if (set) announced += (await announcePresenters(db, set, now)).filter((a) => a.firstTime).length;
  }
  return announced;
}
