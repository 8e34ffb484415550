import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, test } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "../../scripts/postgres/derive-schema.ts";
import { loadMigrations, migrateSqlite, POSTGRES_MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { AFTER_CALENDAR_DATES, BEFORE_CALENDAR_DATES, LEAVE_ENDS_BEFORE, migratedLeaveEnds } from "../support/calendar-date-rows.ts";

const dir = mkdtempSync(join(tmpdir(), "als-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tables and indexes with their normalised SQL, the migration bookkeeping table left out. */
function schemaOf(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '_als_%' ORDER BY type, name`)
    .all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return rows.map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, " ")}`);
}

test("the committed migrations build exactly the schema in prisma/schema.prisma (no drift)", () => {
  const fromMigrations = new Database(join(dir, "migrated.db"));
  migrateSqlite(fromMigrations);
  const script = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${join(dir, "cli.db")}` },
    },
  );
  const fromSchema = new Database(join(dir, "schema.db"));
  fromSchema.exec(script);
  assert.deepEqual(
    schemaOf(fromMigrations),
    schemaOf(fromSchema),
    "schema.prisma changed without a migration: see README, 'Changing the schema'",
  );
});

test("migrating twice applies each migration once", () => {
  const db = new Database(join(dir, "twice.db"));
  assert.ok(migrateSqlite(db).length >= 1);
  assert.deepEqual(migrateSqlite(db), []);
  const recorded = db.prepare(`SELECT count(*) AS n FROM "_als_migrations"`).get() as { n: number };
  assert.ok(recorded.n >= 1);
});

test("upgrading a database keeps its rows: table rebuilds do not cascade", () => {
  const db = new Database(join(dir, "upgrade.db"));
  const [first, ...rest] = loadMigrations();
  migrateSqlite(db, [first!]);
  db.exec(`INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
    INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES ('p', 'w', 'Ana', 'Ana', 'Europe/London');
    INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone") VALUES ('s', 'w', 'set', 'Set', 'Europe/London');
    INSERT INTO "Membership" ("id", "setId", "personId", "role", "joinedAt") VALUES ('m', 's', 'p', 'member', '2027-01-01');`);
  migrateSqlite(db, [first!, ...rest]);
  assert.equal((db.prepare(`SELECT count(*) AS n FROM "Membership"`).get() as { n: number }).n, 1);
  assert.equal((db.prepare(`SELECT count(*) AS n FROM "Person"`).get() as { n: number }).n, 1);
  assert.equal(db.pragma("foreign_keys", { simple: true }), 1);
});

test("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma and up to date", () => {
  assert.equal(
    readFileSync(POSTGRES_SCHEMA, "utf8"),
    postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")),
    "run npm run db:migration after changing prisma/schema.prisma",
  );
});

test("SQLite and PostgreSQL have the same migrations, in step", () => {
  assert.deepEqual(
    loadMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name),
    loadMigrations().map((m) => m.name),
  );
});

test("the calendar dates migration (0007) turns stored instants into the calendar dates they stood for, in each owner's zone", () => {
  const db = new Database(join(dir, "calendar-dates.db"));
  const all = loadMigrations();
  const upTo = all.findIndex((m) => m.name.endsWith("_calendar_dates"));
  assert.ok(upTo > 0, "the calendar dates migration exists");
  migrateSqlite(db, all.slice(0, upTo));
  db.exec(BEFORE_CALENDAR_DATES);
  migrateSqlite(db, all);
  const rows = (sql: string) => db.prepare(sql).all();
  assert.deepEqual(rows(`SELECT "id", "programmeStart", "programmeEnd" FROM "LearningSet" ORDER BY "id"`), AFTER_CALENDAR_DATES.programmes);
  assert.deepEqual(rows(`SELECT "id", "dueDate", "dueTimeZone" FROM "Action" ORDER BY "id"`), AFTER_CALENDAR_DATES.actions);
  const absences = rows(`SELECT "id", "lastDay", "timeZone", "endedAt" FROM "Absence" ORDER BY "id"`) as {
    id: string;
    lastDay: string;
    timeZone: string;
    endedAt: string | null;
  }[];
  assert.deepEqual(
    absences.map((a) => ({ ...a, endedAt: a.endedAt && new Date(a.endedAt).toISOString() })),
    AFTER_CALENDAR_DATES.absences,
  );
  assert.deepEqual(Object.fromEntries(absences.map((a) => [a.id, migratedLeaveEnds(a)])), LEAVE_ENDS_BEFORE, "each leave ends when it did");
});
