import assert from "node:assert/strict";
import { pino } from "pino";
import { test } from "vitest";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { runRetention } from "../../src/scheduler/retention.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { createHarness, FIVE_MEMBER_SET } from "../support/harness.ts";
import { testProvider } from "../support/test-database.ts";

// The daily clean-up: sent and skipped reminders older than OUTBOX_RETENTION_DAYS and failed ones older than
// a year are deleted, once a day across processes, and a pruned reminder is never planned again.

const logger = pino({ level: "silent" });
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

test("a pruned reminder is never planned again: its moment lies before the planner's window, restarts included", async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  try {
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00" every:monthly count:3
clock 2027-03-20T09:00Z`);
    const before = await h.db.outbox.findMany();
    assert.ok(before.length > 8, `the programme planned reminders (${before.length})`);
    // One January reminder failed for good, one is stuck pending: neither is pruned at 90 days.
    const [failed, stuck] = before.filter((r) => r.sendAt < at("2027-01-31T00:00:00Z")).slice(0, 2);
    await h.db.outbox.update({ where: { id: failed!.id }, data: { status: "failed" } });
    await h.db.outbox.update({
      where: { id: stuck!.id },
      data: { status: "pending", nextAttemptAt: at("2099-01-01T00:00:00Z"), staleAt: at("2099-01-01T00:00:00Z") },
    });

    // Words of refused commands are kept a week for their form button: the older row goes, the newer stays.
    const ana = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    const kept = (createdAt: string) => ({ personId: ana.id, channelId: "set", key: "log reflect", raw: "{}", createdAt: at(createdAt) });
    await h.db.keptText.createMany({ data: [kept("2027-05-12T09:00:00Z"), kept("2027-05-14T09:00:00Z")] });

    h.clock.set(at("2027-05-20T09:00:00Z"));
    await h.chat.tick(); // the bot keeps running: the last tick is now
    const now = h.clock.now();
    const pruned = await runRetention(h.deps, now, 90);
    const cutoff = new Date(now.getTime() - 90 * DAY);
    const gone = before.filter((r) => r.sendAt < cutoff && r.id !== failed!.id && r.id !== stuck!.id);
    assert.ok(gone.length > 3, `old reminders to prune (${gone.length})`);
    assert.deepEqual(pruned, { settled: gone.length, failed: 0 });
    const left = new Set((await h.db.outbox.findMany()).map((r) => r.key));
    assert.ok(
      gone.every((r) => !left.has(r.key)),
      "the old sent and skipped rows are deleted",
    );
    assert.ok(left.has(failed!.key) && left.has(stuck!.key), "a failed row younger than a year and a pending row stay");
    assert.deepEqual(
      (await h.db.keptText.findMany()).map((k) => k.createdAt.toISOString()),
      ["2027-05-14T09:00:00.000Z"],
      "kept words older than a week are deleted",
    );

    // Months more of ticking, then a new process on the same database after downtime: nothing pruned comes back.
    await h.run("clock 2027-07-01T09:00Z");
    const restarted = new ConsoleChat({ ...h.deps, clock: new ManualClock(at("2027-08-15T09:00:00Z")) }, handlers, h.dir);
    await restarted.tick();
    await runTick({ db: h.db, logger }, { deliver: async () => {} }, at("2027-08-15T09:00:00Z"));
    const keys = new Set((await h.db.outbox.findMany()).map((r) => r.key));
    assert.deepEqual(
      gone.filter((r) => keys.has(r.key)).map((r) => r.key),
      [],
      "no pruned key is in the outbox again",
    );

    // A year on, the failed row goes too; the pending one never does.
    const later = await runRetention(h.deps, at("2028-02-01T09:00:00Z"), 90);
    assert.equal(later?.failed, 1);
    const remaining = new Set((await h.db.outbox.findMany()).map((r) => r.id));
    assert.ok(!remaining.has(failed!.id) && remaining.has(stuck!.id));
  } finally {
    await h.close();
  }
});

test("the clean-up runs once a day across processes, whichever claims the day first", async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  const second = await openDatabase(h.databaseUrl);
  try {
    // On PostgreSQL the two claim at the same time; two SQLite clients in one thread must take turns
    // (each statement is one write either way: one conditional UPDATE, or the first INSERT).
    const once = async (iso: string) => {
      const runs = [() => runRetention(h.deps, at(iso), 90), () => runRetention({ db: second, logger }, at(iso), 90)];
      const results = testProvider === "postgresql" ? await Promise.all(runs.map((r) => r())) : [await runs[0]!(), await runs[1]!()];
      return results.filter((r) => r !== null).length;
    };
    assert.equal(await once("2027-01-04T09:00:00Z"), 1, "the first day: one of the two runs it");
    assert.equal(await once("2027-01-04T21:00:00Z"), 0, "twelve hours later: nobody");
    assert.equal(await once("2027-01-05T09:00:00Z"), 1, "a day later: one again");
  } finally {
    await second.$disconnect();
    await h.close();
  }
});
