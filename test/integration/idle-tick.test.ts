import assert from "node:assert/strict";
import { pino } from "pino";
import { describe, test } from "vitest";
import type { NudgeSink } from "../../src/scheduler/deliver.ts";
import { PLAN_BATCH_SETS, runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { createTestDatabase, testProvider } from "../support/test-database.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");
const DAY = 86_400_000;
const MEMBERS = 5;

/**
 * `sets` sets of an advisor and five members who joined yesterday, each with three monthly meetings from ten days
 * ahead: nothing of theirs falls due for days. Written with a handful of createMany statements.
 */
async function seed(db: Database, sets: number): Promise<void> {
  const workspace = await db.workspace.create({ data: { platform: "console", externalId: "local" } });
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const people = range(sets).flatMap((s) =>
    range(MEMBERS + 1).map((p) => ({
      id: `p${s}-${p}`,
      workspaceId: workspace.id,
      externalId: `u${s}-${p}`,
      displayName: `Person ${s}-${p}`,
      timeZone: "Europe/London",
    })),
  );
  await db.person.createMany({ data: people });
  await db.learningSet.createMany({
    data: range(sets).map((s) => ({
      id: `s${s}`,
      workspaceId: workspace.id,
      channelId: `c${s}`,
      name: `Set ${s}`,
      timeZone: "Europe/London",
    })),
  });
  await db.membership.createMany({
    data: range(sets).flatMap((s) =>
      range(MEMBERS + 1).map((p) => ({
        setId: `s${s}`,
        personId: `p${s}-${p}`,
        role: p === 0 ? "advisor" : "member",
        joinedAt: new Date(NOW.getTime() - DAY),
      })),
    ),
  });
  await db.meeting.createMany({
    data: range(sets).flatMap((s) =>
      range(3).map((m) => ({
        setId: `s${s}`,
        number: m + 1,
        startsAt: new Date(NOW.getTime() + (10 + 28 * m) * DAY),
        durationMinutes: 90,
        createdById: `p${s}-1`,
        timeSetAt: new Date(NOW.getTime() - DAY),
      })),
    ),
  });
}

const sink: NudgeSink = {
  async deliver() {
    throw new Error("nothing is due: nothing should be delivered");
  },
};

/** The statements of one tick a minute after a first tick planned every set, at `sets` sets. */
async function idleTick(sets: number): Promise<string[]> {
  const database = await createTestDatabase();
  const statements: string[] = [];
  let counting = false;
  // Transaction control (Prisma's implicit BEGIN/COMMIT around a write) is not a statement of its own.
  const db = await openDatabase(database.url, {
    onQuery: (sql) => counting && !/^(BEGIN|COMMIT)\b/i.test(sql.trim()) && statements.push(sql),
  });
  try {
    await seed(db, sets);
    const deps = { db, logger: pino({ level: "silent" }) };
    await runTick(deps, sink, NOW);
    const unplanned = await db.learningSet.count({ where: { OR: [{ nextDueAt: null }, { nextDueAt: { lte: NOW } }] } });
    assert.equal(unplanned, 0, "the first tick gave every set a moment after it, batch by batch");
    counting = true;
    const report = await runTick(deps, sink, new Date(NOW.getTime() + 60_000));
    counting = false;
    assert.deepEqual(report, { announced: 0, planned: 0, skipped: 0, sent: 0, failed: 0 });
    return statements;
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

describe("a tick with nothing due costs the same whatever the population", () => {
  test("the same few statements at 10 and at 500 sets, none of them reading a set's state", async () => {
    assert.ok(500 > 2 * PLAN_BATCH_SETS, "500 sets take several batches to plan");
    const small = await idleTick(10);
    const large = await idleTick(500);
    assert.deepEqual(large, small);
    // PostgreSQL's claim sets `enable_bitmapscan` for its own transaction first (src/store/outbox.ts, claimDue).
    const handful = testProvider === "postgresql" ? 9 : 8;
    assert.ok(small.length <= handful, `a handful of statements (${small.length}):\n${small.join("\n")}`);
    // Nothing of the planner's state is read: no query of people, memberships, entries, actions, leave, attendance or turns.
    const readsState = (sql: string) =>
      /^\s*SELECT/i.test(sql) && /[`"](Person|Membership|Entry|Action|Absence|Attendance|PresenterSlot)[`"]/.test(sql);
    assert.deepEqual(small.filter(readsState), []);
  }, 120_000);
});
