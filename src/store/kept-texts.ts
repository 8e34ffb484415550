import type { Db } from "./open-database.ts";

/** How long a refused command's words are kept for its form button (a week): long enough to come back to them. */
export const KEPT_TEXT_DAYS = 7;

/** A refused command's words as kept: whose, the set's channel it ran in, the command and its options as given. */
export type KeptTextRow = { id: string; personId: string; channelId: string; key: string; raw: Record<string, string>; createdAt: Date };

/** Keeps a refused command's options exactly as given (each option's raw text); returns the row's id. */
export async function keepText(
  db: Db,
  input: { personId: string; channelId: string; key: string; raw: Record<string, string>; now: Date },
): Promise<string> {
  const { personId, channelId, key, raw, now } = input;
  const row = await db.keptText.create({
    data: { personId, channelId, key, raw: JSON.stringify(raw), createdAt: now },
    select: { id: true },
  });
  return row.id;
}

/** The kept words with this id, or null when there are none (never kept, pruned, or forgotten). */
export async function findKeptText(db: Db, id: string): Promise<KeptTextRow | null> {
  const row = await db.keptText.findUnique({ where: { id } });
  if (!row) return null;
  const raw = JSON.parse(row.raw) as unknown;
  if (typeof raw !== "object" || raw === null || Object.values(raw).some((v) => typeof v !== "string")) return null;
  return { ...row, raw: raw as Record<string, string> };
}

/** Deletes kept words older than `before`; returns how many. */
export async function pruneKeptTexts(db: Db, before: Date): Promise<number> {
  return (await db.keptText.deleteMany({ where: { createdAt: { lt: before } } })).count;
}
