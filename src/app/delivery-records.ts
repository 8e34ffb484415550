/**
 * The set's records of delivery, as `/records` shows them and an advisor's draft M5.37 log (2.3) holds them: each
 * meeting held (closed) with who attended and who presented, and the advisors' facilitation notes.
 */
import { groupByPosition } from "../domain/set/rotation-state.ts";
import { listAttendance, listMeetings, listSlots, type MeetingRow } from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import { listAdvisorNotes } from "../store/records.ts";
import type { SetWithPeople } from "../store/sets.ts";
import { nameOf, presenterNames } from "./format.ts";

/** A meeting held: its row, the names of those who attended, and its presenters ("Ana, Ben & Cleo"). */
type HeldMeeting = MeetingRow & { present: string[]; presenters: string };

export type DeliveryRecords = {
  /** Every meeting of the set, in time order (cancelled ones too). */
  meetings: MeetingRow[];
  held: HeldMeeting[];
  notes: { authorId: string; author: string; text: string; createdAt: Date }[];
};

/** Reads the set's records of delivery: four queries, whatever the number of meetings. */
export async function loadDeliveryRecords(db: Db, set: SetWithPeople): Promise<DeliveryRecords> {
  const [meetings, attendance, slots, notes] = await Promise.all([
    listMeetings(db, set.id),
    listAttendance(db, set.id),
    listSlots(db, set.id),
    listAdvisorNotes(db, set.id),
  ]);
  const held = meetings
    .filter((m) => m.status === "closed")
    .map((m) => ({
      ...m,
      present: attendance.filter((a) => a.meetingId === m.id).map((a) => nameOf(set, a.personId)),
      presenters: presenterNames(set, groupByPosition(slots.filter((s) => s.meetingId === m.id && s.status === "presented"))),
    }));
  return { meetings, held, notes: notes.map((n) => ({ ...n, author: nameOf(set, n.authorId) })) };
}
