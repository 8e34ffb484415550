import type { DraftInput } from "../domain/draft.ts";
import type { StoredEntryKind } from "../domain/entry-kind.ts";
import { allEntries, listActions } from "../store/entries.ts";
import { attendedMeetings, listMeetings, presentedMeetingIds } from "../store/meetings.ts";
import { memberDetails } from "../store/member-details.ts";
import type { Db } from "../store/open-database.ts";
import { countAdvisorNotes } from "../store/records.ts";
import { advisorNamesOf, reviewsOf } from "../store/reviews.ts";
import type { SetWithPeople } from "../store/sets.ts";

/**
 * Everything the draft is compiled from: this member's own entries, details, attendance and presenter turns, and
 * the set's counts (members, meetings held, advisor notes) and their advisors' reviews of them (/review) — nothing of any other member's words.
 */
export async function loadDraftInput(
  db: Db,
  set: SetWithPeople,
  member: { id: string; displayName: string; timeZone: string },
  now: Date,
): Promise<DraftInput> {
  const membership = set.memberships.find((m) => m.person.id === member.id && m.role === "member") ?? null;
  const [entries, actions, meetings, attended, presented, advisorNotes, details, reviews, advisorNames] = await Promise.all([
    allEntries(db, set.id, member.id),
    listActions(db, set.id, member.id),
    listMeetings(db, set.id),
    attendedMeetings(db, set.id, member.id),
    presentedMeetingIds(db, set.id, member.id),
    countAdvisorNotes(db, set.id),
    membership ? memberDetails(db, membership.id) : Promise.resolve({ registration: null, centreNumber: null, centreName: null }),
    reviewsOf(db, set.id, member.id),
    advisorNamesOf(db, set.id),
  ]);
  const numberOf = new Map(meetings.map((m) => [m.id, m.number]));
  const meetingNumber = (id: string | null) => (id ? (numberOf.get(id) ?? null) : null);
  const entryNumber = new Map(entries.map((e) => [e.id, e.number]));
  const linked = (id: string | null) => (id ? (entryNumber.get(id) ?? null) : null);
  const attendedIds = new Set(attended.map((m) => m.meetingId));
  const presentedIds = new Set(presented);
  return {
    learner: member.displayName,
    details,
    setName: set.name,
    advisors: set.memberships.filter((m) => m.role === "advisor").map((m) => m.person.displayName),
    memberCount: set.memberships.filter((m) => m.role === "member").length,
    otherMembers: set.memberships.filter((m) => m.role === "member" && m.person.id !== member.id).map((m) => m.person.displayName),
    slotMinutes: set.slotMinutes,
    advisorNotes,
    programmeStart: set.programmeStart,
    programmeEnd: set.programmeEnd,
    joinedAt: membership?.joinedAt ?? null,
    meetings: meetings
      .filter((m) => m.status === "closed")
      .map((m) => ({
        number: m.number,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        attended: attendedIds.has(m.id),
        presented: presentedIds.has(m.id),
      })),
    entries: entries.map((e) => ({
      number: e.number,
      kind: e.kind as StoredEntryKind,
      text: e.text,
      createdAt: e.createdAt,
      meetingNumber: meetingNumber(e.meetingId),
      goal: linked(e.goalId),
      problem: linked(e.problemId),
      support: e.support,
      source: e.source,
      effectiveness: e.effectiveness,
      section: e.section,
    })),
    actions: actions.map((a) => ({
      number: a.number,
      text: a.text,
      createdAt: a.createdAt,
      meetingNumber: meetingNumber(a.meetingId),
      due: a.due,
      status: a.status,
      outcome: a.outcome,
      effectiveness: a.effectiveness,
      outcomeAt: a.outcomeAt,
    })),
    advisorReviews: reviews.map((r) => ({
      advisor: advisorNames.get(r.advisorId) ?? "a former advisor",
      text: r.text,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      reply: r.reply,
      repliedAt: r.repliedAt,
    })),
    now,
    timeZone: member.timeZone,
  };
}
