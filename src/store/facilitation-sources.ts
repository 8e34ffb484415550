/**
 * What an advisor's draft M5.37 log reads from other people's tables, and no more: the advisor's own reviews of
 * members, the set's feedback, and each member's counts. Members' entries are counted, never read; a review's
 * reply (the member's words) is read only for members who share their log.
 */
import type { Db } from "./open-database.ts";

export type ReviewSource = {
  memberId: string;
  text: string;
  createdAt: Date;
  replied: boolean;
  /** The member's reply, only when `sharing` says they share; null otherwise. */
  reply: string | null;
  repliedAt: Date | null;
};

/**
 * The advisor's own reviews of members in a set, oldest first. `sharingMemberIds` are the members who share their
 * log: only their replies are read; for the others, only whether and when they replied.
 */
export async function listOwnReviews(db: Db, setId: string, advisorId: string, sharingMemberIds: Set<string>): Promise<ReviewSource[]> {
  const rows = await db.review.findMany({
    where: { setId, advisorId },
    orderBy: { createdAt: "asc" },
    select: { memberId: true, text: true, createdAt: true, reply: true, repliedAt: true },
  });
  return rows.map((r) => ({
    memberId: r.memberId,
    text: r.text,
    createdAt: r.createdAt,
    replied: r.reply !== null,
    reply: sharingMemberIds.has(r.memberId) ? r.reply : null,
    repliedAt: r.repliedAt,
  }));
}

/** The set's feedback, oldest first; `authorId` null when it was given anonymously. */
export async function listSetFeedback(
  db: Db,
  setId: string,
): Promise<{ authorId: string | null; about: string; text: string; meetingId: string | null; createdAt: Date }[]> {
  return db.feedback.findMany({
    where: { setId },
    orderBy: { createdAt: "asc" },
    select: { authorId: true, about: true, text: true, meetingId: true, createdAt: true },
  });
}

/** Each author's count of entries, actions and actions with an outcome in a set: three grouped counts. */
export async function memberCounts(db: Db, setId: string): Promise<Map<string, { entries: number; actions: number; outcomes: number }>> {
  const [entries, actions, outcomes] = await Promise.all([
    db.entry.groupBy({ by: ["authorId"], where: { setId }, _count: { _all: true } }),
    db.action.groupBy({ by: ["ownerId"], where: { setId }, _count: { _all: true } }),
    db.action.groupBy({ by: ["ownerId"], where: { setId, status: { not: "open" } }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, { entries: number; actions: number; outcomes: number }>();
  const of = (id: string) => counts.get(id) ?? counts.set(id, { entries: 0, actions: 0, outcomes: 0 }).get(id)!;
  for (const e of entries) of(e.authorId).entries = e._count._all;
  for (const a of actions) of(a.ownerId).actions = a._count._all;
  for (const a of outcomes) of(a.ownerId).outcomes = a._count._all;
  return counts;
}

/** How often the set holds a set learning review (every N meetings); null when off. */
export async function reviewCadence(db: Db, setId: string): Promise<number | null> {
  const row = await db.learningSet.findUnique({ where: { id: setId }, select: { reviewEvery: true } });
  return row?.reviewEvery ?? null;
}
