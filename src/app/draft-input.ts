import type { DraftInput } from "../domain/draft.ts";
import type { EntryKind } from "../domain/entry-kind.ts";
import { allEntries, listActions } from "../store/entries.ts";
import { attendedMeetings, listMeetings } from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";

/** Everything the draft is compiled from: this member's own entries and attendance, and nothing of anyone else's. */
export async function loadDraftInput(
  db: Db,
  set: SetWithPeople,
  member: { id: string; displayName: string; timeZone: string },
  now: Date,
): Promise<DraftInput> {
  const [entries, actions, meetings, attended] = await Promise.all([
    allEntries(db, set.id, member.id),
    listActions(db, set.id, member.id),
    listMeetings(db, set.id),
    attendedMeetings(db, set.id, member.id),
  ]);
  const numberOf = new Map(meetings.map((m) => [m.id, m.number]));
  const meetingNumber = (id: string | null) => (id ? (numberOf.get(id) ?? null) : null);
  return {
    learner: member.displayName,
    setName: set.name,
    advisors: set.memberships.filter((m) => m.role === "advisor").map((m) => m.person.displayName),
    programmeStart: set.programmeStart,
    programmeEnd: set.programmeEnd,
    attended: attended.map((m) => ({ number: numberOf.get(m.meetingId) ?? 0, startsAt: m.startsAt, durationMinutes: m.durationMinutes })),
    entries: entries.map((e) => ({
      number: e.number,
      kind: e.kind as EntryKind,
      text: e.text,
      createdAt: e.createdAt,
      meetingNumber: meetingNumber(e.meetingId),
    })),
    actions: actions.map((a) => ({ ...a, meetingNumber: meetingNumber(a.meetingId) })),
    now,
    timeZone: member.timeZone,
  };
}
