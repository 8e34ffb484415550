import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { saveSlackInstallation } from "../../src/store/slack-installations.ts";
import { FakeSlack, type SlackCall } from "../support/fake-slack.ts";
import { LogCapture } from "../support/log-capture.ts";
import { eventCallback, type SlackTarget, slashCommand } from "../support/slack-requests.ts";
import { startBot } from "../support/start-bot.ts";
import { describeAdapterContract, seedLongLog } from "./contract/adapter-contract.ts";
import { CHANNEL, SIGNING_SECRET as SECRET, SLACK_IDS, type SlackDriver, startSlackDriver, textOf } from "./contract/slack-driver.ts";

describeAdapterContract("Slack (the real Bolt stack against a local Slack)", startSlackDriver, (driver) => {
  const d = () => driver() as SlackDriver;

  test("a slash command's text reaches the log as typed: Slack's &amp; &lt; &gt; are read back, quotes kept", async () => {
    const { fake, target, db } = d();
    // Slack sends &, < and > in a command's text as entities; a real <…> is one of its mentions or links.
    const typed = 'Ask Tom & Jerry <both> what “done” means: lesson learned, "really';
    const sent = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const from = fake.calls.length;
    await slashCommand(target, { text: `log reflect text:${sent}`, userId: SLACK_IDS.ben, userName: "ben", channelId: CHANNEL });
    const [reply] = await fake.waitForCall("ben's reply", (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral");
    assert.match(textOf(reply!), /Reflection recorded/);
    const entry = await db.entry.findFirstOrThrow({ where: { kind: "reflect", author: { externalId: SLACK_IDS.ben } } });
    assert.equal(entry.text, typed);
  });

  test("/als alone shows help; /als log alone opens the entry form", async () => {
    const { fake, target } = d();
    const helped = fake.calls.length;
    await slashCommand(target, { text: "", userId: SLACK_IDS.dev, userName: "dev", channelId: CHANNEL });
    const [help] = await fake.waitForCall("help", (c) => fake.calls.indexOf(c) >= helped && c.method === "chat.postEphemeral");
    assert.match(textOf(help!), /Commands \(options are written name:value/);
    const opened = fake.callsTo("views.open").length;
    await slashCommand(target, { text: "log", userId: SLACK_IDS.dev, userName: "dev", channelId: CHANNEL, triggerId: "trig-2" });
    assert.equal((await fake.waitFor("views.open", opened + 1)).length, opened + 1);
  });

  test("a /log list too long for one Slack message arrives whole, in messages of at most 50 blocks", async () => {
    const { fake, target } = d();
    const texts = await seedLongLog(d(), "ana", 100, 1900);
    const from = fake.calls.length;
    await slashCommand(target, { text: "log list last:100", userId: SLACK_IDS.ana, userName: "ana", channelId: CHANNEL });
    const isPost = (c: SlackCall) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral";
    const posts = await fake.waitForCall("the list's two messages", isPost, 2);
    assert.deepEqual(
      posts.map((c) => [c.response?.ok, (c.args.blocks as unknown[]).length]),
      [
        [true, 50],
        [true, 50],
      ],
      "two full messages, both accepted",
    );
    const shown = posts.map(textOf).join("\n");
    assert.ok(
      texts.every((t) => shown.includes(t)),
      "every entry is shown, none cut",
    );
  });

  test("forged, unsigned and stale requests are rejected and run nothing", async () => {
    const { fake, target, db } = d();
    const calls = fake.calls.length;
    const entries = await db.entry.count();
    const cmd = { text: "log problem text:sneaky", userId: SLACK_IDS.ana, userName: "ana", channelId: CHANNEL };
    assert.equal((await slashCommand(target, cmd, { forgeSignature: true })).status, 401);
    assert.equal((await slashCommand(target, cmd, { omitHeaders: true })).status, 401);
    assert.equal((await slashCommand(target, cmd, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status, 401);
    // A signed request sent after them is answered: had a refused one run anything, it would have been seen by now.
    assert.equal((await slashCommand(target, { ...cmd, text: "help" })).status, 200);
    const [answered] = await fake.waitForCall(
      "the signed help",
      (c) => fake.calls.indexOf(c) >= calls && c.method === "chat.postEphemeral",
    );
    assert.deepEqual(
      fake.calls.slice(calls).map((c) => c.method),
      ["chat.postEphemeral"],
      "only the signed request ran",
    );
    assert.match(textOf(answered!), /Commands \(options are written name:value/);
    assert.equal(await db.entry.count(), entries);
  });

  test("a retried event is processed once", async () => {
    const { fake, target, logs } = d();
    const before = fake.callsTo("chat.postEphemeral").length;
    const event = { type: "member_joined_channel", user: "U0NEW", channel: CHANNEL, team: "T1" };
    assert.equal((await eventCallback(target, { eventId: "Ev1", event })).status, 200);
    assert.equal((await eventCallback(target, { eventId: "Ev1", event }, { retryNum: 1, retryReason: "http_timeout" })).status, 200);
    await fake.waitFor("chat.postEphemeral", before + 1);
    await logs.waitFor("slack event seen before: ignored", (l) => l.eventId === "Ev1");
    const welcomes = fake
      .callsTo("chat.postEphemeral")
      .slice(before)
      .filter((c) => /This channel is the action learning set/.test(String(c.args.text)));
    assert.equal(welcomes.length, 1);
  });

  test("a retry that reaches another process on the same database is handled once too", async () => {
    const { fake, target, database, db, clock } = d();
    const secondDb = await openDatabase(database.url);
    const secondLogs = new LogCapture();
    const second = createSlackAdapter({ db: secondDb, clock, logger: secondLogs.logger, defaultTimeZone: "Europe/London" }, handlers, {
      botToken: "xoxb-test",
      signingSecret: SECRET,
      apiUrl: fake.url,
    });
    await second.start();
    const secondTarget = { url: `http://127.0.0.1:${second.port()}/slack/events`, signingSecret: SECRET };
    try {
      const before = fake.callsTo("chat.postEphemeral").length;
      const event = { type: "member_joined_channel", user: "U0OTHER", channel: CHANNEL, team: "T1" };
      assert.equal((await eventCallback(target, { eventId: "Ev2", event })).status, 200);
      await fake.waitFor("chat.postEphemeral", before + 1);
      assert.equal(
        (await eventCallback(secondTarget, { eventId: "Ev2", event }, { retryNum: 1, retryReason: "http_timeout" })).status,
        200,
      );
      await secondLogs.waitFor("slack event seen before: ignored", (l) => l.eventId === "Ev2");
      assert.equal((await eventCallback(secondTarget, { eventId: "Ev3", event })).status, 200, "a new event on the second process");
      await fake.waitFor("chat.postEphemeral", before + 2);
      assert.equal(
        fake.callsTo("chat.postEphemeral").length,
        before + 2,
        "Ev2 once and Ev3 once: the retry was recognised by the other process",
      );
      assert.equal(await db.slackEvent.count({ where: { eventId: { in: ["Ev2", "Ev3"] } } }), 2);
    } finally {
      await second.stop();
      await secondDb.$disconnect();
    }
  });
});

describe("Slack multi-workspace installs through OAuth, with the installations in our database", () => {
  let fake: FakeSlack;
  let db: Database;
  let dir: string;
  let adapter: SlackAdapter;
  let target: SlackTarget;
  let base: string;
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));

  beforeAll(async () => {
    fake = await FakeSlack.start();
    dir = mkdtempSync(join(tmpdir(), "als-slack-oauth-"));
    db = await openDatabase(`file:${join(dir, "als.db")}`);
    adapter = createSlackAdapter({ db, clock, logger: pino({ level: "silent" }), defaultTimeZone: "Europe/London" }, handlers, {
      signingSecret: SECRET,
      apiUrl: fake.url,
      oauth: { clientId: "111.222", clientSecret: "client-secret", stateSecret: "state-secret" },
    });
    await adapter.start();
    const port = adapter.port();
    base = `http://127.0.0.1:${port}`;
    target = { url: `${base}/slack/events`, signingSecret: SECRET };
    await saveSlackInstallation(
      db,
      "T:T2",
      { team: { id: "T2" }, isEnterpriseInstall: false, bot: { token: "xoxb-team-two", userId: "UBOT2", id: "B2", scopes: [] } },
      clock.now(),
    );
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the install page sends the workspace to Slack's consent screen with our client id and scopes", async () => {
    const res = await fetch(`${base}/slack/install`, { redirect: "manual" });
    const body = await res.text();
    const link = res.headers.get("location") ?? body;
    assert.match(link, /https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]*client_id=111\.222/);
    assert.match(decodeURIComponent(link), /scope=commands,chat:write/);
  });

  test("a command from an installed workspace is answered with that workspace's own bot token", async () => {
    const before = fake.callsTo("chat.postEphemeral").length;
    const res = await slashCommand(target, { text: "help", userId: "U0X", userName: "x", channelId: "C0T2", teamId: "T2" });
    assert.equal(res.status, 200);
    const [reply] = (await fake.waitFor("chat.postEphemeral", before + 1)).slice(before);
    assert.equal(reply!.token, "xoxb-team-two");
  });

  test("a reminder for a workspace goes out with its token; a workspace that never installed fails loudly", async () => {
    const reply = { text: "Meeting 1 is tomorrow", buttons: [] };
    await adapter.deliver({ platform: "slack", workspaceId: "T2", channelId: "C0T2", to: { kind: "channel" }, reply }, "test-key");
    assert.equal(fake.callsTo("chat.postMessage").at(-1)!.token, "xoxb-team-two");
    await assert.rejects(
      adapter.deliver({ platform: "slack", workspaceId: "T9", channelId: "C0T9", to: { kind: "channel" }, reply }, "test-key"),
      /not installed in T:T9/,
    );
  });
});

test("npm start with Slack tokens serves Slack over HTTP on PORT and stops cleanly on SIGTERM", async () => {
  const fake = await FakeSlack.start();
  const port = await freePort();
  const bot = startBot({ SLACK_BOT_TOKEN: "xoxb-main", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: String(port) });
  try {
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET };
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = await slashCommand(target, { text: "help", userId: "U0A", userName: "a", channelId: "C0A" }).then(
        (r) => r.status,
        () => 0,
      );
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 200, bot.stderr());
    const [reply] = await fake.waitFor("chat.postEphemeral", 1);
    assert.equal(reply!.token, "xoxb-main");
  } finally {
    const code = await bot.stop();
    await fake.close();
    assert.equal(code, 0, bot.stderr());
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}
