import assert from "node:assert/strict";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test } from "vitest";
import { deliverByPlatform } from "../../src/adapters/adapter.ts";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { deliverDue, type NudgeSink, type SchedulerDeps } from "../../src/scheduler/deliver.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { range, seedSet as seedSetAt } from "../support/due-reminders.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { tallyOps } from "../support/tally-ops.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

// Delivery at the platforms' limits (docs/user-guide.md, "Delivery guarantees"): claims of at most a batch, a bounded number of
// sends at once and one at a time per destination, DM channels opened once per person, and 429s waited out.

const NOW = new Date("2027-01-11T10:00:00Z");
const logger = pino({ level: "silent" });
const GUILD = "1111111111111111111";
const DISCORD_CHANNEL = "2222222222222222222";

/**
 * Slack's limit per channel scaled up fivefold, so that a test of it takes seconds, not tens: the fake allows bursts
 * of 3 posts, then 5 a second; the bot's pace keeps one post of the burst in hand, as SLACK_CHANNEL_PACE does.
 */
const SLACK_LIMIT = { perSecond: 5, burst: 3 };
const PACE = { perSecond: 5, burst: 2 };

const seedSet = (db: Database, platform: string, workspace: string, channelId: string, people: string[]) =>
  seedSetAt(db, platform, workspace, channelId, people, NOW);

describe("delivery in bounded memory", () => {
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

  test("a tick with 2,000 reminders due never holds more than one claim of 500 at a time, and sends each once", {
    timeout: 120_000,
  }, async () => {
    const { due } = await seedSet(db, "console", "local", "set", []);
    await due(range(2000).map((i) => ({ text: `Reminder ${i}`, channel: `channel-${i % 50}` })));
    const held = new Set<string>();
    let mostHeld = 0;
    let mostClaimed = 0;
    const sent: string[] = [];
    const sink: NudgeSink = {
      async deliver(d) {
        mostHeld = Math.max(mostHeld, held.size);
        if (sent.length % 100 === 0) mostClaimed = Math.max(mostClaimed, await db.outbox.count({ where: { status: "sending" } }));
        sent.push(d.reply.text);
      },
    };
    const result = await deliverDue({ db, logger, held }, sink, NOW);
    assert.deepEqual(result, { sent: 2000, failed: 0 });
    assert.equal(new Set(sent).size, 2000, "each reminder once");
    assert.ok(mostHeld > 0 && mostHeld <= 500, `at most one claim held at once (${mostHeld})`);
    assert.ok(mostClaimed > 0 && mostClaimed <= 500, `at most one claim in sending at once (${mostClaimed})`);
    assert.equal(held.size, 0);
    assert.equal(await db.outbox.count({ where: { status: "sent" } }), 2000);
  });
});

