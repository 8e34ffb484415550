import assert from "node:assert/strict";
import type pg from "pg";
import { afterAll, test } from "vitest";
import { POSTGRES_SCHEMA } from "../../scripts/postgres/derive-schema.ts";
import { diffPostgres } from "../../scripts/postgres/migrate-diff.ts";
import { loadMigrations, migratePostgres, POSTGRES_MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { AFTER_CALENDAR_DATES, BEFORE_CALENDAR_DATES, LEAVE_ENDS_BEFORE, migratedLeaveEnds } from "../support/calendar-date-rows.ts";
import { createTestDatabase, POSTGRES_ADMIN_URL, type TestDatabase, withPgClient } from "../support/test-database.ts";

assert.ok(POSTGRES_ADMIN_URL, "the PostgreSQL tests run in npm test's PostgreSQL lane (scripts/test.ts), which sets ALS_TEST_POSTGRES_URL");

const databases: TestDatabase[] = [];
/** An empty database: these tests migrate it themselves. */
const fresh = async () => {
  const d = await createTestDatabase({ empty: true });
  databases.push(d);
  return d.url;
};
afterAll(async () => {
  for (const d of databases) await d.drop();
});

const query = <T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> =>
  withPgClient(url, async (c) => (await c.query<T>(sql)).rows);

/** Columns, indexes and constraints of the public schema, the migration bookkeeping table left out. */
async function schemaOf(url: string): Promise<string[]> {
  const columns = await query<{ d: string }>(
    url,
    `SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || datetime_precision || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS d
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_als_migrations'`,
  );
  const indexes = await query<{ d: string }>(
    url,
    `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_als_migrations'`,
  );
  const constraints = await query<{ d: string }>(
    url,
    `SELECT t.relname || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS d FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.connamespace = 'public'::regnamespace AND t.relname <> '_als_migrations'`,
  );
  return [...columns, ...indexes, ...constraints].map((r) => r.d).sort();
}

test("the committed PostgreSQL migrations build exactly the schema derived from prisma/schema.prisma (no drift)", {
  timeout: 120_000,
}, async () => {
  const migrated = await fresh();
  await migratePostgres(migrated);
  const fromSchema = await fresh();
  await query(fromSchema, diffPostgres(null, POSTGRES_SCHEMA, POSTGRES_ADMIN_URL!));
  const [a, b] = [await schemaOf(migrated), await schemaOf(fromSchema)];
  assert.ok(a.length > 50, `expected the whole schema, got ${a.length} items`);
  assert.deepEqual(
    a,
    b,
    "schema.prisma changed without a PostgreSQL migration: run npm run db:migration (docs/architecture.md, 'Changing the schema')",
  );
});

test("processes starting together apply each migration once (advisory lock), and again applies none", async () => {
  const url = await fresh();
  const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
  assert.deepEqual(
    results.flat().sort(),
    loadMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name),
  );
  assert.deepEqual(await migratePostgres(url), []);
});

test("upgrading a PostgreSQL database keeps its rows", async () => {
  const url = await fresh();
  const [first, ...rest] = loadMigrations(POSTGRES_MIGRATIONS_DIR);
  await migratePostgres(url, [first!]);
  await query(
    url,
    `INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
     INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES ('p', 'w', 'Ana', 'Ana', 'Europe/London');`,
  );
  assert.deepEqual(
    await migratePostgres(url, [first!, ...rest]),
    rest.map((m) => m.name),
  );
  assert.deepEqual(await query(url, `SELECT "displayName", "nudgesOn" FROM "Person"`), [{ displayName: "Ana", nudgesOn: true }]);
});

test("a migration that fails is rolled back whole and named in the error", async () => {
  const url = await fresh();
  const broken = { name: "9999_broken", sql: `CREATE TABLE "Half" ("id" TEXT); SELECT no_such_function();` };
  await assert.rejects(migratePostgres(url, [broken]), /migration 9999_broken failed: .*no_such_function/);
  assert.deepEqual(await query(url, `SELECT to_regclass('"Half"') AS t`), [{ t: null }]);
  assert.deepEqual(await query(url, `SELECT count(*)::int AS n FROM "_als_migrations"`), [{ n: 0 }]);
});

test("the calendar dates migration (0007) turns stored instants into the calendar dates they stood for, in each owner's zone", async () => {
  const url = await fresh();
  const all = loadMigrations(POSTGRES_MIGRATIONS_DIR);
  const upTo = all.findIndex((m) => m.name.endsWith("_calendar_dates"));
  assert.ok(upTo > 0, "the calendar dates migration exists");
  await migratePostgres(url, all.slice(0, upTo));
  await query(url, BEFORE_CALENDAR_DATES);
  await migratePostgres(url, all);
  assert.deepEqual(
    await query(url, `SELECT "id", "programmeStart", "programmeEnd" FROM "LearningSet" ORDER BY "id"`),
    AFTER_CALENDAR_DATES.programmes,
  );
  assert.deepEqual(await query(url, `SELECT "id", "dueDate", "dueTimeZone" FROM "Action" ORDER BY "id"`), AFTER_CALENDAR_DATES.actions);
  // timestamp(3) columns hold UTC: read them as UTC text, not through the driver's local-time reading
  const absences = await query<{ id: string; lastDay: string; timeZone: string; endedAt: string | null }>(
    url,
    `SELECT "id", "lastDay", "timeZone", to_char("endedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "endedAt" FROM "Absence" ORDER BY "id"`,
  );
  assert.deepEqual(absences, AFTER_CALENDAR_DATES.absences);
  assert.deepEqual(Object.fromEntries(absences.map((a) => [a.id, migratedLeaveEnds(a)])), LEAVE_ENDS_BEFORE, "each leave ends when it did");
});
