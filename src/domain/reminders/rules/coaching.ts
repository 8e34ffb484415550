/**
 * coach: when a member is coached (docs/user-guide.md, "Reminders"; the words are src/domain/draft/coach.ts): the `coach` DMs, each at
 * most once per member and set, whatever moves (the outbox key names the moment, not its time):
 * - `joined`: on joining the set, a minute after (the next tick's): strengths, limitations, action learning;
 * - `second-meeting`: three days after the second meeting held since the member joined closed: is there a plan?
 * - `midpoint`: at 10:00 (in the member's zone) on the day halfway between the programme's first and last days;
 * - `six-weeks`: at 10:00 forty-two days before the programme's last day;
 * - `closing`: a day after the last meeting of the programme closed (one held on or before its last day, with none
 *   after it up to that day), or at 10:00 seven days before the last day, whichever is first: the closing
 *   reflection, the draft's header details and the draft.
 * Before `closing`, in the programme's last month, `goal-review` asks about each goal not yet reviewed (`goalReviews`).
 * The programme's moments need its days (`/set programme`); a moved end moves those not yet sent. A member away at a
 * moment is coached when back (the end of the leave), snooze and quiet hours hold it like any DM, and each is stale a
 * week after it was due (`joined`: two weeks), when the next moment is more useful.
 *
 * Pure: no I/O, no clock. Meetings held are counted among the meetings the planner's state holds (src/store/nudge-state.ts
 * loads 120 days back), which always reach a member's second meeting while its DM can still be sent.
 */
import { DateTime } from "luxon";
import { addDays, type CalendarDate, dayEnds, dayStarts } from "../../time/calendar-date.ts";
import { DAY } from "../../time/time-units.ts";
import { zoneOf } from "../../time/zone-offsets.ts";
import { rule } from "../emit.ts";
import type { SetFacts } from "../facts.ts";
import type { NudgeMeeting } from "../types.ts";

/** As the planner's late reminders: the next tick's. */
const JOIN_DELAY_MS = 60_000;
const AFTER_SECOND_MEETING_MS = 3 * DAY;
const AFTER_LAST_MEETING_MS = DAY;
const COACH_HOUR = 10;
const STALE_MS = 7 * DAY;
const JOIN_STALE_MS = 14 * DAY;
/** goal-review: the first goal's DM this many days before the programme's last day, the next ones this many days apart. */
const LAST_MONTH_DAYS = 28;
const GOAL_SPACING_DAYS = 2;

/** The coaching moments, in programme order: the occurrence part of each DM's key. */
const COACH_MOMENTS = ["joined", "second-meeting", "midpoint", "six-weeks", "closing"] as const;
export type CoachMoment = (typeof COACH_MOMENTS)[number];

/** 10:00 on a day, in a zone (an unknown zone: UTC). */
function tenOn(day: CalendarDate, zone: string): number {
  return DateTime.fromISO(day.date, { zone: zoneOf(zone) })
    .set({ hour: COACH_HOUR })
    .toMillis();
}

/** The day halfway between two days (the earlier half when the span is odd). */
function midday(start: CalendarDate, end: CalendarDate): CalendarDate {
  const days = Math.round((dayStarts(end).getTime() - dayStarts(start).getTime()) / DAY);
  return addDays(start, Math.floor(days / 2));
}

/** The programme's last meeting, when it closed (ms), for the `closing` moment: null when not closed (or no end). */
function lastMeetingClosedAt(meetings: readonly NudgeMeeting[], endsAt: number | null): number | null {
  if (endsAt === null) return null;
  // The last meeting of the programme: closed, on or before its last day, with no meeting after it up to then.
  const last = meetings.filter((m) => m.startsAt.getTime() < endsAt).at(-1);
  return last?.status === "closed" && last.closedAt ? last.closedAt.getTime() : null;
}

/** The `closing` moment for a member in `zone`: a day after the last meeting closed, or 10:00 a week before the end. */
function closingAt(end: CalendarDate, lastClosed: number | null, zone: string): number {
  const weekBefore = tenOn(addDays(end, -7), zone);
  return lastClosed !== null ? Math.min(lastClosed + AFTER_LAST_MEETING_MS, weekBefore) : weekBefore;
}

/** A moment that falls in one of the member's leaves is due when that leave ends. */
function afterLeave(leaveAt: SetFacts["leaveAt"], personId: string, due: number): number {
  return leaveAt(personId, due)?.endsAt.getTime() ?? due;
}

/** Each current member's coaching DMs (see the module comment); a moment in a leave is due when the leave ends. */
export const coach = rule(["coach"], ({ set, meetings, personOf, leaveAt }, emit) => {
  const closed = meetings.filter((m): m is NudgeMeeting & { closedAt: Date } => m.status === "closed" && m.closedAt !== null);
  const start = set.programmeStart ?? null;
  const end = set.programmeEnd ?? null;
  const lastClosed = lastMeetingClosedAt(meetings, end ? dayEnds(end).getTime() : null);

  for (const id of set.memberIds) {
    const zone = personOf(id).timeZone;
    const since = set.memberSince[id]?.getTime();
    const at = (moment: CoachMoment, due: number, stale = STALE_MS) => {
      const dueAt = afterLeave(leaveAt, id, due);
      emit.toPerson({ kind: "coach", personId: id, subjectId: id, occurrence: moment, dueAt, staleAt: dueAt + stale });
    };
    if (since !== undefined) {
      at("joined", since + JOIN_DELAY_MS, JOIN_STALE_MS);
      const second = closed.filter((m) => m.startsAt.getTime() >= since)[1];
      if (second) at("second-meeting", second.closedAt.getTime() + AFTER_SECOND_MEETING_MS);
    }
    if (!end) continue;
    if (start) at("midpoint", tenOn(midday(start, end), zone));
    at("six-weeks", tenOn(addDays(end, -42), zone));
    at("closing", closingAt(end, lastClosed, zone));
  }
});

/**
 * goal-review: in the programme's last month, each of a member's goals that has no review yet, one DM each in goal
 * order: the i-th of n at 10:00 on the day 28 − 2i days before the last day, or earlier when the `closing` moment
 * comes sooner (then 2 days apart, ending two days before it), so every goal is asked about before the closing
 * reflection. A goal reviewed before its DM is sent is not asked about; a moment in a leave is due when it ends.
 */
export const goalReviews = rule(["goal-review"], ({ set, meetings, personOf, leaveAt }, emit) => {
  const end = set.programmeEnd ?? null;
  if (!end) return;
  const lastClosed = lastMeetingClosedAt(meetings, dayEnds(end).getTime());
  for (const id of set.memberIds) {
    const goals = [...(set.goals?.[id] ?? [])].sort((a, b) => a.number - b.number);
    if (goals.length === 0) continue;
    const zone = personOf(id).timeZone;
    const closing = closingAt(end, lastClosed, zone);
    goals.forEach((goal, i) => {
      const planned = Math.min(
        tenOn(addDays(end, -LAST_MONTH_DAYS + GOAL_SPACING_DAYS * i), zone),
        closing - (goals.length - i) * GOAL_SPACING_DAYS * DAY,
      );
      const dueAt = afterLeave(leaveAt, id, planned);
      emit.toPerson({
        kind: "goal-review",
        personId: id,
        subjectId: id,
        occurrence: String(goal.number),
        dueAt,
        staleAt: dueAt + STALE_MS,
        when: () => !goal.reviewed,
      });
    });
  }
});