describe("delivery against the local Slack", () => {
  let database: TestDatabase;
  let db: Database;
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    fake = await FakeSlack.start();
    const deps = { db, clock: new ManualClock(NOW), logger, defaultTimeZone: "UTC" };
    adapter = createSlackAdapter(deps, handlers, {
      botToken: "xoxb-limits",
      signingSecret: "s".repeat(32),
      apiUrl: fake.url,
      channelPace: PACE,
    });
  });
  afterEach(async () => {
    await fake.close();
    await db.$disconnect();
    await database.drop();
  });

  const posts = () => fake.callsTo("chat.postMessage").filter((c) => c.status === 200 && c.response?.ok === true);

  test("sends run several at once but never more than DELIVERY_CONCURRENCY, and posts to one channel one at a time", async () => {
    const people = range(30).map((i) => `U${i}`);
    const { due } = await seedSet(db, "slack", "T1", "C1", people);
    await due([
      ...people.map((to) => ({ text: `DM to ${to}`, to })),
      ...range(8).map((i) => ({ text: `C1 post ${i}`, channel: "C1" })),
      ...range(8).map((i) => ({ text: `C2 post ${i}`, channel: "C2" })),
    ]);
    fake.answerAfter("chat.postMessage", 40);
    const result = await deliverDue({ db, logger, concurrency: 6 }, adapter, NOW);
    assert.deepEqual(result, { sent: 46, failed: 0 });
    assert.equal(posts().length, 46);
    const peak = fake.peakInFlight("chat.postMessage");
    assert.ok(peak > 1 && peak <= 6, `between 2 and 6 posts at once (${peak})`);
    assert.equal(fake.peakInFlightPerChannel("chat.postMessage"), 1, "never two posts to one channel at once");
  });

  test("posts to one channel are paced to Slack's limit before they are sent: no 429, while other channels go side by side", async () => {
    fake.limitPostsPerChannel(SLACK_LIMIT.perSecond, SLACK_LIMIT.burst);
    fake.answerAfter("chat.postMessage", 20);
    const people = range(6).map((i) => `U${i}`);
    const { due } = await seedSet(db, "slack", "T1", "C1", people);
    await due([...range(13).map((i) => ({ text: `C1 post ${i}`, channel: "C1" })), ...people.map((to) => ({ text: `DM to ${to}`, to }))]);
    const t0 = Date.now();
    assert.deepEqual(await deliverDue({ db, logger, concurrency: 4 }, adapter, NOW), { sent: 19, failed: 0 });
    const c1 = fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "C1");
    assert.equal(fake.callsTo("chat.postMessage").filter((c) => c.status === 429).length, 0, "Slack never answered 429");
    assert.equal(c1.length, 13, "each C1 post once");
    // A burst of 2, then one a fifth of a second: the 13th about 2.2 s after the first (unpaced: about 0.3 s).
    assert.ok(c1.at(-1)!.at - c1[0]!.at >= 1_800, `C1 paced (${c1.at(-1)!.at - c1[0]!.at} ms)`);
    const dms = fake.callsTo("chat.postMessage").filter((c) => c.args.channel !== "C1");
    assert.ok(
      dms.every((c) => c.at - t0 < 1_500),
      "the DMs, each to its own channel, were not held behind C1's pace",
    );
    assert.ok(fake.peakInFlight("chat.postMessage") > 1, "posts to different channels ran at once");
  });

  test("a channel waiting for its pace holds no worker: with 2 workers and 3 busy channels, the third starts at once", async () => {
    fake.limitPostsPerChannel(SLACK_LIMIT.perSecond, SLACK_LIMIT.burst);
    const { due } = await seedSet(db, "slack", "T1", "C1", []);
    await due(["C1", "C2", "C3"].flatMap((channel) => range(6).map((i) => ({ text: `${channel} post ${i}`, channel }))));
    assert.deepEqual(await deliverDue({ db, logger, concurrency: 2 }, adapter, NOW), { sent: 18, failed: 0 });
    const calls = fake.callsTo("chat.postMessage");
    assert.equal(calls.filter((c) => c.status === 429).length, 0, "Slack never answered 429");
    const inC = (ch: string) => calls.filter((c) => c.args.channel === ch);
    assert.ok(inC("C3")[0]!.at < inC("C1").at(-1)!.at - 500, "C3's first post did not wait for C1's backlog");
    for (const ch of ["C1", "C2", "C3"])
      assert.deepEqual(
        inC(ch).map((c) => c.args.text),
        range(6).map((i) => `${ch} post ${i}`),
        `${ch}'s posts in order`,
      );
  });

  test("a command's reply by DM uses the person's cached DM channel: conversations.open once per person, however many replies", async () => {
    const { ids } = await seedSet(db, "slack", "T1", "C1", ["U1", "U2"]);
    const dm = (to: string) => ({
      platform: "slack",
      workspaceId: "T1",
      channelId: "C1",
      to: { kind: "dm" as const, externalId: to, displayName: to, timeZone: "UTC" },
    });
    for (const i of range(3)) {
      await adapter.send(dm("U1"), { text: `Reply ${i} to U1` });
      await adapter.send(dm("U2"), { text: `Reply ${i} to U2` });
    }
    assert.deepEqual(
      fake
        .callsTo("conversations.open")
        .map((c) => c.args.users)
        .sort(),
      ["U1", "U2"],
    );
    assert.equal((await db.person.findUniqueOrThrow({ where: { id: ids.get("U1")! } })).dmChannelId, "DU1");
    assert.deepEqual(
      posts().map((c) => c.args.channel),
      ["DU1", "DU2", "DU1", "DU2", "DU1", "DU2"],
    );
    // The actor's files go to their DM the same way: no conversations.open for U1 again.
    await adapter.send(
      { platform: "slack", workspaceId: "T1", channelId: "C1", to: { kind: "actor", userId: "U1" } },
      { text: "Your export", files: [{ name: "export.json", mimeType: "application/json", content: "{}" }] },
    );
    assert.equal(fake.callsTo("conversations.open").length, 2);
    assert.equal(fake.callsTo("files.completeUploadExternal")[0]?.args.channel_id, "DU1");
  });

  test("N reminders to one person open the DM once and post N times; the channel is cached for later ticks", async () => {
    const { ids, due } = await seedSet(db, "slack", "T1", "C1", ["U1"]);
    await due(range(5).map((i) => ({ text: `Reminder ${i}`, to: "U1" })));
    assert.deepEqual(await deliverDue({ db, logger }, adapter, NOW), { sent: 5, failed: 0 });
    assert.equal(fake.callsTo("conversations.open").length, 1);
    assert.deepEqual(
      posts().map((c) => c.args.channel),
      range(5).map(() => "DU1"),
    );
    assert.equal((await db.person.findUniqueOrThrow({ where: { id: ids.get("U1")! } })).dmChannelId, "DU1");

    await due(range(3).map((i) => ({ text: `Later ${i}`, to: "U1" })));
    assert.deepEqual(await deliverDue({ db, logger }, adapter, NOW), { sent: 3, failed: 0 });
    assert.equal(fake.callsTo("conversations.open").length, 1, "a later tick opens nothing: one platform call a reminder");
    assert.equal(posts().length, 8);
  });

  test("a cached DM channel Slack no longer knows is opened again once, saved, and the reminder sent on its first try", async () => {
    const { ids, due } = await seedSet(db, "slack", "T1", "C1", ["U2"]);
    await db.person.update({ where: { id: ids.get("U2")! }, data: { dmChannelId: "DGONE" } });
    await due([{ text: "Record your action", to: "U2" }]);
    fake.failNext("chat.postMessage", "channel_not_found");
    assert.deepEqual(await deliverDue({ db, logger }, adapter, NOW), { sent: 1, failed: 0 });
    assert.deepEqual(
      fake.callsTo("chat.postMessage").map((c) => c.args.channel),
      ["DGONE", "DU2"],
    );
    assert.equal(fake.callsTo("conversations.open").length, 1);
    const row = await db.outbox.findFirstOrThrow();
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 1);
    assert.equal((await db.person.findUniqueOrThrow({ where: { id: ids.get("U2")! } })).dmChannelId, "DU2");
  });

  test("a 429 while several sends are in flight is waited out: every reminder sent once, on its first try, none counted as failed", async () => {
    const people = range(12).map((i) => `U${i}`);
    const { due } = await seedSet(db, "slack", "T1", "C1", people);
    await due(people.map((to) => ({ text: `DM to ${to}`, to })));
    fake.rateLimitNext("chat.postMessage", 2);
    fake.rateLimitNext("chat.postMessage", 2);
    const { ops, tally } = tallyOps();
    // A send's timeout (1.5 s) shorter than Slack's Retry-After (2 s): the wait must not count against it.
    const deps: SchedulerDeps = { db, logger, ops, concurrency: 4, deliveryTimeoutMs: 1_500 };
    assert.deepEqual(await deliverDue(deps, adapter, NOW), { sent: 12, failed: 0 });
    assert.equal(fake.callsTo("chat.postMessage").filter((c) => c.status === 429).length, 2, "Slack did answer 429 twice");
    assert.deepEqual(tally, { sent: 12 }, "nothing retried or failed");
    const rows = await db.outbox.findMany();
    assert.ok(rows.every((r) => r.status === "sent" && r.attempts === 1));
    await new Promise((r) => setTimeout(r, 2_500)); // any abandoned call the client retries lands by now
    assert.deepEqual(
      posts()
        .map((c) => String(c.args.text))
        .sort(),
      people.map((to) => `DM to ${to}`).sort(),
      "each once",
    );
  });
});

