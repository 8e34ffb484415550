import type { Db } from "./open-database.ts";

export async function addAdvisorNote(db: Db, input: { setId: string; authorId: string; text: string; now: Date }): Promise<void> {
  await db.advisorNote.create({ data: { setId: input.setId, authorId: input.authorId, text: input.text, createdAt: input.now } });
}

export async function listAdvisorNotes(db: Db, setId: string): Promise<{ authorId: string; text: string; createdAt: Date }[]> {
  return db.advisorNote.findMany({
    where: { setId },
    orderBy: { createdAt: "asc" },
    select: { authorId: true, text: true, createdAt: true },
  });
}

/** How many facilitation notes the set's advisors have kept: a count, for a member's draft (never the text). */
export async function countAdvisorNotes(db: Db, setId: string): Promise<number> {
  return db.advisorNote.count({ where: { setId } });
}
