import { directRows } from "./direct-sql.ts";
import { Prisma } from "./generated/client.ts";
import type { OutboxStatus } from "./generated/enums.ts";
import { type Database, type Db, providerOf } from "./open-database.ts";

/** How SQLite rows store a DateTime through the Prisma adapter: ISO 8601 with an explicit offset. */
export const sqlTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** A time as a raw-SQL parameter: SQLite keeps the adapter's text form; PostgreSQL casts it to the column type (UTC). */
const time = (db: Db, d: Date) => (providerOf(db) === "postgresql" ? Prisma.sql`${sqlTime(d)}::timestamp(3)` : Prisma.sql`${sqlTime(d)}`);

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

export type OutboxRow = {
  id: string;
  key: string;
  kind: string;
  setId: string;
  personId: string | null;
  payload: string;
  attempts: number;
  /** The recipient's cached direct-message channel (Person.dmChannelId), for a DM; null when not opened yet or not a DM. */
  dmChannelId: string | null;
};

/**
 * Which due reminders a process delivers: those of the platforms it runs and, for Discord run in
 * shards, only guilds on its own shards (shard = (guild id >> 22) % count, Discord's rule).
 * No scope: every due reminder.
 */
export type ClaimScope = { platforms: string[]; discordShards?: { count: number; ids: number[] } };

/**
 * Inserts planned nudges in ONE statement, ignoring any whose key is already there: a nudge's key is
 * its identity, so re-planning after a restart or by a second process never doubles it.
 * Returns the keys of the rows that were new.
 */
export async function insertOutbox(db: Db, rows: OutboxInsert[], now: Date): Promise<string[]> {
  if (rows.length === 0) return [];
  const createdAt = sqlTime(now);
  // Only the columns, named one by one: a caller's row may carry more (such as its platform), which stays out of the statement.
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      key: r.key,
      kind: r.kind,
      setId: r.setId,
      personId: r.personId,
      payload: r.payload,
      sendAt: sqlTime(r.sendAt),
      staleAt: sqlTime(r.staleAt),
      status: r.status,
      reason: r.reason,
      createdAt,
    })),
  );
  const provider = providerOf(db);
  const insert =
    provider === "postgresql"
      ? Prisma.sql`INSERT INTO "Outbox" ("id", "key", "kind", "setId", "personId", "payload", "sendAt", "staleAt", "status", "attempts", "reason", "createdAt")
      SELECT j."id", j."key", j."kind", j."setId", j."personId", j."payload", j."sendAt"::timestamp(3), j."staleAt"::timestamp(3), j."status"::"OutboxStatus", 0, j."reason", j."createdAt"::timestamp(3)
      FROM jsonb_to_recordset(${json}::jsonb) AS j("id" text, "key" text, "kind" text, "setId" text, "personId" text, "payload" text, "sendAt" text, "staleAt" text, "status" text, "reason" text, "createdAt" text)
      ON CONFLICT ("key") DO NOTHING
      RETURNING "key"`
      : Prisma.sql`INSERT OR IGNORE INTO "Outbox" ("id", "key", "kind", "setId", "personId", "payload", "sendAt", "staleAt", "status", "attempts", "reason", "createdAt")
     SELECT json_extract(j.value, '$.id'), json_extract(j.value, '$.key'), json_extract(j.value, '$.kind'), json_extract(j.value, '$.setId'),
            json_extract(j.value, '$.personId'), json_extract(j.value, '$.payload'), json_extract(j.value, '$.sendAt'), json_extract(j.value, '$.staleAt'),
            json_extract(j.value, '$.status'), 0, json_extract(j.value, '$.reason'), json_extract(j.value, '$.createdAt')
     FROM json_each(${json}) AS j
     RETURNING "key"`;
  // The batch's JSON (a megabyte or two in a busy tick) goes to the driver directly, past the client (src/store/direct-sql.ts).
  const direct = await directRows(db, provider, insert);
  if (direct) return direct.map((r) => r[0] as string);
  return (await db.$queryRaw<{ key: string }[]>(insert)).map((r) => r.key);
}

/**
 * Pending rows (planned, not delivered yet: waiting for a retry) of the given kinds whose key ends with
 * `keySuffix` become skipped, with `reason` kept: a meeting's reminders for a time it no longer has.
 */
export async function skipPending(
  db: Db,
  setId: string,
  reminders: { kinds: string[]; keySuffix: string },
  reason: string,
): Promise<number> {
  const { count } = await db.outbox.updateMany({
    where: { setId, status: "pending", kind: { in: reminders.kinds }, key: { endsWith: reminders.keySuffix } },
    data: { status: "skipped", reason },
  });
  return count;
}

/**
 * Pending rows that went stale before they could be sent become skipped, with the reason kept, in one
 * statement. Returns each skipped row's kind and its set's platform.
 */
