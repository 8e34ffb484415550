import type { MeetingStatus } from "./statuses.ts";

/** What numbering needs of a meeting. */
export type NumberedMeeting = { id: string; number: number; startsAt: Date; status: MeetingStatus; announcedAt: Date | null };

/** A meeting whose number changes: it was `from`, it is `to`. */
export type Renumbering = { id: string; from: number; to: number };

/**
 * Whether a meeting's number is final: once its presenters are announced, it has started, or it is closed or
 * cancelled, the set has been told of it by that number (announcements, RSVP buttons, reminders, records and
 * drafts cite it), so it never changes again (docs/user-guide.md, "Meeting numbers").
 */
function numberIsFinal(m: NumberedMeeting, now: Date): boolean {
  return m.status !== "scheduled" || m.announcedAt !== null || m.startsAt <= now;
}

/**
 * The changes that put a set's meeting numbers in time order: the meetings whose number is not final share out
 * the numbers they hold among themselves, earliest meeting lowest. Final numbers are never touched, so a meeting
 * placed before one already announced numbers on from it (the only case where numbers and dates disagree). Ties
 * in time keep their present order. Returns only the meetings whose number changes.
 */
export function numbersInTimeOrder(meetings: readonly NumberedMeeting[], now: Date): Renumbering[] {
  const open = meetings.filter((m) => !numberIsFinal(m, now));
  const numbers = open.map((m) => m.number).sort((a, b) => a - b);
  const byTime = [...open].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.number - b.number);
  return byTime.flatMap((m, i) => (m.number === numbers[i] ? [] : [{ id: m.id, from: m.number, to: numbers[i]! }]));
}
