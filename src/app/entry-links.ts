import type { MeetingRef } from "../../commands/define.ts";
import type { FacilitationKind } from "../domain/facilitation/entry-kind.ts";
import { type CalendarDate, dayEnds, formatCalendarDate } from "../domain/time/calendar-date.ts";
import { countOwnOfKind, findNthOwnEntry } from "../store/entries.ts";
import type { MeetingRow } from "../store/meetings.ts";
import type { SetContext } from "./context.ts";
import { findMeeting, meetingForEntry } from "./format.ts";
import { optionFailure, type Result, success } from "./result.ts";

/**
 * The entry a `goal:N` or `problem:N` option names: the member's Nth goal or problem, as their draft numbers them
 * ("Goal 2", "Problem 3"). `0` (allowed where `removable`) removes the link: null. Undefined when not given.
 */
export async function resolveLink(
  ctx: SetContext,
  kind: "goal" | "problem",
  n: number | undefined,
  removable = false,
): Promise<Result<{ id: string; number: number } | null | undefined>> {
  if (n === undefined) return success(undefined);
  if (n === 0 && removable) return success(null);
  const entry = n >= 1 ? await findNthOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, kind, n) : null;
  if (entry) return success({ id: entry.id, number: entry.number });
  const count = await countOwnOfKind(ctx.deps.db, ctx.set.id, ctx.actor.id, kind);
  const Kind = kind === "goal" ? "Goal" : "Problem";
  const have =
    count === 0
      ? `you have no ${kind} yet: record one with /log ${kind} text:"…"`
      : `you have ${count} (${Kind} 1${count > 1 ? ` to ${Kind} ${count}` : ""}, as your draft numbers them)`;
  return optionFailure("not-found", kind, `there is no ${Kind} ${n}; ${have}.`);
}

/** An action's `due:` day, refused when that day is already over in its zone (today is fine). */
export function checkDue(ctx: SetContext, due: CalendarDate): Result<CalendarDate> {
  if (dayEnds(due) <= ctx.now)
    return optionFailure(
      "bad-option",
      "due",
      `${formatCalendarDate(due)} is in the past. Give today or a later day, e.g. due:"next friday".`,
    );
  return success(due);
}

/**
 * The meeting an entry is about, or a refusal for a `meeting:` the set does not have. Given none, a session plan is
 * for the next meeting (or the latest, when none is ahead); other kinds are about no meeting in particular.
 */
export function facilitationMeeting(
  ctx: SetContext,
  meetings: MeetingRow[],
  ref: MeetingRef | undefined,
  kind: FacilitationKind | null,
): Result<MeetingRow | null> {
  const upcoming = meetings.filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  if (ref !== undefined) {
    const meeting = findMeeting(meetings, upcoming, ref);
    if (!meeting || meeting.status === "cancelled")
      return optionFailure(
        "not-found",
        "meeting",
        `${ref === "next" ? "the set has no meeting ahead" : `there is no meeting ${ref}${meeting ? " (it was cancelled)" : ""}`}. See /meeting list.`,
      );
    return success(meeting);
  }
  return success(kind === "session" ? (upcoming[0] ?? meetingForEntry(meetings, ctx.now) ?? null) : null);
}
