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
    "schema.prisma changed without a migration: see docs/architecture.md, 'Changing the schema'",
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

test("upgrading to the draft's links (0010) keeps every entry and its action: the Entry rebuild does not cascade", () => {
  const db = new Database(join(dir, "draft-links.db"));
  const all = loadMigrations();
  const at = all.findIndex((m) => m.name === "0010_draft_links");
  assert.ok(at > 0, "0010_draft_links exists");
  migrateSqlite(db, all.slice(0, at));
  db.exec(`INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
    INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES ('p', 'w', 'Ana', 'Ana', 'Europe/London');
    INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone") VALUES ('s', 'w', 'set', 'Set', 'Europe/London');
    INSERT INTO "Membership" ("id", "setId", "personId", "role", "joinedAt") VALUES ('m', 's', 'p', 'member', '2027-01-01');
    INSERT INTO "Entry" ("id", "setId", "authorId", "number", "kind", "text", "createdAt") VALUES ('e1', 's', 'p', 1, 'goal', 'A goal', '2027-01-02');
    INSERT INTO "Entry" ("id", "setId", "authorId", "number", "kind", "text", "createdAt") VALUES ('e2', 's', 'p', 2, 'action', 'An action', '2027-01-03');
    INSERT INTO "Action" ("id", "entryId", "setId", "ownerId", "createdAt") VALUES ('a', 'e2', 's', 'p', '2027-01-03');`);
  migrateSqlite(db, all);
  const entries = db.prepare(`SELECT "id", "text", "goalId", "problemId", "support", "source" FROM "Entry" ORDER BY "number"`).all();
  assert.deepEqual(entries, [
    { id: "e1", text: "A goal", goalId: null, problemId: null, support: null, source: null },
    { id: "e2", text: "An action", goalId: null, problemId: null, support: null, source: null },
  ]);
  assert.deepEqual(db.prepare(`SELECT "id", "entryId" FROM "Action"`).all(), [{ id: "a", entryId: "e2" }]);
  assert.deepEqual(db.prepare(`SELECT "registrationNumber", "centreNumber", "centreName" FROM "Membership"`).all(), [
    { registrationNumber: null, centreNumber: null, centreName: null },
  ]);
});

test("upgrading links each outcome recorded by /log outcome action:N to its entry, and no other", () => {
  const db = new Database(join(dir, "outcomes.db"));
  const all = loadMigrations();
  const at = all.findIndex((m) => m.name === "0008_link_outcome_entries");
  migrateSqlite(db, all.slice(0, at));
  db.exec(`INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
    INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES ('p', 'w', 'Ana', 'Ana', 'Europe/London');
    INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone") VALUES ('s', 'w', 'set', 'Set', 'Europe/London');
    INSERT INTO "Entry" ("id", "setId", "authorId", "number", "kind", "text", "createdAt") VALUES
      ('e1', 's', 'p', 1, 'action', 'Call both leads', '2027-01-05T09:00:00.000+00:00'),
      ('e2', 's', 'p', 2, 'outcome', 'Called them both', '2027-01-06T09:00:00.000+00:00'),
      ('e3', 's', 'p', 3, 'action', 'Book the room', '2027-01-05T09:00:00.000+00:00');
    INSERT INTO "Action" ("id", "entryId", "setId", "ownerId", "createdAt", "status", "outcome", "outcomeAt") VALUES
      ('a1', 'e1', 's', 'p', '2027-01-05T09:00:00.000+00:00', 'done', 'Called them both', '2027-01-06T09:00:00.000+00:00'),
      ('a3', 'e3', 's', 'p', '2027-01-05T09:00:00.000+00:00', 'done', 'Booked it', '2027-01-07T09:00:00.000+00:00');`);
  migrateSqlite(db, all);
  assert.deepEqual(db.prepare(`SELECT "id", "outcomeEntryId" FROM "Action" ORDER BY "id"`).all(), [
    { id: "a1", outcomeEntryId: "e2" },
    { id: "a3", outcomeEntryId: null },
  ]);
  assert.deepEqual(
    db.prepare(`SELECT "entryId", "actionId" FROM "OutcomeLink"`).all(),
    [{ entryId: "e2", actionId: "a1" }],
    "0014: the outcome entry keeps its own link to the action",
  );
});

test("upgrading marks the apologies /away sent as the leave's, and no others", () => {
  const db = new Database(join(dir, "apologies.db"));
  const all = loadMigrations();
  migrateSqlite(
    db,
    all.slice(
      0,
      all.findIndex((m) => m.name === "0009_mark_apologies_sent_for_leave"),
    ),
  );
  const leaveBegan = "2027-01-04T09:00:00.000+00:00";
  db.exec(`INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
    INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES ('p', 'w', 'Eve', 'Eve', 'Europe/London');
    INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone") VALUES ('s', 'w', 'set', 'Set', 'Europe/London');
    INSERT INTO "Meeting" ("id", "setId", "number", "startsAt", "durationMinutes", "createdById") VALUES
      ('m1', 's', 1, '2027-01-12T10:00:00.000+00:00', 120, 'p'),
      ('m2', 's', 2, '2027-02-09T10:00:00.000+00:00', 120, 'p'),
      ('m3', 's', 3, '2027-03-09T10:00:00.000+00:00', 120, 'p');
    INSERT INTO "Absence" ("id", "setId", "personId", "startsAt", "lastDay", "timeZone") VALUES ('a', 's', 'p', '${leaveBegan}', '2027-02-28', 'Europe/London');
    INSERT INTO "Rsvp" ("meetingId", "personId", "answer", "answeredAt") VALUES
      ('m1', 'p', 'no', '${leaveBegan}'), ('m2', 'p', 'no', '2027-01-03T09:00:00.000+00:00'), ('m3', 'p', 'no', '${leaveBegan}');`);
  migrateSqlite(db, all);
  assert.deepEqual(db.prepare(`SELECT "meetingId", "absenceId" FROM "Rsvp" ORDER BY "meetingId"`).all(), [
    { meetingId: "m1", absenceId: "a" },
    { meetingId: "m2", absenceId: null },
    { meetingId: "m3", absenceId: null },
  ]);
});

test("upgrading numbers each stored review by its place among the member's reviews, as /review list showed it (0015)", () => {
  const db = new Database(join(dir, "review-numbers.db"));
  const all = loadMigrations();
  migrateSqlite(
    db,
    all.slice(
      0,
      all.findIndex((m) => m.name === "0015_stable_numbers"),
    ),
  );
  db.exec(`INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
    INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone") VALUES ('s', 'w', 'set', 'Set', 'Europe/London');
    INSERT INTO "Review" ("id", "setId", "advisorId", "memberId", "text", "createdAt") VALUES
      ('r1', 's', 'sam', 'ana', 'a', '2027-01-04T09:00:00.000+00:00'),
      ('r2', 's', 'sam', 'ben', 'b', '2027-01-05T09:00:00.000+00:00'),
      ('r3', 's', 'sam', 'ana', 'c', '2027-01-06T09:00:00.000+00:00'),
      ('r0', 's', 'sam', 'ana', 'd', '2027-01-06T09:00:00.000+00:00');`);
  migrateSqlite(db, all);
  assert.deepEqual(db.prepare(`SELECT "id", "number" FROM "Review" ORDER BY "id"`).all(), [
    { id: "r0", number: 2 },
    { id: "r1", number: 1 },
    { id: "r2", number: 1 },
    { id: "r3", number: 3 },
  ]);
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
