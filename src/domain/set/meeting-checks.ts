/**
 * Checks on the times of new or moved meetings: weekend days (advice) and clashes with the set's other meetings
 * (refused by the handlers: a set holds one meeting at a time; docs/user-guide.md, "Meeting times").
 *
 * Pure: instants and the IANA time zone are passed in.
 */
import { DateTime } from "luxon";

/** A meeting's span: from `startsAt` for `durationMinutes` (half-open: one ending at 12:00 does not clash with one starting then). */
export type MeetingSpan = { startsAt: Date; durationMinutes: number };

/** One candidate span and the existing meeting it overlaps. */
export type Clash<C, E> = { candidate: C; existing: E };

const endOf = (m: MeetingSpan) => m.startsAt.getTime() + m.durationMinutes * 60_000;

/** Whether two meetings overlap in time (half-open spans; a zero-length meeting overlaps one that contains its start). */
export function overlaps(a: MeetingSpan, b: MeetingSpan): boolean {
  const a0 = a.startsAt.getTime();
  const b0 = b.startsAt.getTime();
  return a0 < Math.max(endOf(b), b0 + 1) && b0 < Math.max(endOf(a), a0 + 1);
}

/** Every (candidate, existing) pair that overlaps, in candidate order, then existing order. */
export function clashes<C extends MeetingSpan, E extends MeetingSpan>(candidates: readonly C[], existing: readonly E[]): Clash<C, E>[] {
  return candidates.flatMap((candidate) => existing.filter((e) => overlaps(candidate, e)).map((e) => ({ candidate, existing: e })));
}

/** Whether `at` falls on a Saturday or Sunday in `timeZone` (an unknown zone reads as UTC). */
export function isWeekend(at: Date, timeZone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const weekday = local.isValid ? local.weekday : DateTime.fromJSDate(at, { zone: "utc" }).weekday;
  return weekday >= 6;
}

const NTH = ["first", "second", "third", "fourth"] as const;

/**
 * The weekday-of-month cadence that keeps a monthly series on the weekday of `first` in `timeZone`, in the words
 * `/meeting schedule every:` accepts: "first monday", "third thursday", "last friday" (days 29-31, which not every
 * month has, become "last"). Null when `first` is itself on a weekend: the weekday form would keep the weekend.
 */
export function weekdayCadenceFor(first: Date, timeZone: string): string | null {
  if (isWeekend(first, timeZone)) return null;
  const local = DateTime.fromJSDate(first, { zone: timeZone });
  if (!local.isValid) return null;
  const weekday = local.setLocale("en").toFormat("cccc").toLowerCase();
  const nth = local.day > 28 ? "last" : NTH[Math.floor((local.day - 1) / 7)]!;
  return `${nth} ${weekday}`;
}
