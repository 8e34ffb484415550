/**
 * Each set's next moment, `LearningSet.nextDueAt` (docs/architecture.md, "A reminder tick"): the earliest instant at
 * which any of its reminders can fall due, as the planner last computed it; null means "changed since: plan it at
 * the next tick". Every statement here is one statement whatever the number of sets, on the `nextDueAt` index.
 *
 * The contract that keeps moments right: whoever changes what the nudge planner reads about a set (its meetings,
 * members, entries, actions, absences, or its people's reminder settings) calls `markSetsToPlan` in the same
 * transaction. The scheduler writes a moment back only if no mark came in between (`saveMoments`).
 */
import type { Prisma } from "./generated/client.ts";
import { type Db, providerOf } from "./open-database.ts";
import { sqlTime } from "./outbox.ts";

/**
 * Marks sets to be planned at the next tick (their moment becomes null), in one statement: the sets `setIds`,
 * and, with `personId`, every set that person belongs to (member or advisor, current or past), since their
 * time zone, quiet hours, snooze or stopped reminders move reminders in all of them.
 */
export async function markSetsToPlan(db: Db, which: { setIds?: readonly string[]; personId?: string }): Promise<void> {
  const or: Prisma.LearningSetWhereInput[] = [];
  if (which.setIds?.length) or.push({ id: { in: [...which.setIds] } });
  if (which.personId) or.push({ memberships: { some: { personId: which.personId } } });
  if (or.length === 0) return;
  await db.learningSet.updateMany({ where: { OR: or }, data: { nextDueAt: null } });
}

/**
 * Gives every set marked to plan (moment null) the moment `at`, so the tick that does this selects them as due and
 * can tell, when it writes their new moment, whether another mark came in meanwhile. One statement.
 */
export async function takeMarkedSets(db: Db, at: Date): Promise<number> {
  const { count } = await db.learningSet.updateMany({ where: { nextDueAt: null }, data: { nextDueAt: at } });
  return count;
}

/** A set as the tick selected it: its id and the moment it had then (the token `saveMoments` checks). */
export type SelectedSet = { id: string; nextDueAt: Date | null };

/**
 * Up to `limit` sets whose moment is at or before `now`, earliest first, leaving out the sets `except` (a batch still
 * being planned, at most one batch of ids): one indexed range read.
 */
export async function dueSets(db: Db, now: Date, limit: number, except: readonly string[] = []): Promise<SelectedSet[]> {
  return db.learningSet.findMany({
    where: { nextDueAt: { lte: now }, ...(except.length > 0 ? { id: { notIn: [...except] } } : {}) },
    orderBy: { nextDueAt: "asc" },
    take: limit,
    select: { id: true, nextDueAt: true },
  });
}

/** Up to `limit` sets with an id after `afterId` (every set, page by page, for the full re-plan). */
export async function setsAfter(db: Db, afterId: string | null, limit: number): Promise<SelectedSet[]> {
  return db.learningSet.findMany({
    where: afterId === null ? {} : { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, nextDueAt: true },
  });
}

/**
 * Writes each set's new moment, in one statement (the rows travel as one JSON parameter), but only where the set
 * still has the moment it had when selected (`was`): a set marked meanwhile (null) keeps its mark and is planned
 * again at the next tick, so a change committed while the tick was planning is never lost. A set selected with
 * no moment is never written. Returns how many moments were written.
 */
export async function saveMoments(db: Db, rows: { id: string; was: Date | null; next: Date }[]): Promise<number> {
  const known = rows.filter((r) => r.was !== null);
  if (known.length === 0) return 0;
  const json = JSON.stringify(known.map((r) => ({ id: r.id, was: sqlTime(r.was!), next: sqlTime(r.next) })));
  return providerOf(db) === "postgresql"
    ? db.$executeRaw`UPDATE "LearningSet" AS s SET "nextDueAt" = j."next"::timestamp(3)
        FROM jsonb_to_recordset(${json}::jsonb) AS j("id" text, "was" text, "next" text)
        WHERE s."id" = j."id" AND s."nextDueAt" = j."was"::timestamp(3)`
    : db.$executeRaw`UPDATE "LearningSet" SET "nextDueAt" = j."next"
        FROM (SELECT json_extract(value, '$.id') AS "id", json_extract(value, '$.was') AS "was", json_extract(value, '$.next') AS "next"
              FROM json_each(${json})) AS j
        WHERE "LearningSet"."id" = j."id" AND "LearningSet"."nextDueAt" = j."was"`;
}

/**
 * The earliest moment after `after` of any set, or `after` itself if a set is marked to plan: lets a simulated
 * clock jump to the next moment a set must be planned. One statement on the index (two when none is after).
 */
export async function earliestMoment(db: Db, after: Date): Promise<Date | null> {
  if (await db.learningSet.findFirst({ where: { nextDueAt: null }, select: { id: true } })) return after;
  const row = await db.learningSet.findFirst({
    where: { nextDueAt: { gt: after } },
    orderBy: { nextDueAt: "asc" },
    select: { nextDueAt: true },
  });
  return row?.nextDueAt ?? null;
}
