import assert from "node:assert/strict";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test } from "vitest";
import type { Adapter } from "../../src/adapters/adapter.ts";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { discordWorstCaseMs, slackWorstCaseMs } from "../../src/adapters/send-limits.ts";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Abandoned, deliverDue, type NudgeSink } from "../../src/scheduler/deliver.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { range, seedSet } from "../support/due-reminders.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// A platform down for longer than the outbox's time limit for a send, while reminders fall due (issue 22, item 20):
// a send the outbox has given up on must be given up by the platform's client too (src/adapters/send-limits.ts), so
// that once the platform is back each reminder is posted exactly once. The real clients (Bolt's WebClient,
// discord.js's REST) against the local fakes, with every time scaled down: the outbox gives a send up after
// SEND_TIMEOUT_MS, the clients' tries and retries fit inside it, ticks come every TICK_MS, and the outage lasts
// OUTAGE_MS, several ticks' worth.

const NOW = new Date("2027-01-11T10:00:00Z");
const HOURS_3 = 3 * 3_600_000;
const logger = pino({ level: "silent" });
const SEND_TIMEOUT_MS = 1_000;
const TICK_MS = 1_000;
const OUTAGE_MS = 2_300;
/** After the last tick: any call a client still had going lands by then, had it been left to run. */
const SETTLE_MS = 2_500;
const SLACK_LIMITS = {
  timeout: 150,
  retryConfig: { retries: 2, factor: 2, minTimeout: 50, maxTimeout: 100, randomize: false },
};
const DISCORD_LIMITS = { retries: 1, timeout: 300 };
/** A stored Discord message's text: the reply's text is its first embed's description. */
const text = (m: Record<string, unknown>) => String((m.embeds as { description?: string }[] | undefined)?.[0]?.description ?? m.content);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ticks every TICK_MS of real time, each at a simulated time 3 hours on (so every retry the outbox planned is due;
 * its back-off is the outbox's business, tested elsewhere), until nothing is pending once the outage is over.
 * `during` runs before the second tick: reminders that fall due while the platform is down. `abandoned`: the
 * outbox's record of sends it gave up on while they ran, as `npm start` keeps one; without it, only the clients'
 * own time limits keep a given-up send from posting late.
 */
async function tickThrough(
  db: Database,
  adapter: Adapter,
  outageEnds: number,
  during: (now: Date) => Promise<void>,
  abandoned?: Map<string, Abandoned>,
) {
  let now = NOW;
  for (let tick = 0; tick < 10; tick++) {
    const started = Date.now();
    await deliverDue({ db, logger, deliveryTimeoutMs: SEND_TIMEOUT_MS, ...(abandoned ? { abandoned } : {}) }, adapter, now);
    const left = await db.outbox.count({ where: { status: { in: ["pending", "sending"] } } });
    if (left === 0 && started > outageEnds) return;
    now = new Date(now.getTime() + HOURS_3);
    if (tick === 0) await during(now);
    await sleep(Math.max(0, started + TICK_MS - Date.now()));
  }
  assert.fail("the reminders were still pending after 10 ticks");
}

/** How many times each text was accepted, for the texts accepted other than once. */
function notOnce(texts: string[], expected: string[]): Record<string, number> {
  const counts = new Map(expected.map((t) => [t, 0]));
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n !== 1));
}

