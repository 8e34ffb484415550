import { DateTime } from "luxon";
import { formatDuration } from "../domain/when.ts";
import type { MeetingRow } from "../store/meetings.ts";
import type { SetWithPeople } from "../store/sets.ts";
import { at, type Button } from "./reply.ts";
import { plannedGroups, projectUpcoming, type SetState } from "./set-state.ts";

/** Display names of people in the set (members and advisors, current or not known → "someone"). */
export function nameOf(set: SetWithPeople, personId: string): string {
  return set.memberships.find((m) => m.person.id === personId)?.person.displayName ?? "a former member";
}

/** "Ana", "Ana & Ben" for a pair; groups joined with commas; "nobody yet" for none. */
export function presenterNames(set: SetWithPeople, groups: string[][]): string {
  if (groups.length === 0) return "nobody yet";
  return groups.map((g) => g.map((id) => nameOf(set, id)).join(" & ")).join(", ");
}

/** "Meeting 3 · Tue 12 Jan 2027 10:00 GMT · 2h" (the time renders in each reader's zone). */
export function meetingTitle(m: MeetingRow): string {
  const status = m.status === "scheduled" ? "" : ` (${m.status})`;
  return `Meeting ${m.number} · ${at(m.startsAt)} · ${formatDuration(m.durationMinutes)}${status}`;
}

export function rsvpButtons(m: MeetingRow): Button[] {
  return [
    { id: `rsvp-yes-${m.number}`, label: "I'll be there", command: `/meeting rsvp answer:yes meeting:${m.number}`, style: "primary" },
    { id: `rsvp-no-${m.number}`, label: "Send apologies", command: `/meeting rsvp answer:no meeting:${m.number}` },
  ];
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Programme dates are calendar days: stored as UTC midnight of the day the actor meant, shown as ISO dates. */
export const calendarDay = (d: Date, zone: string): Date =>
  DateTime.fromISO(DateTime.fromJSDate(d, { zone }).toISODate()!, { zone: "utc" }).toJSDate();
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The meeting a `meeting:` option points at: `next` is the next upcoming one. */
export function findMeeting<M extends { number: number }>(meetings: M[], upcoming: M[], ref: number | "next"): M | undefined {
  return ref === "next" ? upcoming[0] : meetings.find((m) => m.number === ref);
}

/** Presenters of a meeting as stored (announced) or, for later meetings, as the fair projection expects. */
export function plannedPresenters(state: SetState, m: MeetingRow): string {
  const stored = plannedGroups(state, m.id);
  if (stored.length > 0 || state.upcoming[0]?.id === m.id || m.status !== "scheduled") return presenterNames(state.set, stored);
  const plan = projectUpcoming(state).find((p) => p.meetingId === m.id);
  return plan ? `${presenterNames(state.set, plan.groups)} (expected)` : presenterNames(state.set, stored);
}
