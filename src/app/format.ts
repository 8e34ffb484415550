import { plannedGroups, projectUpcoming } from "../domain/set/rotation-state.ts";
import { type CalendarDate, formatCalendarDate } from "../domain/time/calendar-date.ts";
import { formatDuration } from "../domain/time/when.ts";
import { listActions } from "../store/entries.ts";
import type { MeetingRow } from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";
import { at, type Button } from "./reply.ts";
import type { SetState } from "./set-state.ts";

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

/**
 * The line that tells the set which meeting numbers a change of schedule moved (numbers follow dates until a
 * meeting is announced: src/domain/set/meeting-numbers.ts), or none when no number changed.
 */
export function renumberNote(changes: { from: number; to: number; startsAt: Date }[]): string[] {
  if (changes.length === 0) return [];
  const sorted = [...changes].sort((a, b) => a.to - b.to);
  return [`Meeting numbers follow dates: ${sorted.map((c) => `meeting ${c.from} (${at(c.startsAt)}) is now meeting ${c.to}`).join(", ")}.`];
}

export function rsvpButtons(m: { number: number }): Button[] {
  return [
    { id: `rsvp-yes-${m.number}`, label: "I'll be there", command: `/meeting rsvp answer:yes meeting:${m.number}`, style: "primary" },
    { id: `rsvp-no-${m.number}`, label: "Send apologies", command: `/meeting rsvp answer:no meeting:${m.number}` },
  ];
}

/**
 * How effective an action was, one press each, as its owner: /action done with `effective:` keeps the outcome already
 * recorded (and the status given, when it is not "done"; an open action is marked done).
 */
export function effectivenessButtons(action: number, status?: string): Button[] {
  const keep = status && status !== "done" ? ` status:${status}` : "";
  return (["very", "somewhat", "not"] as const).map((e) => ({
    id: `effective-${e}-${action}`,
    label: e === "not" ? "Not effective" : `${e[0]!.toUpperCase()}${e.slice(1)} effective`,
    command: `/action done action:${action} effective:${e}${keep}`,
  }));
}

/** The meeting a `meeting:` option points at: `next` is the next upcoming one. */
export function findMeeting<M extends { number: number }>(meetings: M[], upcoming: M[], ref: number | "next"): M | undefined {
  return ref === "next" ? upcoming[0] : meetings.find((m) => m.number === ref);
}

/** Presenters of a meeting as stored (announced, or held) or, for a meeting not announced yet, as the fair projection expects. */
export function plannedPresenters(state: SetState, m: MeetingRow): string {
  const stored = plannedGroups(state, m.id);
  if (m.announcedAt !== null || m.status !== "scheduled") return presenterNames(state.set, stored);
  const plan = projectUpcoming(state).find((p) => p.meetingId === m.id);
  return plan ? `${presenterNames(state.set, plan.groups)} (expected)` : presenterNames(state.set, stored);
}

/** The meeting an entry belongs to by default: the latest one that has started, else the next one. */
export function meetingForEntry<M extends { startsAt: Date; status: string }>(meetings: M[], now: Date): M | undefined {
  const live = meetings.filter((m) => m.status !== "cancelled");
  return live.filter((m) => m.startsAt <= now).at(-1) ?? live.find((m) => m.startsAt > now);
}

/**
 * How an action is named wherever it is shown: "action #4", with the number `action:` takes (its entry's number
 * in the author's log, so `/log edit entry:4` reaches the same words).
 */
export const actionRef = (number: number, word: "action" | "Action" = "action"): string => `${word} #${number}`;

/** An action in one line of a list: `action #4 "Meet both leads"`. */
export const actionItem = (a: { number: number; text: string }): string => `${actionRef(a.number)} "${a.text}"`;

/**
 * The refusal for an `action:` number the actor has no action under: it lists their open actions with the numbers
 * to give (at most ten, then how many more), or says they have none.
 */
export function noSuchAction(number: number, actions: { number: number; text: string; status: string }[], option = ""): string {
  const open = actions.filter((a) => a.status === "open");
  const head = `${option}${option ? "you" : "You"} have no ${actionRef(number)}`;
  if (open.length === 0) return `${head}, and no open actions: record one with /log action text:"…".`;
  const shown = open.slice(0, 10).map(actionItem).join("; ");
  const more = open.length > 10 ? `; and ${open.length - 10} more (see /action list)` : "";
  return `${head}. Your open actions: ${shown}${more}. Give its number, e.g. action:${open[0]!.number}.`;
}

/** "action #4: Meet both leads together (agreed at meeting 1, due Fri 12 Feb 2027)" for lists and reminders. */
export function actionLine(
  a: { number: number; text: string; meetingId: string | null; due: CalendarDate | null; status: string; outcome: string | null },
  meetings: { id: string; number: number }[],
): string {
  const agreed = meetings.find((m) => m.id === a.meetingId);
  const when = [agreed ? `agreed at meeting ${agreed.number}` : "", a.due ? `due ${formatCalendarDate(a.due)}` : ""]
    .filter(Boolean)
    .join(", ");
  const outcome = a.status === "open" ? "" : ` → ${a.status}${a.outcome ? `: ${a.outcome}` : ""}`;
  return `${actionRef(a.number)}: ${a.text}${when ? ` (${when})` : ""}${outcome}`;
}

/** A member's open actions agreed before `meeting`: what they report back on there (docs/architecture.md, "Domain rules"). */
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
