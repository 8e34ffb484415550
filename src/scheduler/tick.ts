import { withCoachReadings } from "../app/coach-readings.ts";
import type { Delivery } from "../app/destination.ts";
import { queueMeetingEvents } from "../app/meeting-events.ts";
import { renderNudge } from "../app/render-nudge.ts";
import { announcePresenters } from "../app/set-state.ts";
import { withZoneQuestion, zonesToOffer } from "../app/zone-question.ts";
import { planWindow } from "../domain/reminders/moments.ts";
import type { PlannedNudge } from "../domain/reminders/types.ts";
import { ANNOUNCE_LEAD_MS } from "../domain/set/rotation-state.ts";
import { eventPlaceOf } from "../store/meeting-events.ts";
import { setsToAnnounce } from "../store/meetings.ts";
import { loadNudgeState, type NudgeView } from "../store/nudge-state.ts";
import { insertOutbox, lastTickAt, type OutboxInsert, releaseExpiredClaims, saveTickAt, skipStale } from "../store/outbox.ts";
import { markZoneAsked, peopleToAskZone, unmarkZoneAsked } from "../store/people.ts";
import { dueSets, markSetsToPlan, type SelectedSet, saveMoments, setsAfter, takeMarkedSets } from "../store/set-moments.ts";
import { findSetById } from "../store/sets.ts";
import { count, deliverDue, type NudgeSink, type SchedulerDeps } from "./deliver.ts";
import { openDmsAhead } from "./open-dms.ts";
import { orderedId } from "./ordered-id.ts";

/** At most this many sets have presenters announced in one tick; any more wait for the next tick (a week ahead, a minute is nothing). */
const ANNOUNCE_SETS_PER_TICK = 100;

export type TickReport = { announced: number; planned: number; skipped: number; sent: number; failed: number };

