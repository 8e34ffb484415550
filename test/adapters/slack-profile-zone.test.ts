import assert from "node:assert/strict";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { FakeSlack, type SlackCall } from "../support/fake-slack.ts";
import { type SlackTarget, slashCommand } from "../support/slack-requests.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { textOf } from "./contract/slack-driver.ts";

// Time zones from the Slack profile (users.info's user.tz), through the real Bolt stack against a local Slack.

const SECRET = "zone-signing-secret";
const CHANNEL = "C0ZONE";

describe("Slack: a person's zone comes from their profile until they set one", () => {
  let fake: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  let adapter: SlackAdapter;
  let target: SlackTarget;

  /** Runs `/als <text>` as `userId` and returns the text of its first reply. */
  const run = async (userId: string, text: string): Promise<string> => {
    const from = fake.calls.length;
    const res = await slashCommand(target, { text, userId, userName: userId.toLowerCase(), channelId: CHANNEL });
    assert.equal(res.status, 200, res.body);
    const [reply] = await fake.waitForCall(
      `the reply to ${text}`,
      (c: SlackCall) => fake.calls.indexOf(c) >= from && (c.method === "chat.postEphemeral" || c.method === "chat.postMessage"),
    );
    return textOf(reply!);
  };
  const infoCallsFor = (userId: string) => fake.callsTo("users.info").filter((c) => c.args.user === userId).length;
  const stored = (externalId: string) => db.person.findFirst({ where: { externalId }, select: { timeZone: true, timeZoneSource: true } });

  beforeAll(async () => {
    fake = await FakeSlack.start();
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    const deps = {
      db,
      clock: new ManualClock(new Date("2027-01-04T09:00:00Z")),
      logger: pino({ level: "silent" }),
      defaultTimeZone: "Europe/London",
    };
    adapter = createSlackAdapter(deps, handlers, { botToken: "xoxb-test", signingSecret: SECRET, apiUrl: fake.url });
    await adapter.start();
    target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SECRET };
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  test("someone first seen takes their profile's zone, and /nudge settings says where it came from", async () => {
    fake.setUser("U0ANA", { tz: "America/New_York" });
    const reply = await run("U0ANA", "nudge settings");
    assert.match(reply, /America\/New_York \(from your Slack profile; tz: sets your own\)/);
    assert.deepEqual(await stored("U0ANA"), { timeZone: "America/New_York", timeZoneSource: "profile" });
    const info = fake.callsTo("users.info").find((c) => c.args.user === "U0ANA");
    assert.equal(info?.token, "xoxb-test", "read with the bot token");
    // Settled: the next command reads no profile.
    await run("U0ANA", "nudge settings");
    assert.equal(infoCallsFor("U0ANA"), 1);
  });

  test("/nudge settings tz: always wins: the profile is not read again and does not replace it", async () => {
    fake.setUser("U0BEN", { tz: "Asia/Tokyo" });
    assert.match(await run("U0BEN", "nudge settings tz:Asia/Kolkata"), /Asia\/Kolkata \(set by you\)/);
    assert.deepEqual(await stored("U0BEN"), { timeZone: "Asia/Kolkata", timeZoneSource: "person" });
    fake.setUser("U0BEN", { tz: "Pacific/Auckland" });
    const before = infoCallsFor("U0BEN");
    assert.match(await run("U0BEN", "nudge settings"), /Asia\/Kolkata \(set by you\)/);
    assert.equal(infoCallsFor("U0BEN"), before, "a zone the person set needs no profile");
  });

  test("a read-only command reads the profile but stores nothing", async () => {
    fake.setUser("U0CLEO", { tz: "Australia/Sydney" });
    const people = await db.person.count();
    await run("U0CLEO", "help");
    assert.equal(infoCallsFor("U0CLEO"), 1);
    assert.equal(await db.person.count(), people, "nobody stored by a read-only command");
    assert.equal(await stored("U0CLEO"), null);
  });

  test("a person added by an advisor keeps the default until their own first command brings their profile's zone", async () => {
    fake.setUser("U0SAM", { tz: "Europe/London" });
    fake.setUser("U0DEV", { tz: "America/Chicago" });
    await run("U0SAM", 'set create name:"Zones"');
    await run("U0SAM", "set add member:<@U0DEV|dev>");
    assert.deepEqual(await stored("U0DEV"), { timeZone: "Europe/London", timeZoneSource: "default" });
    assert.match(await run("U0DEV", "nudge settings"), /America\/Chicago \(from your Slack profile/);
    assert.deepEqual(await stored("U0DEV"), { timeZone: "America/Chicago", timeZoneSource: "profile" });
  });

  test("a profile Slack cannot give (an error, or no zone) leaves the default, and the command still runs", async () => {
    fake.failNext("users.info", "user_not_found");
    assert.match(await run("U0EVE", "nudge settings"), /Europe\/London \(the bot's default: tz:Region\/City sets yours\)/);
    assert.deepEqual(await stored("U0EVE"), { timeZone: "Europe/London", timeZoneSource: "default" });
    fake.setUser("U0FAY", { tz: "Not/AZone" });
    assert.match(await run("U0FAY", "nudge settings"), /Europe\/London \(the bot's default/);
  });
});
