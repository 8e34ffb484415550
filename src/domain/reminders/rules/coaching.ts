/**
 * coach: when a member is coached (docs/user-guide.md, "Reminders"; the words are src/domain/draft/coach.ts): the `coach` DMs, each at
 * most once per member and set, whatever moves (the outbox key names the moment, not its time):
 * - `joined`: on joining the set, a minute after (the next tick's): strengths, limitations, action learning;
 * - `second-meeting`: three days after the second meeting held since the member joined closed: is there a plan?
 * - `midpoint`: at 10:00 (in the member's zone) on the day halfway between the programme's first and last days;
 * - `six-weeks`: at 10:00 forty-two days before the programme's last day;
 * - `closing`: a day after the last meeting of the programme closed (one held on or before its last day, with none
 *   after it up to that day), or at 10:00 seven days before the last day, whichever is first: the review of goals.
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
import type { NudgeMeeting } from "../types.ts";

/** As the planner's late reminders: the next tick's. */
const JOIN_DELAY_MS = 60_000;
const AFTER_SECOND_MEETING_MS = 3 * DAY;
const AFTER_LAST_MEETING_MS = DAY;
const COACH_HOUR = 10;
const STALE_MS = 7 * DAY;
const JOIN_STALE_MS = 14 * DAY;

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

/** Each current member's coaching DMs (see the module comment); a moment in a leave is due when the leave ends. */
export const coach = rule(["coach"], ({ set, meetings, personOf, leaves }, emit) => {
  const closed = meetings.filter((m): m is NudgeMeeting & { closedAt: Date } => m.status === "closed" && m.closedAt !== null);
  const start = set.programmeStart ?? null;
  const end = set.programmeEnd ?? null;
  const endsAt = end ? dayEnds(end).getTime() : null;
  // The last meeting of the programme: closed, on or before its last day, with no meeting after it up to then.
  const last = endsAt === null ? undefined : meetings.filter((m) => m.startsAt.getTime() < endsAt).at(-1);
  const lastClosed = last?.status === "closed" && last.closedAt ? last.closedAt.getTime() + AFTER_LAST_MEETING_MS : null;

  for (const id of set.memberIds) {
    const zone = personOf(id).timeZone;
    const since = set.memberSince[id]?.getTime();
    const at = (moment: CoachMoment, due: number, stale = STALE_MS) => {
      const leave = leaves.find((l) => l.personId === id && l.startsAt.getTime() <= due && due < l.endsAt.getTime());
      const dueAt = leave ? leave.endsAt.getTime() : due;
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
    const weekBefore = tenOn(addDays(end, -7), zone);
    at("closing", lastClosed !== null ? Math.min(lastClosed, weekBefore) : weekBefore);
  }
});
