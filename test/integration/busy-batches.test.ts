/**
 * A tick with many sets due at once plans them batch by batch, loading the next batch while it plans the one before
 * (src/scheduler/tick.ts, planAll): every due set is planned once and every reminder delivered once.
 */
import assert from "node:assert/strict";
import { pino } from "pino";
import { test } from "vitest";
import { DUE_PER_SET, seedSets } from "../../scripts/bench/seed-sets.ts";
import type { NudgeSink } from "../../src/scheduler/deliver.ts";
import { PLAN_BATCH_SETS, runTick } from "../../src/scheduler/tick.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { createTestDatabase } from "../support/test-database.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");

test("sets due in several batches are each planned once in one tick, every reminder delivered once", async () => {
  const sets = 2 * PLAN_BATCH_SETS + 50;
  const database = await createTestDatabase();
  await seedSets(database.url, sets, NOW, { nextDueAt: NOW });
  const db = await openDatabase(database.url);
  try {
    const keys: string[] = [];
    const sink: NudgeSink = {
      async deliver(_delivery, key) {
        keys.push(key);
      },
    };
    const report = await runTick({ db, logger: pino({ level: "silent" }) }, sink, NOW);
    assert.equal(report.planned, sets * DUE_PER_SET);
    assert.equal(keys.length, sets * DUE_PER_SET);
    assert.equal(new Set(keys).size, keys.length, "no reminder delivered twice");
    const setsWithReminders = new Set(keys.map((k) => k.split(":")[1]));
    assert.equal(setsWithReminders.size, sets, "every set's reminders were planned");
    const left = await db.learningSet.count({ where: { OR: [{ nextDueAt: null }, { nextDueAt: { lte: NOW } }] } });
    assert.equal(left, 0, "every set has its next moment after the tick");
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}, 120_000);