function outboxRow(n: PlannedNudge, delivery: Delivery, status: "pending" | "skipped"): OutboxInsert {
  return {
    id: orderedId(),
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

/** An outbox row and the platform its delivery goes to. */
function withPlatform(n: PlannedNudge, delivery: Delivery, status: "pending" | "skipped"): OutboxInsert & { platform: string } {
  return { ...outboxRow(n, delivery, status), platform: delivery.platform };
}

/** How many sets one batch loads and plans: bounds a tick's memory and each query's parameters, whatever the population. */
export const PLAN_BATCH_SETS = 200;

/**
 * Which sets a tick plans. `due`: those whose moment has come or that were marked to plan (every tick). `all`: every
 * set in this one tick, recomputing every moment. A `Sweep`: the due sets, then the next slice of a full re-plan
 * spread over ticks (src/scheduler/full-replan.ts), so that no tick holds the whole population.
 */
export type PlanScope = "due" | "all" | Sweep;

/**
 * A full re-plan spread over ticks, the safety net for a moment kept wrong (start-up, then once a day): each tick
 * plans up to `setsPerTick` more sets in id order after `after`, each over the window from the tick the sweep began
 * (`since`), so a reminder that fell due while its set waited for its slice is still planned (late, unless stale).
 * The tick updates `after`, `since` and `done`.
 */
export type Sweep = { setsPerTick: number; after: string | null; since: Date | null; done: boolean };

/**
 * One scheduler tick at `now`: announce the presenters of meetings a week or less ahead that are not
 * announced yet, plan the nudges of the sets in `scope` that fell due since the last tick (the first tick plans
 * nothing from before it), record them in the outbox under their unique keys, then deliver what is due.
 * Safe to repeat and to run in several processes: a key is only ever inserted once, and a meeting
 * announced once. With nothing due, a fixed number of statements, however many sets there are; such an idle
 * tick also opens a few DM channels ahead of need, where the sink does that (src/scheduler/open-dms.ts).
 */
export async function runTick(deps: SchedulerDeps, sink: NudgeSink, now: Date, scope: PlanScope = "due"): Promise<TickReport> {
  const { db } = deps;
  const announced = await announceDue(deps, now);
  const since = (await lastTickAt(db)) ?? now;
  const planned = await planSets(deps, { since, now }, scope);
  await saveTickAt(db, now > since ? now : since);
  await releaseExpiredClaims(db, now);
  const skippedRows = await skipStale(db, now);
  count(deps.ops, skippedRows, "skipped");
  const delivered = await deliverDue(deps, sink, now);
  if (planned === 0 && delivered.sent + delivered.failed === 0 && !deps.signal?.aborted) await openDmsAhead(deps, sink);
  return { announced, planned, skipped: skippedRows.length, ...delivered };
}

/**
 * Plans the sets of `scope` batch by batch over the window (since, now], and gives each its next moment after the
 * window. Sets marked to plan are taken first (their moment becomes `now`, so the due ones include them). Outbox rows
 * are written before the moments, so a crash in between only plans those sets again. Returns how many rows were new.
 */
async function planSets(deps: SchedulerDeps, window: { since: Date; now: Date }, scope: PlanScope): Promise<number> {
  await takeMarkedSets(deps.db, window.now);
  if (scope === "due" || scope === "all") return planAll(deps, window, scope);
  const planned = await planAll(deps, window, "due");
  return planned + (await planSlice(deps, window, scope));
}

/** The next slice of a sweep: up to its `setsPerTick` sets after its cursor, over the window since it began. */
async function planSlice(deps: SchedulerDeps, window: { since: Date; now: Date }, sweep: Sweep): Promise<number> {
  sweep.since ??= window.since;
  let planned = 0;
  for (let taken = 0; taken < sweep.setsPerTick; ) {
    const wanted = Math.min(PLAN_BATCH_SETS, sweep.setsPerTick - taken);
    const batch = await setsAfter(deps.db, sweep.after, wanted);
    if (batch.length > 0) planned += await planBatch(deps, batch, { since: sweep.since, now: window.now });
    sweep.after = batch.at(-1)?.id ?? sweep.after;
    taken += batch.length;
    // A short batch was the last of the sets.
    if (batch.length < wanted) {
      sweep.done = true;
      break;
    }
  }
  return planned;
}

/**
 * Every set (`all`) or the due ones, batch by batch. The next batch is selected and loaded while this one is planned
 * (on PostgreSQL its statements run while the planner does): the due sets of the next batch leave out this batch,
 * whose moments are not written yet, and every batch before it has left the due range with its new moment.
 */
async function planAll(deps: SchedulerDeps, window: { since: Date; now: Date }, scope: "due" | "all"): Promise<number> {
  const { db } = deps;
  const select = (after: SelectedSet[]) =>
    scope === "all"
      ? setsAfter(db, after.at(-1)?.id ?? null, PLAN_BATCH_SETS)
      : dueSets(
          db,
          window.now,
          PLAN_BATCH_SETS,
          after.map((s) => s.id),
        );
  const loadAfter = async (after: SelectedSet[]): Promise<LoadedBatch | null> => {
    const batch = await select(after);
    return batch.length === 0 ? null : loadBatch(db, batch, window.now);
  };
  let planned = 0;
  const seen = new Set<string>();
  let next = loadAfter([]);
  try {
    for (;;) {
      const loaded = await next;
      // A batch planned already this tick (its moments could not be written) waits for the next tick rather than loop.
      if (!loaded || loaded.batch.every((s) => seen.has(s.id))) return planned;
      for (const s of loaded.batch) seen.add(s.id);
      // A planned set's moment is after `now` (or it was marked again, for the next tick): a short batch was the last.
      next = loaded.batch.length < PLAN_BATCH_SETS ? Promise.resolve(null) : loadAfter(loaded.batch);
      planned += await planLoaded(deps, loaded, window);
    }
  } finally {
    // A batch planned in vain (the tick stopped on an error) is not awaited; its failure must not go unhandled.
    next.catch(() => {});
  }
}

/** A batch of selected sets with the state the planner reads of them. */
type LoadedBatch = { batch: SelectedSet[] } & Awaited<ReturnType<typeof loadNudgeState>>;

const loadBatch = async (db: SchedulerDeps["db"], batch: SelectedSet[], now: Date): Promise<LoadedBatch> => ({
  batch,
  ...(await loadNudgeState(db, now, { setIds: batch.map((s) => s.id) })),
});

/** Loads, plans and records one batch of sets, then writes their moments (unless a set was marked meanwhile). */
async function planBatch(deps: SchedulerDeps, batch: SelectedSet[], window: { since: Date; now: Date }): Promise<number> {
  return planLoaded(deps, await loadBatch(deps.db, batch, window.now), window);
}

/** Plans and records a loaded batch, then writes its sets' moments (unless a set was marked meanwhile). */
async function planLoaded(
  deps: SchedulerDeps,
  { batch, state, view: loaded }: LoadedBatch,
  { since, now }: { since: Date; now: Date },
): Promise<number> {
  const { db } = deps;
  let planned = 0;
  // Everything up to the window's end is planned: the next moment is the first send after it.
  const { due, stale, moments } = planWindow(state, { since, now: now > since ? now : since });
  if (now > since) {
    const view = await withCoachReadings(db, loaded, [...due, ...stale], now);
    const rendered = due.map((n) => ({ n, delivery: renderNudge(n, view) }));
    const asked = await askZones(deps, rendered, view, now);
    // Each row with its delivery's platform (for the counts), so the payload is not parsed back.
    const rows = [
      ...rendered.map(({ n, delivery }) => withPlatform(n, delivery, "pending")),
      ...stale.map((n) => withPlatform(n, renderNudge(n, view), "skipped")),
    ];
    const inserted = new Set(await insertOutbox(db, rows, now));
    // A question whose reminder was planned before (its key not new) was not asked after all.
    for (const [personId, key] of asked) if (!inserted.has(key)) await unmarkZoneAsked(db, personId, now);
    const fresh = rows.filter((r) => inserted.has(r.key));
    planned = fresh.length;
    count(deps.ops, fresh, "planned");
    count(
      deps.ops,
      fresh.filter((r) => r.status === "skipped"),
      "skipped",
    );
  }
  await saveMoments(
    db,
    batch.flatMap((s) => {
      const next = moments.get(s.id);
      return next ? [{ id: s.id, was: s.nextDueAt, next }] : [];
    }),
  );
  return planned;
}

/**
 * Adds the one-time question for their zone (src/app/zone-question.ts) to the earliest reminder DM of this batch for
 * each recipient on a platform of `deps.askZoneOn` whose zone is still the default and who was never asked, and
 * records that they were asked (of two processes planning at once, one asks). Returns person → the key of the reminder
 * that asks. One query when such DMs are due, none otherwise.
 */
async function askZones(
  deps: SchedulerDeps,
  rendered: { n: PlannedNudge; delivery: Delivery }[],
  view: NudgeView,
  now: Date,
): Promise<Map<string, string>> {
  const asked = new Map<string, string>();
  const askOn = deps.askZoneOn;
  if (!askOn || askOn.size === 0) return asked;
  const first = new Map<string, (typeof rendered)[number]>();
  for (const r of rendered) {
    if (r.n.to.kind !== "person" || !askOn.has(r.delivery.platform)) continue;
    const seen = first.get(r.n.to.personId);
    if (!seen || r.n.sendAt < seen.n.sendAt || (r.n.sendAt.getTime() === seen.n.sendAt.getTime() && r.n.key < seen.n.key)) {
      first.set(r.n.to.personId, r);
    }
  }
  if (first.size === 0) return asked;
  const toAsk = await peopleToAskZone(deps.db, [...first.keys()]);
  for (const [personId, zone] of toAsk) {
    const r = first.get(personId)!;
    if (!(await markZoneAsked(deps.db, personId, now))) continue;
    const others = (view.membersBySet.get(r.n.setId) ?? [])
      .filter((m) => m.id !== personId)
      .flatMap((m) => view.people.get(m.id)?.timeZone ?? []);
    r.delivery = withZoneQuestion(r.delivery, zone, zonesToOffer(others));
    asked.set(personId, r.n.key);
  }
  return asked;
}

/**
 * Announces the presenters of every set with a meeting starting within `ANNOUNCE_LEAD_MS` that is not
 * announced yet (src/domain/set/rotation-state.ts has the rule), so presenters know before their 48-hour
 * reminder whether or not anyone runs a command, and marks those sets to plan. One query when there is nothing to announce.
 * Returns how many meetings were announced.
 */
async function announceDue({ db, eventPlatforms }: SchedulerDeps, now: Date): Promise<number> {
  let announced = 0;
  for (const setId of await setsToAnnounce(db, now, new Date(now.getTime() + ANNOUNCE_LEAD_MS), ANNOUNCE_SETS_PER_TICK)) {
    const set = await findSetById(db, setId);
    if (!set) continue;
    const changes = await announcePresenters(db, set, now);
    announced += changes.filter((a) => a.firstTime).length;
    // Announcing stores turns, which the planner reads: the set is planned again (after the writes, outside a transaction).
    if (changes.length > 0) await markSetsToPlan(db, { setIds: [setId] });
    // The presenters a meeting's event names are now the announced ones (docs/architecture.md, "Meetings as platform events").
    const place = changes.length > 0 && eventPlatforms?.length ? await eventPlaceOf(db, setId) : null;
    if (place && eventPlatforms?.includes(place.platform)) await queueMeetingEvents(db, place, set, now);
  }
  return announced;
}