describe("delivery against the local Discord", () => {
  let database: TestDatabase;
  let db: Database;
  let fake: FakeDiscord;
  const adapters: DiscordAdapter[] = [];
  const USER = "3000000000000000001";
  const DM_CREATE = /^\/users\/@me\/channels$/;
  const startAdapter = async () => {
    const deps = { db, clock: new ManualClock(NOW), logger, defaultTimeZone: "UTC" };
    const adapter = createDiscordAdapter(deps, handlers, { token: "fake-bot-token", apiUrl: fake.apiUrl });
    adapters.push(adapter);
    await adapter.start();
    return adapter;
  };
  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    fake = await FakeDiscord.start();
    fake.setUser(USER, "sam");
  });
  afterEach(async () => {
    for (const a of adapters.splice(0)) await a.stop();
    await fake.close();
    await db.$disconnect();
    await database.drop();
  });

  test("the DM channel is created once per person, even across a restart; every reminder after is posted to it", async () => {
    const { ids, due } = await seedSet(db, "discord", GUILD, DISCORD_CHANNEL, [USER]);
    await due(range(2).map((i) => ({ text: `Reminder ${i}`, to: USER })));
    assert.deepEqual(await deliverDue({ db, logger }, await startAdapter(), NOW), { sent: 2, failed: 0 });
    await adapters[0]!.stop();
    await due(range(3).map((i) => ({ text: `After restart ${i}`, to: USER })));
    const restarted = await startAdapter();
    const restartedAt = Date.now();
    assert.deepEqual(await deliverDue({ db, logger }, restarted, NOW), { sent: 3, failed: 0 });
    assert.equal(fake.callsTo("POST", DM_CREATE).length, 1, "one DM channel creation in all");
    assert.equal(fake.messagesIn(fake.dmChannelIdOf(USER)).length, 5);
    assert.equal(fake.callsTo("GET", /^\/channels\//).length, 0, "the cached channel is posted to without fetching it first");
    assert.equal(
      fake.calls.filter((c) => c.at >= restartedAt && c.path !== "/gateway/bot").length,
      3,
      "after the restart, one call a reminder",
    );
    assert.equal((await db.person.findUniqueOrThrow({ where: { id: ids.get(USER)! } })).dmChannelId, fake.dmChannelIdOf(USER));
  });

  test("an idle tick opens the DM channels of people who may get reminders ahead of need; their reminders then go straight to their channels", async () => {
    const people = range(4).map((i) => `30000000000000000${20 + i}`);
    for (const p of people) fake.setUser(p, `user${p.slice(-2)}`);
    const { ids, due } = await seedSet(db, "discord", GUILD, DISCORD_CHANNEL, people);
    const set = await db.learningSet.findFirstOrThrow();
    for (const personId of ids.values()) await db.membership.create({ data: { setId: set.id, personId, role: "member", joinedAt: NOW } });
    const adapter = await startAdapter();
    const deps: SchedulerDeps = { db, logger, dmsTried: new Set() };
    const idle = await runTick(deps, deliverByPlatform([adapter]), NOW);
    assert.deepEqual({ planned: idle.planned, sent: idle.sent }, { planned: 0, sent: 0 }, "nothing was due");
    assert.equal(fake.callsTo("POST", DM_CREATE).length, 4, "each person's DM opened in the idle tick");
    for (const [externalId, id] of ids)
      assert.equal((await db.person.findUniqueOrThrow({ where: { id } })).dmChannelId, fake.dmChannelIdOf(externalId));

    await due(people.map((to) => ({ text: `Due to ${to}`, to })));
    const before = fake.calls.length;
    assert.deepEqual(await deliverDue(deps, adapter, NOW), { sent: 4, failed: 0 });
    const busy = fake.calls.slice(before);
    assert.deepEqual(
      busy.map((c) => `${c.method} ${c.path}`).sort(),
      people.map((p) => `POST /channels/${fake.dmChannelIdOf(p)}/messages`).sort(),
      "one call a reminder, each to its channel's route",
    );
    // A later idle tick has nobody left to open.
    await runTick(deps, deliverByPlatform([adapter]), new Date(NOW.getTime() + 60_000));
    assert.equal(fake.callsTo("POST", DM_CREATE).length, 4);
  });

  test("a command's reply by DM after a restart goes to the cached DM channel: no DM opened, no channel fetched", async () => {
    const { ids } = await seedSet(db, "discord", GUILD, DISCORD_CHANNEL, [USER]);
    await db.person.update({ where: { id: ids.get(USER)! }, data: { dmChannelId: fake.dmChannelIdOf(USER) } });
    const adapter = await startAdapter();
    const before = fake.calls.length;
    await adapter.send(
      {
        platform: "discord",
        workspaceId: GUILD,
        channelId: DISCORD_CHANNEL,
        to: { kind: "dm", externalId: USER, displayName: "sam", timeZone: "UTC" },
      },
      { text: "Your reply" },
    );
    assert.deepEqual(
      fake.calls.slice(before).map((c) => `${c.method} ${c.path}`),
      [`POST /channels/${fake.dmChannelIdOf(USER)}/messages`],
    );
  });

  test("a cached DM channel Discord no longer knows is created again once, saved, and the reminder sent on its first try", async () => {
    const { ids, due } = await seedSet(db, "discord", GUILD, DISCORD_CHANNEL, [USER]);
    await db.person.update({ where: { id: ids.get(USER)! }, data: { dmChannelId: "999999999999999999" } });
    await due([{ text: "Record your action", to: USER }]);
    assert.deepEqual(await deliverDue({ db, logger }, await startAdapter(), NOW), { sent: 1, failed: 0 });
    assert.equal(fake.callsTo("POST", DM_CREATE).length, 1);
    assert.equal(fake.messagesIn(fake.dmChannelIdOf(USER)).length, 1);
    const row = await db.outbox.findFirstOrThrow();
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 1);
    assert.equal((await db.person.findUniqueOrThrow({ where: { id: ids.get(USER)! } })).dmChannelId, fake.dmChannelIdOf(USER));
  });

  test("a 429 while several sends are in flight is waited out, not counted as a failed try", async () => {
    const people = range(6).map((i) => `30000000000000000${10 + i}`);
    for (const p of people) fake.setUser(p, `user${p.slice(-2)}`);
    const { due } = await seedSet(db, "discord", GUILD, DISCORD_CHANNEL, people);
    await due(people.map((to) => ({ text: `DM to ${to}`, to })));
    fake.rateLimitNext("POST", /^\/channels\/[^/]+\/messages$/, 2);
    const { ops, tally } = tallyOps();
    const deps: SchedulerDeps = { db, logger, ops, concurrency: 4, deliveryTimeoutMs: 1_000 };
    assert.deepEqual(await deliverDue(deps, await startAdapter(), NOW), { sent: 6, failed: 0 });
    assert.equal(fake.calls.filter((c) => c.status === 429).length, 1, "Discord did answer 429");
    assert.deepEqual(tally, { sent: 6 }, "nothing retried or failed");
    assert.ok((await db.outbox.findMany()).every((r) => r.status === "sent" && r.attempts === 1));
    for (const p of people) assert.equal(fake.messagesIn(fake.dmChannelIdOf(p)).length, 1);
  });
});