export async function skipStale(db: Db, now: Date): Promise<{ kind: string; platform: string }[]> {
  return db.$queryRaw<{ kind: string; platform: string }[]>`UPDATE "Outbox"
    SET "status" = 'skipped', "reason" = 'stale: its moment passed before it could be delivered'
    WHERE "status" = 'pending' AND "staleAt" <= ${time(db, now)}
    RETURNING "kind", (SELECT w."platform" FROM "LearningSet" s JOIN "Workspace" w ON w."id" = s."workspaceId" WHERE s."id" = "Outbox"."setId") AS "platform"`;
}

/** How many due rows one claim takes at most, unless the caller says otherwise. */
export const CLAIM_BATCH = 500;

/**
 * Claims up to `limit` due rows in `scope` (pending, sendAt and any retry time reached), earliest first,
 * in one statement by moving them to sending, with a lease: a claim not settled by `leaseUntil` (its
 * process died) returns to pending. Several processes may claim at once: SQLite serialises writers, and
 * on PostgreSQL `FOR UPDATE SKIP LOCKED` hands each row to one claimer without waiting. Each row comes
 * with its recipient's cached DM channel, so a DM needs no extra query.
 */
export async function claimDue(db: Database, now: Date, leaseUntil: Date, scope?: ClaimScope, limit = CLAIM_BATCH): Promise<OutboxRow[]> {
  const t = time(db, now);
  const due = Prisma.sql`"status" = 'pending' AND "sendAt" <= ${t} AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${t}) ${scopeFilter(scope)}`;
  const returning = Prisma.sql`RETURNING "id", "key", "kind", "setId", "personId", "payload", "attempts",
    (SELECT p."dmChannelId" FROM "Person" p WHERE p."id" = "Outbox"."personId") AS "dmChannelId"`;
  type Claimed = OutboxRow & { attempts: number | bigint };
  let rows: Claimed[];
  if (providerOf(db) === "postgresql") {
    // ARRAY(…) is computed once and the rows found by primary key: with `IN (SELECT …)` the planner hash-joins the
    // claimed ids against a scan of the whole outbox, sent rows included (tens of ms at 90,000 rows). The due rows
    // are read in the (status, sendAt) index's order, stopping at `limit`: with the statistics of a busy tick (rows
    // inserted moments ago) the planner otherwise chose a bitmap scan, which visits every dead version of the rows
    // claimed before, so each claim took longer than the last (docs/scaling.md, "Limit 2"). SET LOCAL ends with the
    // claim's transaction.
    const claim = Prisma.sql`UPDATE "Outbox" SET "status" = 'sending', "nextAttemptAt" = ${time(db, leaseUntil)}
      WHERE "id" = ANY(ARRAY(SELECT "id" FROM "Outbox" WHERE ${due} ORDER BY "status", "sendAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED))
      ${returning}`;
    [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL enable_bitmapscan = off`, db.$queryRaw<Claimed[]>(claim)]);
  } else {
    rows = await db.$queryRaw<Claimed[]>`UPDATE "Outbox" SET "status" = 'sending', "nextAttemptAt" = ${time(db, leaseUntil)}
      WHERE "id" IN (SELECT "id" FROM "Outbox" WHERE ${due} ORDER BY "sendAt" LIMIT ${limit})
      ${returning}`;
  }
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

function scopeFilter(scope: ClaimScope | undefined): Prisma.Sql {
  if (!scope) return Prisma.empty;
  if (scope.platforms.length === 0) return Prisma.sql`AND FALSE`;
  const shards = scope.discordShards;
  const onOwnShard = shards
    ? Prisma.sql`AND (w."platform" <> 'discord' OR ((CAST(w."externalId" AS BIGINT) >> 22) % ${shards.count}) IN (${Prisma.join(shards.ids)}))`
    : Prisma.empty;
  return Prisma.sql`AND "setId" IN (SELECT s."id" FROM "LearningSet" s JOIN "Workspace" w ON w."id" = s."workspaceId"
    WHERE w."platform" IN (${Prisma.join(scope.platforms)}) ${onOwnShard})`;
}

/**
 * Hands claims back at once: the rows among `ids` still in sending become pending and due now. A
 * stopping process calls this for the claims it will not finish, so nothing waits for the lease.
 * The ids travel as ONE JSON parameter, however many there are. Returns how many were handed back.
 */
export async function releaseClaims(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const json = JSON.stringify(ids);
  return providerOf(db) === "postgresql"
    ? db.$executeRaw`UPDATE "Outbox" SET "status" = 'pending', "nextAttemptAt" = NULL
        WHERE "status" = 'sending' AND "id" IN (SELECT jsonb_array_elements_text(${json}::jsonb))`
    : db.$executeRaw`UPDATE "Outbox" SET "status" = 'pending', "nextAttemptAt" = NULL
        WHERE "status" = 'sending' AND "id" IN (SELECT j.value FROM json_each(${json}) AS j)`;
}

/**
 * The reminders not yet settled (pending, awaiting a retry, or being sent) on every platform, and when
 * the oldest of those already due was meant to go out (null: none is due). Two statements.
 */
export async function outboxBacklog(db: Db, now: Date): Promise<{ pending: number; oldestDueAt: Date | null }> {
  const unsettled = { status: { in: ["pending", "sending"] satisfies OutboxStatus[] } };
  const pending = await db.outbox.count({ where: unsettled });
  const oldest = await db.outbox.aggregate({ where: { ...unsettled, sendAt: { lte: now } }, _min: { sendAt: true } });
  return { pending, oldestDueAt: oldest._min.sendAt };
}

/** Claims whose lease ran out (the claiming process stopped mid-delivery) go back to pending. */
export async function releaseExpiredClaims(db: Db, now: Date): Promise<number> {
  const { count } = await db.outbox.updateMany({ where: { status: "sending", nextAttemptAt: { lte: now } }, data: { status: "pending" } });
  return count;
}

/** The most sent marks one `markSentMany` statement writes: its parameters (two a mark, and two) stay bounded. */
export const MARKS_PER_STATEMENT = 100;

/** One delivered row to mark sent, with the platform's id for the message (null: the platform gave none). */
export type SentMark = { id: string; platformRef: string | null };

/**
 * Marks delivered rows sent at `now`, each with its platform's id for the message, in ONE statement of at most
 * `MARKS_PER_STATEMENT` rows (more is a programming error: the caller, src/scheduler/sent-marks.ts, splits them).
 * All or none: if the statement fails, every row keeps its status (sending, until its lease hands it back).
 */
export async function markSentMany(db: Db, marks: SentMark[], now: Date): Promise<void> {
  if (marks.length === 0) return;
  if (marks.length > MARKS_PER_STATEMENT) throw new Error(`markSentMany takes at most ${MARKS_PER_STATEMENT} marks, got ${marks.length}`);
  // One plain statement (Prisma's update would read the rows back too).
  const refs = Prisma.join(
    marks.map((m) => Prisma.sql`WHEN ${m.id} THEN ${m.platformRef}`),
    " ",
  );
  await db.$executeRaw`UPDATE "Outbox" SET "status" = 'sent', "sentAt" = ${time(db, now)}, "attempts" = "attempts" + 1,
    "lastError" = NULL, "platformRef" = CASE "id" ${refs} END WHERE "id" IN (${Prisma.join(marks.map((m) => m.id))})`;
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

/**
 * A claimed row handed back to pending until `until`, its tries not counted: its last try, given up on by this
 * process, is still in flight, and is waited for before another (src/scheduler/deliver.ts).
 */
export async function postponeTry(db: Db, id: string, until: Date): Promise<void> {
  await db.outbox.update({ where: { id }, data: { status: "pending", nextAttemptAt: until } });
}

/**
 * The earliest retry time, or end of a claim's lease, still to come after `after`, if any: lets a
 * simulated clock stop there, as the every-minute cron would.
 */
export async function nextRetryAt(db: Db, after: Date): Promise<Date | null> {
  const row = await db.outbox.findFirst({
    where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { gt: after } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
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
export async function listFailed(
  db: Db,
  setId: string,
): Promise<{ kind: string; personId: string | null; lastError: string | null; attempts: number; sendAt: Date }[]> {
  return db.outbox.findMany({
    where: { setId, status: "failed" },
    select: { kind: true, personId: true, lastError: true, attempts: true, sendAt: true },
    orderBy: { sendAt: "asc" },
  });
}

/**
 * Withdraws reminders planned but not yet handed to a platform (pending, including those waiting for a retry):
 * they become skipped with `reason`. Scoped by set, by recipient and by kind, each optional but at least one
 * given. A reminder being delivered at this moment (sending) is left to finish.
 */
export async function withdrawPending(
  db: Db,
  scope: { setId?: string; personId?: string; kinds?: readonly string[] },
  reason: string,
): Promise<number> {
  if (scope.setId === undefined && scope.personId === undefined) throw new Error("withdrawPending needs a set or a person");
  const { count } = await db.outbox.updateMany({
    where: {
      status: "pending",
      ...(scope.setId !== undefined ? { setId: scope.setId } : {}),
      ...(scope.personId !== undefined ? { personId: scope.personId } : {}),
      ...(scope.kinds ? { kind: { in: [...scope.kinds] } } : {}),
    },
    data: { status: "skipped", reason },
  });
  return count;
}
