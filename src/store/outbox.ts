import type { Db } from "./open-database.ts";

/** How SQLite rows store a DateTime through the Prisma adapter: ISO 8601 with an explicit offset. */
export const sqlTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

export type OutboxInsert = {
  id: string;
  key: string;
  kind: string;
  setId: string;
  personId: string | null;
  payload: string;
  sendAt: Date;
  staleAt: Date;
  status: "pending" | "skipped";
  reason: string | null;
};

export type OutboxRow = { id: string; key: string; kind: string; setId: string; personId: string | null; payload: string; attempts: number; staleAt: Date };

/**
 * Inserts planned nudges in ONE statement, ignoring any whose key is already there: a nudge's key is
 * its identity, so re-planning after a restart or by a second process never doubles it.
 * Returns how many rows were new.
 */
export async function insertOutbox(db: Db, rows: OutboxInsert[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(rows.map((r) => ({ ...r, sendAt: sqlTime(r.sendAt), staleAt: sqlTime(r.staleAt), createdAt: sqlTime(now) })));
  return db.$executeRawUnsafe(
    `INSERT OR IGNORE INTO "Outbox" ("id", "key", "kind", "setId", "personId", "payload", "sendAt", "staleAt", "status", "attempts", "reason", "createdAt")
     SELECT json_extract(j.value, '$.id'), json_extract(j.value, '$.key'), json_extract(j.value, '$.kind'), json_extract(j.value, '$.setId'),
            json_extract(j.value, '$.personId'), json_extract(j.value, '$.payload'), json_extract(j.value, '$.sendAt'), json_extract(j.value, '$.staleAt'),
            json_extract(j.value, '$.status'), 0, json_extract(j.value, '$.reason'), json_extract(j.value, '$.createdAt')
     FROM json_each(?) AS j`,
    json,
  );
}

/** Pending rows that went stale before they could be sent become skipped, with the reason kept. */
export async function skipStale(db: Db, now: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "Outbox" SET "status" = 'skipped', "reason" = 'stale: its moment passed before it could be delivered' WHERE "status" = 'pending' AND "staleAt" <= ?`,
    sqlTime(now),
  );
}

/**
 * Claims every due row (pending, sendAt and any retry time reached) in one statement by moving it to
 * sending, with a lease: a claim not settled by `leaseUntil` (its process died) returns to pending.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date): Promise<OutboxRow[]> {
  const t = sqlTime(now);
  const rows = await db.$queryRawUnsafe<(Omit<OutboxRow, "staleAt" | "attempts"> & { staleAt: string; attempts: number | bigint })[]>(
    `UPDATE "Outbox" SET "status" = 'sending', "nextAttemptAt" = ?
     WHERE "status" = 'pending' AND "sendAt" <= ? AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ?)
     RETURNING "id", "key", "kind", "setId", "personId", "payload", "attempts", "staleAt"`,
    sqlTime(leaseUntil),
    t,
    t,
  );
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), staleAt: new Date(r.staleAt) }));
}

/** Claims whose lease ran out (the claiming process stopped mid-delivery) go back to pending. */
export async function releaseExpiredClaims(db: Db, now: Date): Promise<number> {
  return db.$executeRawUnsafe(`UPDATE "Outbox" SET "status" = 'pending' WHERE "status" = 'sending' AND "nextAttemptAt" <= ?`, sqlTime(now));
}

/** Marks delivered rows sent, in one statement. */
export async function markSent(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(
    `UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ?, "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" IN (SELECT value FROM json_each(?))`,
    sqlTime(now),
    JSON.stringify(ids),
  );
}

/** Records a failed try: back to pending with a later retry time, or failed for good with its error kept. */
export async function markFailedTry(db: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.outbox.update({
    where: { id },
    data: retryAt
      ? { status: "pending", attempts: { increment: 1 }, nextAttemptAt: retryAt, lastError: error }
      : { status: "failed", attempts: { increment: 1 }, lastError: error },
  });
}

/** The earliest retry time still waiting after `after`, if any (lets a simulated clock stop there). */
export async function nextRetryAt(db: Db, after: Date): Promise<Date | null> {
  const row = await db.outbox.findFirst({ where: { status: "pending", nextAttemptAt: { gt: after } }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } });
  return row?.nextAttemptAt ?? null;
}

const TICK_ID = "nudges";

export async function lastTickAt(db: Db): Promise<Date | null> {
  return (await db.schedulerState.findUnique({ where: { id: TICK_ID } }))?.lastTickAt ?? null;
}

export async function saveTickAt(db: Db, at: Date): Promise<void> {
  await db.schedulerState.upsert({ where: { id: TICK_ID }, create: { id: TICK_ID, lastTickAt: at }, update: { lastTickAt: at } });
}

/** Reminders that could not be delivered, for an advisor's records. */
export async function listFailed(db: Db, setId: string): Promise<{ kind: string; personId: string | null; lastError: string | null; attempts: number; sendAt: Date }[]> {
  return db.outbox.findMany({ where: { setId, status: "failed" }, select: { kind: true, personId: true, lastError: true, attempts: true, sendAt: true }, orderBy: { sendAt: "asc" } });
}
