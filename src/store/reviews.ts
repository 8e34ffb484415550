import { nextNumber } from "./number-counters.ts";
import type { Db } from "./open-database.ts";

/** A review of a member's progress by an advisor (`/review`), with the member's one reply. */
export type ReviewRow = {
  id: string;
  setId: string;
  advisorId: string;
  memberId: string;
  text: string;
  createdAt: Date;
  editedAt: Date | null;
  reply: string | null;
  repliedAt: Date | null;
  /** Its number among the member's reviews in the set, from 1; kept when an earlier review is deleted. */
  number: number;
};

type StoredReview = Omit<ReviewRow, "number"> & { number: number | null };

/** Rows stored before numbers were (none after migration 0015) are numbered after the highest stored, oldest first. */
function numbered(rows: StoredReview[]): ReviewRow[] {
  const byMember = new Map<string, number>();
  for (const r of rows) byMember.set(r.memberId, Math.max(byMember.get(r.memberId) ?? 0, r.number ?? 0));
  return rows.map((r) => {
    if (r.number !== null) return { ...r, number: r.number };
    const n = (byMember.get(r.memberId) ?? 0) + 1;
    byMember.set(r.memberId, n);
    return { ...r, number: n };
  });
}

/** Stores a new review under the member's next review number, never one a deleted review had; returns it. */
export async function addReview(
  db: Db,
  input: { setId: string; advisorId: string; memberId: string; text: string; now: Date },
): Promise<ReviewRow> {
  const top = await db.review.aggregate({ where: { setId: input.setId, memberId: input.memberId }, _max: { number: true } });
  const number = await nextNumber(db, { setId: input.setId, personId: input.memberId, kind: "review" }, top._max.number ?? 0);
  const row = await db.review.create({
    data: { setId: input.setId, advisorId: input.advisorId, memberId: input.memberId, text: input.text, createdAt: input.now, number },
  });
  return { ...row, number };
}

/** A member's reviews in the set, oldest first, each with its stable number. */
export async function reviewsOf(db: Db, setId: string, memberId: string): Promise<ReviewRow[]> {
  return numbered(await db.review.findMany({ where: { setId, memberId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
}

/** Every review in the set, oldest first. */
export async function reviewsInSet(db: Db, setId: string): Promise<ReviewRow[]> {
  return numbered(await db.review.findMany({ where: { setId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
}

/** When each member of the set was last reviewed: memberId → the latest review's time (members never reviewed are absent). */
export async function lastReviewedAt(db: Db, setId: string): Promise<Map<string, Date>> {
  const rows = await db.review.groupBy({ by: ["memberId"], where: { setId }, _max: { createdAt: true } });
  return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.memberId, r._max.createdAt] as const] : [])));
}

/** Changes a review's text, marking it edited at `now`. */
export async function editReview(db: Db, id: string, text: string, now: Date): Promise<void> {
  await db.review.update({ where: { id }, data: { text, editedAt: now } });
}

export async function deleteReview(db: Db, id: string): Promise<void> {
  await db.review.delete({ where: { id } });
}

/** Stores the member's reply, only if there is none yet; whether it was stored. */
export async function replyToReview(db: Db, id: string, reply: string, now: Date): Promise<boolean> {
  const { count } = await db.review.updateMany({ where: { id, reply: null }, data: { reply, repliedAt: now } });
  return count === 1;
}

/** The names of everyone who has been an advisor of the set (current or not): personId → display name. */
export async function advisorNamesOf(db: Db, setId: string): Promise<Map<string, string>> {
  const people = await db.person.findMany({
    where: { memberships: { some: { setId, role: "advisor" } } },
    select: { id: true, displayName: true },
  });
  return new Map(people.map((p) => [p.id, p.displayName]));
}