describe.each([
  ["by the clients' time limits alone", false],
  ["as the bot runs, also waiting for a send given up on", true],
])("a platform answering 5xx for longer than a send's time limit, %s", (_, keepAbandoned) => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
  });
  afterEach(async () => {
    await db.$disconnect();
    await database.drop();
  });

  test("the scaled-down client limits fit inside the scaled-down send time limit, as the real ones do", () => {
    assert.ok(slackWorstCaseMs(SLACK_LIMITS) < SEND_TIMEOUT_MS);
    assert.ok(discordWorstCaseMs(DISCORD_LIMITS) < SEND_TIMEOUT_MS);
    assert.ok(OUTAGE_MS > 2 * SEND_TIMEOUT_MS, "the outage outlasts more than one send's time limit");
  });

  test("Slack: 503 to every post and DM open while reminders fall due; after recovery each is posted exactly once", {
    timeout: 30_000,
  }, async () => {
    const fake = await FakeSlack.start();
    try {
      const deps = { db, clock: new ManualClock(NOW), logger, defaultTimeZone: "UTC" };
      const adapter = createSlackAdapter(deps, handlers, {
        botToken: "xoxb-outage",
        signingSecret: "s".repeat(32),
        apiUrl: fake.url,
        clientLimits: SLACK_LIMITS,
      });
      const people = range(4).map((i) => `U${i}`);
      const { due } = await seedSet(db, "slack", "T1", "C1", people, NOW);
      const first = [...people.map((to) => ({ text: `Due first, to ${to}`, to })), { text: "Due first, in C1" }];
      const later = [...people.map((to) => ({ text: `Due later, to ${to}`, to })), { text: "Due later, in C2", channel: "C2" }];
      await due(first);
      fake.outage(["chat.postMessage", "conversations.open"], 503, OUTAGE_MS);
      const outageEnds = Date.now() + OUTAGE_MS;
      await tickThrough(db, adapter, outageEnds, (now) => due(later, now), keepAbandoned ? new Map() : undefined);
      await sleep(SETTLE_MS);

      assert.ok(fake.callsTo("chat.postMessage").filter((c) => c.status === 503).length > 0, "Slack did answer 503");
      const accepted = fake.callsTo("chat.postMessage").filter((c) => c.status === 200 && c.response?.ok === true);
      const texts = [...first, ...later].map((r) => r.text);
      assert.deepEqual(
        notOnce(
          accepted.map((c) => String(c.args.text)),
          texts,
        ),
        {},
        "every reminder posted exactly once",
      );
      const rows = await db.outbox.findMany();
      assert.ok(
        rows.every((r) => r.status === "sent"),
        "every row sent",
      );
      assert.ok(
        rows.some((r) => r.attempts > 1),
        "some were tried during the outage and given up",
      );
    } finally {
      await fake.close();
    }
  });

  test("Discord: 500 and 502 to every message and DM open while reminders fall due; after recovery each is posted exactly once", {
    timeout: 30_000,
  }, async () => {
    const GUILD = "1111111111111111111";
    const CHANNEL = "2222222222222222222";
    const fake = await FakeDiscord.start();
    let adapter: DiscordAdapter | undefined;
    try {
      const people = range(4).map((i) => `30000000000000000${10 + i}`);
      for (const p of people) fake.setUser(p, `user${p.slice(-2)}`);
      const deps = { db, clock: new ManualClock(NOW), logger, defaultTimeZone: "UTC" };
      adapter = createDiscordAdapter(deps, handlers, { token: "fake-bot-token", apiUrl: fake.apiUrl, restLimits: DISCORD_LIMITS });
      await adapter.start();
      const { due } = await seedSet(db, "discord", GUILD, CHANNEL, people, NOW);
      const first = [...people.map((to) => ({ text: `Due first, to ${to}`, to })), { text: "Due first, in the set's channel" }];
      const later = [...people.map((to) => ({ text: `Due later, to ${to}`, to })), { text: "Due later, in the set's channel" }];
      await due(first);
      fake.outage("POST", /^\/(channels\/[^/]+\/messages|users\/@me\/channels)$/, [500, 502], OUTAGE_MS);
      const outageEnds = Date.now() + OUTAGE_MS;
      await tickThrough(db, adapter, outageEnds, (now) => due(later, now), keepAbandoned ? new Map() : undefined);
      await sleep(SETTLE_MS);

      const posts = fake.callsTo("POST", /^\/channels\/[^/]+\/messages$/);
      assert.ok(posts.filter((c) => c.status >= 500).length > 0, "Discord did answer 5xx");
      const stored = [CHANNEL, ...people.map((p) => fake.dmChannelIdOf(p))].flatMap((ch) => fake.messagesIn(ch).map(text));
      assert.deepEqual(
        notOnce(
          stored,
          [...first, ...later].map((r) => r.text),
        ),
        {},
        "every reminder posted exactly once",
      );
      const rows = await db.outbox.findMany();
      assert.ok(
        rows.every((r) => r.status === "sent"),
        "every row sent",
      );
      assert.ok(
        rows.some((r) => r.attempts > 1),
        "some were tried during the outage and given up",
      );
    } finally {
      await adapter?.stop();
      await fake.close();
    }
  });
});

describe("a send that runs past its time limit", () => {
  let database: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
  });
  afterEach(async () => {
    await db.$disconnect();
    await database.drop();
  });

  /** A platform whose first try of each reminder takes `slowMs` and then posts; later tries post at once. */
  function slowFirstTry(slowMs: number) {
    const posted: string[] = [];
    const tries = new Map<string, number>();
    const sink: NudgeSink = {
      async deliver(d) {
        const n = (tries.get(d.reply.text) ?? 0) + 1;
        tries.set(d.reply.text, n);
        if (n === 1) await sleep(slowMs);
        posted.push(d.reply.text);
        return `ts-${d.reply.text}`;
      },
    };
    return { sink, posted, tries };
  }

  test("is waited for, not sent again while it runs, and taken as sent once it has posted", async () => {
    const { due } = await seedSet(db, "console", "local", "set", [], NOW);
    await due([{ text: "Slow reminder" }]);
    const platform = slowFirstTry(600);
    const abandoned = new Map<string, Abandoned>();
    const deps = { db, logger, deliveryTimeoutMs: 100, abandoned };
    const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

    assert.deepEqual(await deliverDue(deps, platform.sink, NOW), { sent: 0, failed: 0 }, "the first try timed out");
    assert.deepEqual(await deliverDue(deps, platform.sink, later(2)), { sent: 0, failed: 0 }, "its retry waits: the try still runs");
    assert.equal(platform.tries.get("Slow reminder"), 1, "not tried again while the first try runs");
    await sleep(700);
    assert.deepEqual(await deliverDue(deps, platform.sink, later(10)), { sent: 1, failed: 0 }, "the first try posted: sent");
    assert.deepEqual(platform.posted, ["Slow reminder"], "posted once");
    const row = await db.outbox.findFirstOrThrow();
    assert.equal(row.status, "sent");
    assert.equal(row.platformRef, "ts-Slow reminder", "with the id the first try got");
    assert.equal(abandoned.size, 0);
  });

  test("one that failed in the end is tried again", async () => {
    const { due } = await seedSet(db, "console", "local", "set", [], NOW);
    await due([{ text: "Failing reminder" }]);
    let tries = 0;
    const sink: NudgeSink = {
      async deliver() {
        tries++;
        if (tries === 1) {
          await sleep(300);
          throw new Error("503 Service Unavailable");
        }
      },
    };
    const deps = { db, logger, deliveryTimeoutMs: 100, abandoned: new Map<string, Abandoned>() };
    assert.deepEqual(await deliverDue(deps, sink, NOW), { sent: 0, failed: 0 });
    await sleep(400);
    assert.deepEqual(await deliverDue(deps, sink, new Date(NOW.getTime() + 2 * 60_000)), { sent: 1, failed: 0 });
    assert.equal(tries, 2);
  });
});
