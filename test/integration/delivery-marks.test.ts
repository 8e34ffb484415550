import assert from "node:assert/strict";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test, vi } from "vitest";
import type { Delivery } from "../../src/app/destination.ts";
import { CLAIM_LEASE_MS, deliverDue, type NudgeSink } from "../../src/scheduler/deliver.ts";
import { Prisma } from "../../src/store/generated/client.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { insertOutbox, MARKS_PER_STATEMENT, releaseExpiredClaims } from "../../src/store/outbox.ts";
import { tallyOps } from "../support/tally-ops.ts";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/test-database.ts";

// Sent marks written together (docs/user-guide.md, "Delivery guarantees"): the marks of sends that complete together go in one
// statement, a worker sends again only once its own mark is written, and marks that could not be written leave their
// rows sending for the lease to hand back — neither sent nor failed.

const NOW = new Date("2027-01-11T10:00:00Z");
const logger = pino({ level: "silent" });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A Slack set with `n` people and one reminder due now to each (a DM, so each is its own destination). */
async function seedDms(db: Database, n: number): Promise<void> {
  const ws = await db.workspace.create({ data: { platform: "slack", externalId: "T1" } });
  const set = await db.learningSet.create({ data: { workspaceId: ws.id, channelId: "C1", name: "Marks", timeZone: "UTC" } });
  await db.person.createMany({
    data: range(n).map((i) => ({ id: `person-${i}`, workspaceId: ws.id, externalId: `U${i}`, displayName: `U${i}`, timeZone: "UTC" })),
  });
  const rows = range(n).map((i) => {
    const delivery: Delivery = {
      platform: "slack",
      workspaceId: "T1",
      channelId: "C1",
      to: { kind: "dm", externalId: `U${i}`, displayName: `U${i}`, timeZone: "UTC" },
      reply: { text: `Reminder ${i}` },
    };
    return {
      id: `row-${i}`,
      key: `marks:${i}`,
      kind: "log-action",
      setId: set.id,
      personId: `person-${i}`,
      payload: JSON.stringify(delivery),
      sendAt: new Date(NOW.getTime() - 60_000),
      staleAt: new Date(NOW.getTime() + 86_400_000),
      status: "pending" as const,
      reason: null,
    };
  });
  assert.equal((await insertOutbox(db, rows, NOW)).length, n);
}

/** A platform that accepts every reminder at once, answering with a message id of its own; records each send. */
function acceptingSink() {
  const sent: string[] = [];
  const sink: NudgeSink = {
    async deliver(d) {
      sent.push(d.reply.text);
      return `ts-${d.reply.text.split(" ")[1]}`;
    },
  };
  return { sink, sent };
}

/**
 * Watches the client's `$executeRaw` (the real one still runs): the sent-mark statements it is given, each with
 * how many rows it marks (its bound values, less `sentAt`: an id and a platform id each, plus the id list).
 */
function watchMarks(db: Database): { rows: number }[] {
  const marks: { rows: number }[] = [];
  const original = db.$executeRaw.bind(db) as (...args: unknown[]) => ReturnType<Database["$executeRaw"]>;
  vi.spyOn(db, "$executeRaw").mockImplementation(((strings: TemplateStringsArray, ...values: unknown[]) => {
    const sql = Prisma.sql(strings, ...values);
    if (/SET "status" = 'sent'/.test(sql.sql)) marks.push({ rows: (sql.values.length - 1) / 3 });
    return original(strings, ...values);
  }) as never);
  return marks;
}

/** Makes every statement that marks an outbox row sent fail, as a full disk or a lost connection would. */
async function breakMarks(db: Database): Promise<() => Promise<void>> {
  if (testProvider === "postgresql") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_marks() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'marks unavailable'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_marks BEFORE UPDATE ON "Outbox" FOR EACH ROW WHEN (NEW."status" = 'sent') EXECUTE FUNCTION refuse_marks()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_marks ON "Outbox"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_marks()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_marks BEFORE UPDATE OF "status" ON "Outbox" WHEN NEW."status" = 'sent' BEGIN SELECT RAISE(ABORT, 'marks unavailable'); END`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_marks`);
  };
}

