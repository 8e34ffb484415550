import { leaveEnds } from "../domain/set/leave.ts";
import { type AnnouncementPlan, planAnnouncements, type RotationState, rotationState } from "../domain/set/rotation-state.ts";
import {
  insertSlots,
  listAbsences,
  listMeetings,
  listRsvps,
  listSlots,
  type MeetingRow,
  markAnnounced,
  setSlotStatus,
} from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";

/** Everything the rotation and meeting views need about one set at one moment (the pure rules are in src/domain/set/rotation-state.ts). */
export type SetState = RotationState<MeetingRow> & { set: SetWithPeople };

/** Reads a set's meetings, turns, RSVPs and absences at `now`. Reads only. */
export async function loadSetState(db: Db, set: SetWithPeople, now: Date): Promise<SetState> {
  const [meetings, slots, rsvps, absences] = await Promise.all([
    listMeetings(db, set.id),
    listSlots(db, set.id),
    listRsvps(db, set.id),
    listAbsences(db, set.id, now),
  ]);
  const members = set.memberships
    .filter((m) => m.role === "member")
    .map((m, order) => ({ personId: m.person.id, order, pairLabel: m.pairLabel }));
  const state = rotationState({
    now,
    slotMinutes: set.slotMinutes,
    allowanceMinutes: set.allowanceMinutes,
    members,
    meetings,
    slots,
    rsvps,
    // The rotation reasons in instants: a leave runs until the end of its last day in its zone (or /away off).
    absences: absences.map((a) => ({ personId: a.personId, startsAt: a.startsAt, endsAt: leaveEnds(a) })),
  });
  return { ...state, set };
}

/** What announcing changed at one meeting: who was dropped, and the groups added in their place (or first announced). */
export type Announcement = { meeting: MeetingRow; firstTime: boolean; dropped: string[]; added: string[][] };

/**
 * Makes the presenters of every announced or due meeting definite and stores them (the rule, and when a
 * meeting is due, are in src/domain/set/rotation-state.ts). Only commands that change the set's meetings,
 * members or availability call this, after their own writes — and the scheduler, a week before each
 * meeting; never a read. Returns what changed, meeting by meeting, in time order.
 *
 * A meeting is marked announced before its turns are stored: of two processes announcing it at once only
 * one stores them, and the other stops there (the winner stores the rest too).
 */
export async function announcePresenters(db: Db, set: SetWithPeople, now: Date): Promise<Announcement[]> {
  const state = await loadSetState(db, set, now);
  const out: Announcement[] = [];
  for (const plan of planAnnouncements(state)) {
    if (plan.announce && !(await markAnnounced(db, plan.meetingId, now))) break;
    await writePlan(db, plan, now);
    const meeting = state.meetings.find((m) => m.id === plan.meetingId)!;
    out.push({ meeting, firstTime: plan.announce, dropped: plan.dropped, added: plan.added });
  }
  return out;
}

async function writePlan(db: Db, plan: AnnouncementPlan, now: Date): Promise<void> {
  await setSlotStatus(db, plan.skip, "skipped");
  await setSlotStatus(db, plan.release, "released");
  await insertSlots(db, plan.add, now);
}

/** Announces what is due after a command's writes, then reads the set again so replies show the stored turns. */
export async function announceThenLoad(db: Db, set: SetWithPeople, now: Date): Promise<{ state: SetState; announcements: Announcement[] }> {
  const announcements = await announcePresenters(db, set, now);
  return { state: await loadSetState(db, set, now), announcements };
}
