import type { FacilitationDraftInput } from "../domain/facilitation/types.ts";
import { listFacilitationEntries } from "../store/facilitation.ts";
import { listOwnReviews, listSetFeedback, memberCounts, reviewCadence } from "../store/facilitation-sources.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";
import { loadDeliveryRecords } from "./delivery-records.ts";
import { nameOf } from "./format.ts";

/**
 * Everything an advisor's draft M5.37 log is compiled from, for one set: the advisor's own facilitation entries and
 * reviews, the set's records of delivery and feedback, and each current member's counts. No member's log text is
 * read; a review's reply is read only for a member who shares their log.
 */
export async function loadFacilitationInput(
  db: Db,
  set: SetWithPeople,
  advisor: { id: string; displayName: string; timeZone: string },
  now: Date,
): Promise<FacilitationDraftInput> {
  const members = set.memberships.filter((m) => m.role === "member");
  const sharing = new Set(members.filter((m) => m.sharing).map((m) => m.person.id));
  const [records, entries, reviews, feedback, counts, reviewEvery] = await Promise.all([
    loadDeliveryRecords(db, set),
    listFacilitationEntries(db, set.id, advisor.id),
    listOwnReviews(db, set.id, advisor.id, sharing),
    listSetFeedback(db, set.id),
    memberCounts(db, set.id),
    reviewCadence(db, set.id),
  ]);
  const numberOf = new Map(records.meetings.map((m) => [m.id, m.number]));
  const meetingNumber = (id: string | null) => (id ? (numberOf.get(id) ?? null) : null);
  const heldById = new Map(records.held.map((m) => [m.id, m]));
  return {
    advisor: advisor.displayName,
    coAdvisors: set.memberships.filter((m) => m.role === "advisor" && m.person.id !== advisor.id).map((m) => m.person.displayName),
    setName: set.name,
    programmeStart: set.programmeStart,
    programmeEnd: set.programmeEnd,
    slotMinutes: set.slotMinutes,
    reviewEvery,
    members: members.map((m) => {
      const c = counts.get(m.person.id);
      return {
        name: m.person.displayName,
        shares: m.sharing,
        entries: c?.entries ?? 0,
        actions: c?.actions ?? 0,
        outcomes: c?.outcomes ?? 0,
      };
    }),
    meetings: records.meetings
      .filter((m) => m.status !== "cancelled")
      .map((m) => ({
        number: m.number,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        status: m.status === "closed" ? "closed" : "scheduled",
        present: heldById.get(m.id)?.present ?? [],
        presenters: heldById.get(m.id)?.presenters ?? "nobody yet",
      })),
    entries: entries.map((e) => ({
      number: e.number,
      kind: e.kind,
      text: e.text,
      createdAt: e.createdAt,
      meetingNumber: meetingNumber(e.meetingId),
      with: e.with,
      due: e.due,
    })),
    notes: records.notes.map((n) => ({ author: n.author, own: n.authorId === advisor.id, text: n.text, createdAt: n.createdAt })),
    reviews: reviews.map((r) => ({
      member: nameOf(set, r.memberId),
      text: r.text,
      createdAt: r.createdAt,
      replied: r.replied,
      reply: r.reply,
      repliedAt: r.repliedAt,
    })),
    feedback: feedback.map((f) => ({
      about: f.about === "advisor" ? "advisor" : "set",
      author: f.authorId === null ? null : nameOf(set, f.authorId),
      text: f.text,
      createdAt: f.createdAt,
      meetingNumber: meetingNumber(f.meetingId),
    })),
    now,
    timeZone: advisor.timeZone,
  };
}
