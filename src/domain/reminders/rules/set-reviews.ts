/**
 * Rules for the advisor's side of a set (docs/user-guide.md, "Reminders"): the set learning review asked of each member
 * when a meeting closes at the set's review cadence, and the weekly digest to each advisor.
 *
 * Pure: no I/O, no clock.
 */
import { DateTime } from "luxon";
import { opensSetReview } from "../../facilitation/set-review.ts";
import { DAY, HOUR } from "../../time/time-units.ts";
import { zoneOf } from "../../time/zone-offsets.ts";
import { rule } from "../emit.ts";
import type { NudgeMeeting } from "../types.ts";
import { programmeOverAt } from "./programme-end.ts";

/** After closing, when the members are asked (the next tick's, as for other late reminders), and how long the ask is worth sending. */
const SET_REVIEW_DELAY_MS = 60_000;
const SET_REVIEW_STALE_MS = 14 * DAY;

/** The digest's moment in the advisor's zone: Monday (ISO weekday 1) at 09:00, moved out of their quiet hours by the emitter. */
const DIGEST_WEEKDAY = 1;
const DIGEST_HOUR = 9;
/** A digest not sent within two days of its moment is skipped: next week's is more useful. */
const DIGEST_STALE_MS = 2 * DAY;

/**
 * set-review: each current member, once per meeting, when closing that meeting brought the set's meetings held to a
 * multiple of its `reviewEvery` (null or absent: off). Meetings held are counted in the order they were closed,
 * `heldBefore` (closed meetings older than the ones listed) first, so a later close of an earlier meeting does not
 * change which meeting opened a review. Due a minute after the close; stale at the next meeting's start, or two
 * weeks after the close.
 */
export const setReview = rule(["set-review"], ({ set, meetings }, emit) => {
  const every = set.reviewEvery;
  if (!every) return;
  const closed = meetings
    .filter((m): m is NudgeMeeting & { closedAt: Date } => m.status === "closed" && m.closedAt !== null)
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime() || a.startsAt.getTime() - b.startsAt.getTime());
  closed.forEach((m, i) => {
    if (!opensSetReview((set.heldBefore ?? 0) + i + 1, every)) return;
    const due = m.closedAt.getTime() + SET_REVIEW_DELAY_MS;
    const next = meetings.find((x) => x.startsAt.getTime() > due && x.status !== "cancelled");
    const stale = Math.min(due + SET_REVIEW_STALE_MS, next ? Math.max(next.startsAt.getTime(), due + HOUR) : Infinity);
    for (const id of set.memberIds)
      emit.toPerson({ kind: "set-review", personId: id, subjectId: m.id, occurrence: "1", dueAt: due, staleAt: stale });
  });
});

/** The ISO week a moment falls in, in a zone: "2027-W03". */
function isoWeekOf(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: zoneOf(timeZone) });
  const valid = local.isValid ? local : DateTime.fromJSDate(at, { zone: "UTC" });
  return `${valid.weekYear}-W${String(valid.weekNumber).padStart(2, "0")}`;
}

/**
 * advisor-digest: each advisor of a set with members, once per ISO week in the advisor's zone (the occurrence is the
 * week, so a key is planned once whatever the zone does), due Monday 09:00 local. Only the weeks that can fall in
 * the planning window are listed: (minSend, maxBase], or, with no end, the weeks up to the first after its start.
 * Digests start in the week the set's first current member joined, and stop once the programme is over
 * (rules/programme-end.ts): none is due after the end of its last day.
 */
export const advisorDigest = rule(["advisor-digest"], ({ set, people, bounds }, emit) => {
  const joined = Object.values(set.memberSince).map((d) => d.getTime());
  if (set.memberIds.length === 0 || joined.length === 0) return;
  const start = Math.min(...joined);
  // A week's moment is at most 7 days after its Monday's start, and quiet hours move it by less than a day more.
  const from = Math.max(bounds.minSend, start) - 9 * DAY;
  const over = programmeOverAt(set);
  const to = Math.min(Number.isFinite(bounds.maxBase) ? bounds.maxBase : from + 23 * DAY, over);
  for (const advisor of set.advisorIds) {
    const zone = people[advisor]?.timeZone ?? "UTC";
    let week = DateTime.fromMillis(from, { zone: zoneOf(zone) }).startOf("week");
    if (!week.isValid) week = DateTime.fromMillis(from, { zone: "UTC" }).startOf("week");
    for (; week.toMillis() <= to; week = week.plus({ weeks: 1 })) {
      const due = week.set({ weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 }).toMillis();
      if (due < start || due >= over) continue;
      const occurrence = isoWeekOf(new Date(due), week.zoneName ?? "UTC");
      emit.toPerson({
        kind: "advisor-digest",
        personId: advisor,
        subjectId: set.id,
        occurrence,
        dueAt: due,
        staleAt: due + DIGEST_STALE_MS,
      });
    }
  }
});
