import { type CalendarDate, formatCalendarDate } from "../domain/calendar-date.ts";
import { formatDuration } from "../domain/when.ts";
import { listActions } from "../store/entries.ts";
import type { MeetingRow } from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
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

export function rsvpButtons(m: { number: number }): Button[] {
  return [
    { id: `rsvp-yes-${m.number}`, label: "I'll be there", command: `/meeting rsvp answer:yes meeting:${m.number}`, style: "primary" },
    { id: `rsvp-no-${m.number}`, label: "Send apologies", command: `/meeting rsvp answer:no meeting:${m.number}` },
  ];
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

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

/** The meeting an entry belongs to by default: the latest one that has started, else the next one. */
export function meetingForEntry<M extends { startsAt: Date; status: string }>(meetings: M[], now: Date): M | undefined {
  const live = meetings.filter((m) => m.status !== "cancelled");
  return live.filter((m) => m.startsAt <= now).at(-1) ?? live.find((m) => m.startsAt > now);
}

/** "#4 Meet both leads together (agreed at meeting 1, due Fri 12 Feb 2027)" for lists and reminders. */
export function actionLine(
  a: { number: number; text: string; meetingId: string | null; due: CalendarDate | null; status: string; outcome: string | null },
  meetings: { id: string; number: number }[],
): string {
  const agreed = meetings.find((m) => m.id === a.meetingId);
  const when = [agreed ? `agreed at meeting ${agreed.number}` : "", a.due ? `due ${formatCalendarDate(a.due)}` : ""]
    .filter(Boolean)
    .join(", ");
  const outcome = a.status === "open" ? "" : ` → ${a.status}${a.outcome ? `: ${a.outcome}` : ""}`;
  return `#${a.number} ${a.text}${when ? ` (${when})` : ""}${outcome}`;
}

/** A member's open actions agreed before `meeting`: what they report back on there (DESIGN §5). */
export async function reportBackItems(
  db: Db,
  setId: string,
  personId: string,
  meetings: MeetingRow[],
  meeting: MeetingRow,
): Promise<string[]> {
  const before = new Set(meetings.filter((m) => m.startsAt < meeting.startsAt).map((m) => m.id));
  const actions = await listActions(db, setId, personId);
  return actions.filter((a) => a.status === "open" && a.meetingId !== null && before.has(a.meetingId)).map((a) => actionLine(a, meetings));
}
