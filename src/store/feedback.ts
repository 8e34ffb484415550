import type { Feedback } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/** Feedback on the set or its advisor (`/feedback`). `authorId` null: given anonymously, with nothing recording who. */
export type FeedbackRow = Omit<Feedback, "about"> & { about: "set" | "advisor" };

const asRow = (r: Feedback): FeedbackRow => ({
  ...r,
  about: r.about === "advisor" ? "advisor" : "set",
});

/**
 * Stores feedback. Anonymous feedback is given no author here, and the caller must pass nothing else that names
 * the giver: the row is the only trace of it.
 */
export async function addFeedback(
  db: Db,
  input: { setId: string; authorId: string | null; about: "set" | "advisor"; text: string; meetingId: string | null; now: Date },
): Promise<void> {
  await db.feedback.create({
    data: {
      setId: input.setId,
      authorId: input.authorId,
      about: input.about,
      text: input.text,
      meetingId: input.meetingId,
      createdAt: input.now,
    },
  });
}

/** The set's feedback, newest first, at most `last`. */
export async function feedbackInSet(db: Db, setId: string, last: number): Promise<FeedbackRow[]> {
  const rows = await db.feedback.findMany({ where: { setId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: last });
  return rows.map(asRow);
}

/** One author's named feedback in the set, oldest first (their number in `/feedback list` is their position here, from 1). */
export async function feedbackBy(db: Db, setId: string, authorId: string): Promise<FeedbackRow[]> {
  const rows = await db.feedback.findMany({ where: { setId, authorId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(asRow);
}

/** Deletes one piece of feedback, only if `authorId` gave it under their name; whether it was deleted. */
export async function withdrawFeedback(db: Db, id: string, authorId: string): Promise<boolean> {
  const { count } = await db.feedback.deleteMany({ where: { id, authorId } });
  return count === 1;
}

/** How many meetings of the set were closed (held) at or before `at`. */
export async function heldMeetingsBy(db: Db, setId: string, at: Date): Promise<number> {
  return db.meeting.count({ where: { setId, status: "closed", closedAt: { lte: at } } });
}

/** The set's review cadence: every N meetings held, or null (off). */
export async function reviewEveryOf(db: Db, setId: string): Promise<number | null> {
  const set = await db.learningSet.findUnique({ where: { id: setId }, select: { reviewEvery: true } });
  return set?.reviewEvery ?? null;
}

/** Sets the set's review cadence (null: off). */
export async function setReviewEvery(db: Db, setId: string, every: number | null): Promise<void> {
  await db.learningSet.update({ where: { id: setId }, data: { reviewEvery: every } });
}

/** The set's most recently closed meeting (by when it was closed), or null. */
export async function latestClosedMeeting(db: Db, setId: string): Promise<{ id: string; closedAt: Date } | null> {
  const m = await db.meeting.findFirst({
    where: { setId, status: "closed", closedAt: { not: null } },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    select: { id: true, closedAt: true },
  });
  return m?.closedAt ? { id: m.id, closedAt: m.closedAt } : null;
}