describe("sent marks", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.$disconnect();
    await database.drop();
  });

  test("the marks of sends that complete together are written in one statement, each row with its own platform id", async () => {
    await seedDms(db, 64);
    const marks = watchMarks(db);
    const { sink, sent } = acceptingSink();
    const result = await deliverDue({ db, logger, concurrency: 16 }, sink, NOW);
    assert.deepEqual(result, { sent: 64, failed: 0 });
    assert.equal(new Set(sent).size, 64, "each reminder once");
    assert.equal(
      marks.reduce((n, m) => n + m.rows, 0),
      64,
      "every row marked once",
    );
    assert.ok(marks.length <= 64 / 8, `64 marks in ${marks.length} statements`);
    assert.ok(
      marks.every((m) => m.rows <= 16),
      "a statement holds at most one mark a worker: each waits for its own before sending again",
    );
    const rows = await db.outbox.findMany({ orderBy: { id: "asc" } });
    for (const r of rows) {
      assert.equal(r.status, "sent");
      assert.equal(r.attempts, 1);
      assert.equal(r.platformRef, `ts-${r.id.slice("row-".length)}`, "the platform's id for this row's message");
      assert.deepEqual(r.sentAt, NOW);
    }
  });

  test(`no statement marks more than ${MARKS_PER_STATEMENT} rows, however many sends complete together`, async () => {
    await seedDms(db, 250);
    const marks = watchMarks(db);
    const { sink } = acceptingSink();
    assert.deepEqual(await deliverDue({ db, logger, concurrency: 250 }, sink, NOW), { sent: 250, failed: 0 });
    assert.ok(
      marks.every((m) => m.rows <= MARKS_PER_STATEMENT),
      marks.map((m) => m.rows).join(", "),
    );
    assert.ok(
      marks.some((m) => m.rows === MARKS_PER_STATEMENT),
      "a full statement when more completed together",
    );
    assert.equal(await db.outbox.count({ where: { status: "sent" } }), 250);
  });

  test("marks that cannot be written leave their rows sending, not sent or failed, and the lease hands them back to be sent", async () => {
    await seedDms(db, 40);
    const restore = await breakMarks(db);
    const first = acceptingSink();
    const { ops, tally } = tallyOps();
    await assert.rejects(deliverDue({ db, logger, ops, concurrency: 8 }, first.sink, NOW), /marks unavailable/);
    assert.ok(first.sent.length > 0 && first.sent.length <= 8, `sends stop at the failed marks: ${first.sent.length} made, one a worker`);
    assert.deepEqual(tally, {}, "nothing counted sent, retried or failed");
    const rows = await db.outbox.findMany();
    assert.deepEqual(
      rows.filter((r) => r.status !== "sending").map((r) => r.status),
      [],
      "every claimed row still sending",
    );
    assert.ok(
      rows.every((r) => r.attempts === 0 && r.lastError === null && r.platformRef === null && r.sentAt === null),
      "no try counted",
    );

    await restore();
    const later = new Date(NOW.getTime() + CLAIM_LEASE_MS);
    assert.equal(await releaseExpiredClaims(db, later), 40, "the lease hands every row back");
    const second = acceptingSink();
    assert.deepEqual(await deliverDue({ db, logger, concurrency: 8 }, second.sink, later), { sent: 40, failed: 0 });
    assert.equal(await db.outbox.count({ where: { status: "sent" } }), 40);
    const twice = first.sent.filter((t) => second.sent.includes(t));
    assert.deepEqual(twice.sort(), [...first.sent].sort(), "sent again: exactly the reminders whose marks were lost");
  });
});
