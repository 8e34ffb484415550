/**
 * A member's leave (`/away`): from when it was declared to the end of the last day they gave, read in their zone, or
 * to the moment they said they were back, if sooner. Pure.
 */
import { addDays, type CalendarDate, calendarDateOf, dayEnds } from "../time/calendar-date.ts";

/** A leave: from `startsAt` (inclusive) to the end of `lastDay` in its zone, or to `endedAt` when that is sooner. */
export type Leave = { startsAt: Date; lastDay: CalendarDate; endedAt: Date | null };

/** The instant a leave is over (exclusive end): the end of its last day in its zone, or the early return if sooner. */
export function leaveEnds(leave: Leave): Date {
  const end = dayEnds(leave.lastDay);
  return leave.endedAt !== null && leave.endedAt < end ? leave.endedAt : end;
}

/** Whether the leave covers the instant `t` (from its start, inclusive, to its end, exclusive). */
export function onLeaveAt(leave: Leave, t: Date): boolean {
  return leave.startsAt <= t && t < leaveEnds(leave);
}

/**
 * The earliest last day (ISO) a leave still running at `t` can have, whatever its zone: zones run from UTC−12 to
 * UTC+14, so a day ends at the latest 36 hours after its UTC midnight. A store may keep only leaves with
 * `lastDay >=` this (a string comparison) and `endedAt` unset or after `t`, then check each with `leaveEnds`.
 */
export function earliestLastDayRunningAt(t: Date): string {
  return addDays(calendarDateOf(t, "UTC"), -1).date;
}

/** Whether every one of `memberIds` is on one of `leaves` at `t` (false when there are no members: nobody is away). */
export function everyoneOnLeaveAt(
  memberIds: readonly string[],
  leaves: readonly { personId: string; startsAt: Date; endsAt: Date }[],
  t: Date,
): boolean {
  const covered = (id: string) => leaves.some((l) => l.personId === id && l.startsAt <= t && t < l.endsAt);
  return memberIds.length > 0 && memberIds.every(covered);
}
