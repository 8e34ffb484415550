import {
  type MeetingPlan,
  type MeetingToPlan,
  planMeeting,
  presentersPerMeeting,
  projectRotation,
  type RotationMember,
  type Turn,
} from "../domain/rotation.ts";
import {
  type AbsenceRow,
  groupByPosition,
  insertSlots,
  listAbsences,
  listMeetings,
  listRsvps,
  listSlots,
  type MeetingRow,
  type RsvpRow,
  type SlotRow,
  setSlotStatus,
} from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";

/** Everything the rotation and meeting views need about one set at one moment. */
export type SetState = {
  set: SetWithPeople;
  now: Date;
  meetings: MeetingRow[];
  /** Scheduled meetings that have not ended yet, in time order: the first is "the next meeting". */
  upcoming: MeetingRow[];
  slots: SlotRow[];
  rsvps: RsvpRow[];
  absences: AbsenceRow[];
  members: RotationMember[];
};

export async function loadSetState(db: Db, set: SetWithPeople, now: Date): Promise<SetState> {
  const [meetings, slots, rsvps, absences] = await Promise.all([
    listMeetings(db, set.id),
    listSlots(db, set.id),
    listRsvps(db, set.id),
    listAbsences(db, set.id, now),
  ]);
  const upcoming = meetings.filter((m) => m.status === "scheduled" && endOf(m) > now);
  const members = set.memberships
    .filter((m) => m.role === "member")
    .map((m, order) => ({ personId: m.person.id, order, pairLabel: m.pairLabel }));
  return { set, now, meetings, upcoming, slots, rsvps, absences, members };
}

export const endOf = (m: MeetingRow): Date => new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);

export function capacityOf(state: SetState, m: MeetingRow): number {
  return presentersPerMeeting(m.durationMinutes, state.set.slotMinutes, state.set.allowanceMinutes);
}

/** Is the person away (an absence covering the meeting's start) at this meeting? */
export function isAway(absences: AbsenceRow[], personId: string, at: Date): boolean {
  return absences.some((a) => a.personId === personId && a.startsAt <= at && at < a.endsAt);
}

/** People who must not present at `m`: away, RSVP'd no, skipped it, or were swapped/moved out of it. */
export function unavailableAt(state: SetState, m: MeetingRow): Set<string> {
  const out = new Set<string>();
  for (const r of state.rsvps) if (r.meetingId === m.id && r.answer === "no") out.add(r.personId);
  for (const s of state.slots) if (s.meetingId === m.id && (s.status === "skipped" || s.status === "released")) out.add(s.personId);
  for (const p of state.members) if (isAway(state.absences, p.personId, m.startsAt)) out.add(p.personId);
  return out;
}

/** Planned slots of a meeting grouped by position (pair partners share one). */
export function plannedGroups(state: SetState, meetingId: string): string[][] {
  return groupByPosition(state.slots.filter((s) => s.meetingId === meetingId && s.status === "planned"));
}

/**
 * Every turn the rotation must count: presented, or planned at a meeting that was not cancelled —
 * including announced and swapped turns still to come, so a swap cannot earn anyone an extra turn.
 */
export function knownTurns(state: SetState): Turn[] {
  const when = new Map(state.meetings.map((m) => [m.id, m.startsAt]));
  return state.slots
    .filter((s) => s.status === "presented" || (s.status === "planned" && isLive(state, s.meetingId)))
    .map((s) => ({ personId: s.personId, at: when.get(s.meetingId)! }));
}

const isLive = (state: SetState, meetingId: string) => state.meetings.find((m) => m.id === meetingId)?.status !== "cancelled";

function toPlan(state: SetState, m: MeetingRow): MeetingToPlan {
  const unavailable = unavailableAt(state, m);
  const memberIds = new Set(state.members.map((p) => p.personId));
  const fixed = plannedGroups(state, m.id)
    .map((g) => g.filter((id) => memberIds.has(id) && !unavailable.has(id)))
    .filter((g) => g.length > 0);
  return { meetingId: m.id, at: m.startsAt, capacity: capacityOf(state, m), fixed, unavailable };
}

/** Fair presenters for the next `count` upcoming meetings; announced slots are kept as they are. */
export function projectUpcoming(state: SetState, count = state.upcoming.length): MeetingPlan[] {
  const meetings = state.upcoming.slice(0, count).map((m) => toPlan(state, m));
  return projectRotation(state.members, knownTurns(state), meetings);
}

export type Announcement = { meeting: MeetingRow; dropped: string[]; added: string[][] };

/**
 * Makes the next meeting's presenters definite: the first time, it stores the fair plan; afterwards it
 * keeps the announced slots, drops anyone who has become unavailable or left the set, and fills
 * vacancies in fair order. Returns what changed, or null when nothing did.
 */
export async function announceNextMeeting(db: Db, state: SetState): Promise<Announcement | null> {
  const next = state.upcoming[0];
  if (!next) return null;
  const unavailable = unavailableAt(state, next);
  const memberIds = new Set(state.members.map((p) => p.personId));
  const planned = state.slots.filter((s) => s.meetingId === next.id && s.status === "planned");
  const drop = planned.filter((s) => unavailable.has(s.personId) || !memberIds.has(s.personId));
  await setSlotStatus(
    db,
    drop.filter((s) => memberIds.has(s.personId)).map((s) => s.id),
    "skipped",
  );
  await setSlotStatus(
    db,
    drop.filter((s) => !memberIds.has(s.personId)).map((s) => s.id),
    "released",
  );

  const plan = planMeeting(
    state.members,
    knownTurns(state),
    toPlan({ ...state, slots: state.slots.filter((s) => !drop.includes(s)) }, next),
  );
  const kept = new Set(planned.filter((s) => !drop.includes(s)).map((s) => s.personId));
  const added = plan.groups.filter((g) => g.every((id) => !kept.has(id)));
  const top = Math.max(0, ...state.slots.filter((s) => s.meetingId === next.id).map((s) => s.position));
  await insertSlots(
    db,
    added.flatMap((group, i) =>
      group.map((personId) => ({ meetingId: next.id, personId, position: top + i + 1, status: "planned" as const, swapped: false })),
    ),
  );
  if (drop.length === 0 && added.length === 0) return null;
  return { meeting: next, dropped: drop.map((s) => s.personId), added };
}

/** Reloads the set's state after announcing the next meeting, so views show stored slots. */
export async function freshState(db: Db, set: SetWithPeople, now: Date): Promise<{ state: SetState; announcement: Announcement | null }> {
  const announcement = await announceNextMeeting(db, await loadSetState(db, set, now));
  return { state: await loadSetState(db, set, now), announcement };
}
