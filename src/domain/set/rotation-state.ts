/**
 * A set's presenter rotation at one moment, worked out from its stored facts: which turns count, who is
 * unavailable, the projection of the meetings to come, and which meetings' presenters are due to be
 * announced (stored and then kept).
 *
 * Pure: no clock (the moment is `state.now`), no I/O. The app layer loads the facts and writes what
 * `planAnnouncements` decides; nothing here changes anything.
 *
 * When presenters are announced (docs/user-guide.md, "Reminders"): a meeting's presenters are announced at the first of
 * - the close of the meeting before it (the latest earlier meeting that was not cancelled), and
 * - `ANNOUNCE_LEAD_MS` (7 days) before it starts — the scheduler does it then; a meeting scheduled or moved to
 *   less than 7 days ahead is announced by that command at once,
 * so always before its presenters' 48-hour reminder. Once announced, a meeting keeps its presenters: someone who
 * becomes unavailable is replaced by the next in fair order, and nobody else moves.
 */

import { DAY } from "../time/time-units.ts";
import {
  type MeetingPlan,
  type MeetingToPlan,
  planMeeting,
  presentersPerMeeting,
  projectRotation,
  type RotationMember,
  type Turn,
} from "./rotation.ts";
import type { MeetingStatus } from "./statuses.ts";

/** planned: to present · presented / missed: at a closed meeting · skipped: stood down (owed a turn) · released: swapped or left. */
export type SlotStatus = "planned" | "presented" | "missed" | "skipped" | "released";

/** What the rotation needs of a meeting. `announcedAt` is null while its presenters are only a projection. */
export type RotationMeeting = {
  id: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  announcedAt: Date | null;
};
/** A stored turn. Pair partners share a position. */
export type RotationSlot = { id: string; meetingId: string; personId: string; position: number; status: SlotStatus; swapped: boolean };
type RotationRsvp = { meetingId: string; personId: string; answer: "yes" | "no"; absenceId?: string | null };
/** A person is away from `startsAt` (inclusive) to `endsAt` (exclusive). */
export type RotationAbsence = { personId: string; startsAt: Date; endsAt: Date };

/** Everything the rotation needs about one set at `now`. `M` lets callers keep their richer meeting rows. */
export type RotationState<M extends RotationMeeting = RotationMeeting> = {
  now: Date;
  slotMinutes: number;
  allowanceMinutes: number;
  /** Current members in join order (advisors are not in the rotation). */
  members: RotationMember[];
  /** Every meeting of the set, in time order. */
  meetings: M[];
  /** Scheduled meetings that have not ended yet, in time order: the first is "the next meeting". */
  upcoming: M[];
  slots: RotationSlot[];
  rsvps: RotationRsvp[];
  absences: RotationAbsence[];
};

/** How long before a meeting the scheduler announces its presenters, at the latest. */
export const ANNOUNCE_LEAD_MS = 7 * DAY;

/** The state with `upcoming` worked out from `meetings` (time order is kept). */
export function rotationState<M extends RotationMeeting>(facts: Omit<RotationState<M>, "upcoming">): RotationState<M> {
  const upcoming = facts.meetings.filter((m) => m.status === "scheduled" && endOf(m) > facts.now);
  return { ...facts, upcoming };
}

const endOf = (m: Pick<RotationMeeting, "startsAt" | "durationMinutes">): Date =>
  new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);

/** How many presenters (slots) the meeting has room for. */
function capacityOf(state: Pick<RotationState, "slotMinutes" | "allowanceMinutes">, m: Pick<RotationMeeting, "durationMinutes">): number {
  return presentersPerMeeting(m.durationMinutes, state.slotMinutes, state.allowanceMinutes);
}

/** Is the person away (an absence covering `at`)? */
export function isAway(absences: RotationAbsence[], personId: string, at: Date): boolean {
  return absences.some((a) => a.personId === personId && a.startsAt <= at && at < a.endsAt);
}

/** People who must not present at `m`: away, RSVP'd no, skipped it, or were swapped/moved out of it. */
export function unavailableAt(state: RotationState, m: RotationMeeting): Set<string> {
  const out = new Set<string>();
  for (const r of state.rsvps) if (r.meetingId === m.id && r.answer === "no") out.add(r.personId);
  for (const s of state.slots) if (s.meetingId === m.id && (s.status === "skipped" || s.status === "released")) out.add(s.personId);
  for (const p of state.members) if (isAway(state.absences, p.personId, m.startsAt)) out.add(p.personId);
  return out;
}

