import type { Db } from "./open-database.ts";

/** What a counter numbers: a person's entries in a set, or the reviews of a member in a set. */
export type NumberedKind = "entry" | "review";

/**
 * The next number for a person's entries or reviews in a set: one past the highest ever given, so a number freed
 * by a deletion is never given again (entries and reviews are cited by number). `highestStored` is the highest
 * number now stored, which counts for rows numbered before the counter existed. Runs inside the command's
 * transaction, like the insert that uses it.
 */
export async function nextNumber(
  db: Db,
  key: { setId: string; personId: string; kind: NumberedKind },
  highestStored: number,
): Promise<number> {
  const where = { setId_personId_kind: key };
  const counter = await db.numberCounter.findUnique({ where });
  const next = Math.max(counter?.last ?? 0, highestStored) + 1;
  await db.numberCounter.upsert({ where, create: { ...key, last: next }, update: { last: next } });
  return next;
}
