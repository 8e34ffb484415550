import assert from "node:assert/strict";
import { pino } from "pino";
import { test } from "vitest";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import type { Delivery } from "../../src/app/destination.ts";
import { runCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { STOPPING_NOTICE } from "../../src/ops/hooks.ts";
import { Lifecycle } from "../../src/ops/lifecycle.ts";
import { Metrics } from "../../src/ops/metrics.ts";
import type { NudgeSink } from "../../src/scheduler/deliver.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { insertOutbox, releaseClaims, saveTickAt } from "../../src/store/outbox.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { createHarness, FIVE_MEMBER_SET } from "../support/harness.ts";
import { eventually, freePort } from "../support/http-probe.ts";
import { startBot } from "../support/start-bot.ts";
import { createTestDatabase } from "../support/test-database.ts";

// Stopping without loss (SIGTERM or SIGINT): new commands refused, no new claims, the delivery in flight
// finished, every claim not finished handed back to pending at once (not after the 15-minute lease).

const logger = pino({ level: "silent" });
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const REMINDERS = 8;

/** A set in Slack workspace T1 with REMINDERS channel reminders due now, as a tick would have recorded them. */
async function seedDueReminders(db: Database, now: Date): Promise<void> {
  const deps = { db, clock: new ManualClock(now), logger, defaultTimeZone: "Europe/London" };
  const user = { externalId: "U0", displayName: "Sam" };
  const where = { platform: "slack" as const, workspaceId: "T1", channelId: "C1", user, readMention: () => null };
  await runCommand(deps, handlers, { ...where, text: '/set create name:"Stopping set"' });
  const set = await db.learningSet.findFirstOrThrow();
  const rows = Array.from({ length: REMINDERS }, (_, i) => {
    const delivery: Delivery = {
      platform: "slack",
      workspaceId: "T1",
      channelId: "C1",
      to: { kind: "channel" },
      reply: { text: `Reminder ${i}` },
    };
    return {
      id: `stop-${i}`,
      key: `stop-test:${i}`,
      kind: "meeting-post",
      setId: set.id,
      personId: null,
      payload: JSON.stringify(delivery),
      sendAt: new Date(now.getTime() - 60_000),
      staleAt: new Date(now.getTime() + 86_400_000),
      status: "pending" as const,
      reason: null,
    };
  });
  assert.equal((await insertOutbox(db, rows, now)).length, REMINDERS);
  await saveTickAt(db, now);
}

const statuses = async (db: Database) =>
  (await db.outbox.findMany({ orderBy: { key: "asc" } })).map((r) => ({
    key: r.key,
    status: r.status,
    sentAt: r.sentAt,
    nextAttemptAt: r.nextAttemptAt,
  }));

test("SIGTERM mid-delivery: the send in flight finishes, the rest is handed back at once, and a restarted process sends it at its first tick", {
  timeout: 120_000,
}, async () => {
  const database = await createTestDatabase();
  const fake = await FakeSlack.start();
  try {
    const seeded = await openDatabase(database.url);
    await seedDueReminders(seeded, new Date());
    await seeded.$disconnect();
    fake.answerAfter("chat.postMessage", 1_500); // a slow Slack: each reminder takes 1.5 s to be accepted
    const env = {
      SLACK_BOT_TOKEN: "xoxb-main",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      DATABASE_URL: database.url,
      SCHEDULER_CRON: "* * * * * *", // every second
      LOG_LEVEL: "info",
    };

    const first = startBot({ ...env, PORT: String(await freePort()) });
    await fake.waitFor("chat.postMessage", 1, 30_000).catch((e) => {
      throw new Error(`${e}\n${first.stderr()}`);
    }); // the first reminder is in flight
    const signalled = Date.now();
    assert.equal(await first.stop(), 0, first.stderr());
    const took = Date.now() - signalled;
    assert.ok(took < 10_000, `stopped within the grace period (${took} ms)`);

    const db = await openDatabase(database.url);
    try {
      const afterStop = await statuses(db);
      const sentByFirst = afterStop.filter((r) => r.status === "sent");
      const handedBack = afterStop.filter((r) => r.status === "pending");
      assert.deepEqual(
        afterStop.filter((r) => r.status !== "sent" && r.status !== "pending"),
        [],
        "nothing left in sending",
      );
      assert.equal(sentByFirst.length, fake.callsTo("chat.postMessage").length, "the send in flight finished and was recorded");
      assert.ok(sentByFirst.length >= 1 && handedBack.length >= 1, `stopped mid-delivery (${sentByFirst.length} sent)`);
      assert.ok(
        handedBack.every((r) => r.nextAttemptAt === null),
        "handed back due now, not held for the lease",
      );
      const stopLine = first
        .stderr()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { msg: string; handedBack?: number; drained?: boolean })
        .find((l) => l.msg.startsWith("stopping: work in flight finished"));
      assert.equal(stopLine?.handedBack, handedBack.length);

      fake.answerAfter("chat.postMessage", 0);
      const restarted = startBot({ ...env, PORT: String(await freePort()) });
      try {
        await fake.waitFor("chat.postMessage", REMINDERS, 30_000);
        await eventually(() => /"msg":"action-learning-companion/.test(restarted.stderr()), "the start-up line");
      } finally {
        assert.equal(await restarted.stop(), 0, restarted.stderr());
      }
      const texts = fake.callsTo("chat.postMessage").map((c) => String(c.args.text));
      assert.deepEqual(
        texts.sort(),
        Array.from({ length: REMINDERS }, (_, i) => `Reminder ${i}`),
        "every reminder once: nothing lost, nothing doubled",
      );
      const final = await statuses(db);
      assert.ok(final.every((r) => r.status === "sent"));
      const sentAtRestart = new Set(final.filter((r) => handedBack.some((h) => h.key === r.key)).map((r) => r.sentAt?.toISOString()));
      assert.equal(sentAtRestart.size, 1, "the rest went out in one tick, the restarted process's first");
    } finally {
      await db.$disconnect();
    }
  } finally {
    await fake.close();
    await database.drop();
  }
});

test("a send that hangs past the grace period is handed back too; commands during the stop are refused and change nothing", async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  try {
    await h.run(FIVE_MEMBER_SET);
    const now = h.clock.now();
    await saveTickAt(h.db, now);
    const set = await h.db.learningSet.findFirstOrThrow();
    const rows = [0, 1, 2].map((i) => ({
      id: `hang-${i}`,
      key: `hang:${i}`,
      kind: "meeting-post",
      setId: set.id,
      personId: null,
      payload: JSON.stringify({
        platform: "console",
        workspaceId: "local",
        channelId: "set",
        to: { kind: "channel" },
        reply: { text: `Reminder ${i}` },
      } satisfies Delivery),
      sendAt: now,
      staleAt: new Date(now.getTime() + 86_400_000),
      status: "pending" as const,
      reason: null,
    }));
    await insertOutbox(h.db, rows, now);

    const lifecycle = new Lifecycle();
    const ops = lifecycle.hooks(new Metrics(async () => ({ pending: 0, oldestDueAt: null })));
    const held = new Set<string>();
    let calls = 0;
    const hanging: NudgeSink = {
      deliver: () => {
        calls++;
        return new Promise(() => {});
      },
    };
    const deps = { db: h.db, logger, ops, signal: lifecycle.signal, held, deliveryTimeoutMs: 60_000 };
    void lifecycle.track(() => runTick(deps, hanging, now));
    await eventually(() => calls === 1, "the first send to begin");

    lifecycle.beginStop();
    const before = await h.snapshot();
    const chat = new ConsoleChat({ ...h.deps, ops }, handlers, h.dir);
    await chat.handle("as Ana");
    const refused = await chat.handle("/meeting schedule when:2027-01-12T10:00Z");
    assert.deepEqual(refused, [`[#set → Ana] ${STOPPING_NOTICE}`]);
    assert.deepEqual(await h.snapshot(), before, "a command during the stop changes nothing");

    assert.equal(await lifecycle.drain(200), false, "the hanging send outlives the grace period");
    assert.equal(await releaseClaims(h.db, [...held]), 3, "the claim in flight and the two not begun are handed back");
    assert.equal(calls, 1, "nothing new was sent after the stop began");
    assert.deepEqual(
      (await h.db.outbox.findMany({ where: { key: { startsWith: "hang:" } } })).map((r) => r.status),
      ["pending", "pending", "pending"],
    );

    const delivered: string[] = [];
    await runTick({ db: h.db, logger }, { deliver: async (d) => void delivered.push(d.reply.text) }, new Date(now.getTime() + 1_000));
    assert.deepEqual(delivered.sort(), ["Reminder 0", "Reminder 1", "Reminder 2"]);
  } finally {
    await h.close();
  }
});