/** Slots grouped by position, in position order: each group presents together. */
export function groupByPosition(slots: Pick<RotationSlot, "position" | "personId">[]): string[][] {
  const byPosition = new Map<number, string[]>();
  for (const s of slots) byPosition.set(s.position, [...(byPosition.get(s.position) ?? []), s.personId]);
  return [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}

/** Planned slots of a meeting grouped by position (pair partners share one), in position order. */
export function plannedGroups(state: Pick<RotationState, "slots">, meetingId: string): string[][] {
  return groupByPosition(state.slots.filter((s) => s.meetingId === meetingId && s.status === "planned"));
}

/**
 * Every turn the rotation must count: presented, or planned at a meeting that was not cancelled —
 * including announced and swapped turns still to come, so a swap cannot earn anyone an extra turn.
 */
export function knownTurns(state: RotationState): Turn[] {
  const meetings = new Map(state.meetings.map((m) => [m.id, m]));
  return state.slots
    .filter((s) => s.status === "presented" || (s.status === "planned" && meetings.get(s.meetingId)?.status !== "cancelled"))
    .map((s) => ({ personId: s.personId, at: meetings.get(s.meetingId)!.startsAt }));
}

function toPlan(state: RotationState, m: RotationMeeting): MeetingToPlan {
  const unavailable = unavailableAt(state, m);
  const memberIds = new Set(state.members.map((p) => p.personId));
  const fixed = plannedGroups(state, m.id)
    .map((g) => g.filter((id) => memberIds.has(id) && !unavailable.has(id)))
    .filter((g) => g.length > 0);
  return { meetingId: m.id, at: m.startsAt, capacity: capacityOf(state, m), fixed, unavailable };
}

/** Fair presenters for the next `count` upcoming meetings; stored turns are kept as they are. Reads only. */
export function projectUpcoming(state: RotationState, count = state.upcoming.length): MeetingPlan[] {
  const meetings = state.upcoming.slice(0, count).map((m) => toPlan(state, m));
  return projectRotation(state.members, knownTurns(state), meetings);
}

/** When the scheduler announces the meeting's presenters at the latest. */
const announceMomentOf = (m: Pick<RotationMeeting, "startsAt">): Date => new Date(m.startsAt.getTime() - ANNOUNCE_LEAD_MS);

/**
 * Whether a meeting not yet announced is due to be: it has not started, and either its announce moment has
 * come or the meeting before it (the latest earlier one not cancelled) is closed.
 */
export function isAnnouncementDue(state: RotationState, m: RotationMeeting): boolean {
  if (m.announcedAt !== null || m.status !== "scheduled" || m.startsAt <= state.now) return false;
  if (announceMomentOf(m) <= state.now) return true;
  const before = state.meetings.filter((x) => x.id !== m.id && x.status !== "cancelled" && x.startsAt < m.startsAt).at(-1);
  return before?.status === "closed";
}

/** A new stored turn. */
export type NewSlot = Omit<RotationSlot, "id">;

/**
 * What to write for one meeting: `announce` (first time: mark it announced), the stored turns that end
 * (`skip`: a member who became unavailable; `release`: someone no longer a member) and the turns to add.
 * `dropped` are those people, `added` the new groups in slot order.
 */
export type AnnouncementPlan = {
  meetingId: string;
  announce: boolean;
  skip: string[];
  release: string[];
  add: NewSlot[];
  dropped: string[];
  added: string[][];
};

/**
 * The writes that make every announced or due meeting's presenters definite, in time order: a meeting due
 * for the first time gets the fair plan (turns already stored for it, such as a swap, are kept); an
 * announced one keeps its turns, drops anyone who has become unavailable or left the set, and fills the
 * vacancies in fair order. Each plan counts the turns of the plans before it. Meetings with nothing to
 * write are left out, so an empty list means nothing changes.
 */
export function planAnnouncements(state: RotationState): AnnouncementPlan[] {
  let current = state;
  const plans: AnnouncementPlan[] = [];
  for (const m of state.upcoming) {
    const announce = isAnnouncementDue(current, m);
    if (m.announcedAt === null && !announce) continue;
    const unavailable = unavailableAt(current, m);
    const memberIds = new Set(current.members.map((p) => p.personId));
    const planned = current.slots.filter((s) => s.meetingId === m.id && s.status === "planned");
    const drop = new Set(planned.filter((s) => unavailable.has(s.personId) || !memberIds.has(s.personId)));
    const remaining = { ...current, slots: current.slots.filter((s) => !drop.has(s)) };
    const plan = planMeeting(current.members, knownTurns(current), toPlan(remaining, m));
    const kept = new Set(planned.filter((s) => !drop.has(s)).map((s) => s.personId));
    const added = plan.groups.filter((g) => g.every((id) => !kept.has(id)));
    const top = Math.max(0, ...current.slots.filter((s) => s.meetingId === m.id).map((s) => s.position));
    const add = added.flatMap((group, i) =>
      group.map((personId): NewSlot => ({ meetingId: m.id, personId, position: top + i + 1, status: "planned", swapped: false })),
    );
    const dropped = [...drop];
    if (!announce && dropped.length === 0 && add.length === 0) continue;
    plans.push({
      meetingId: m.id,
      announce,
      skip: dropped.filter((s) => memberIds.has(s.personId)).map((s) => s.id),
      release: dropped.filter((s) => !memberIds.has(s.personId)).map((s) => s.id),
      add,
      dropped: dropped.map((s) => s.personId),
      added,
    });
    current = afterPlan(current, m.id, drop, memberIds, add);
  }
  return plans;
}

/** The state as it will be once a plan is written, so the next meeting's plan counts its turns. */
function afterPlan(
  state: RotationState,
  meetingId: string,
  drop: Set<RotationSlot>,
  memberIds: Set<string>,
  add: NewSlot[],
): RotationState {
  const slots = state.slots.map(
    (s): RotationSlot => (drop.has(s) ? { ...s, status: memberIds.has(s.personId) ? "skipped" : "released" } : s),
  );
  slots.push(...add.map((s, i) => ({ ...s, id: `new:${meetingId}:${i}` })));
  const meetings = state.meetings.map((m) => (m.id === meetingId && m.announcedAt === null ? { ...m, announcedAt: state.now } : m));
  return rotationState({ ...state, meetings, slots });
}
