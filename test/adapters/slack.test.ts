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
import { runTick } from "../../src/scheduler/tick.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { saveSlackInstallation } from "../../src/store/slack-installations.ts";
import { FakeSlack, type SlackCall } from "../support/fake-slack.ts";
import { blockAction, eventCallback, type SlackTarget, slashCommand, viewSubmission } from "../support/slack-requests.ts";
import { startBot } from "../support/start-bot.ts";

const SECRET = "test-signing-secret";
const CHANNEL = "C0SET";
const people = {
  sam: ["U0SAM", "sam"],
  ana: ["U0ANA", "ana"],
  ben: ["U0BEN", "ben"],
  cleo: ["U0CLEO", "cleo"],
  dev: ["U0DEV", "dev"],
  eve: ["U0EVE", "eve"],
} as const;
type Who = keyof typeof people;

/** Texts of the messages (blocks' section texts joined) of the given calls. */
const textOf = (c: SlackCall) => {
  const blocks = (c.args.blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[] | undefined) ?? [];
  return [String(c.args.text ?? ""), ...blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)])].join("\n");
};
const buttonsOf = (c: SlackCall) =>
  ((c.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[] | undefined) ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

describe("Slack adapter on the real Bolt stack against a local Slack", () => {
  let fake: FakeSlack;
  let db: Database;
  let dir: string;
  let adapter: SlackAdapter;
  let target: SlackTarget;
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const logger = pino({ level: "silent" });

  beforeAll(async () => {
    fake = await FakeSlack.start();
    dir = mkdtempSync(join(tmpdir(), "als-slack-"));
    db = await openDatabase(`file:${join(dir, "als.db")}`);
    adapter = createSlackAdapter({ db, clock, logger, defaultTimeZone: "Europe/London" }, handlers, {
      botToken: "xoxb-test",
      signingSecret: SECRET,
      apiUrl: fake.url,
    });
    const port = await adapter.start(0);
    target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET };
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Sends `/als TEXT` as a person and waits for the reply to land at the fake Slack. */
  async function als(who: Who, text: string, method = "chat.postEphemeral"): Promise<SlackCall> {
    const before = fake.callsTo(method).length;
    const [userId, userName] = people[who];
    const res = await slashCommand(target, { text, userId, userName, channelId: CHANNEL });
    assert.equal(res.status, 200, res.body);
    const calls = await fake.waitFor(method, before + 1);
    return calls[before]!;
  }
  const mention = (who: Who) => `<@${people[who][0]}|${people[who][1]}>`;

  test("a set is created, five members join, a monthly series is scheduled", async () => {
    assert.match(
      textOf(await als("sam", 'set create name:"Leading change"', "chat.postMessage")),
      /Created the action learning set "Leading change"/,
    );
    for (const who of ["ana", "ben", "cleo", "dev", "eve"] as const) {
      assert.match(textOf(await als("sam", `set add member:${mention(who)}`, "chat.postMessage")), new RegExp(`Welcome ${people[who][1]}`));
    }
    const scheduled = textOf(
      await als("ana", 'meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:3', "chat.postMessage"),
    );
    assert.match(scheduled, /ana scheduled 3 meetings, monthly on the 12th/);
    assert.match(
      scheduled,
      /<!date\^1799748000\^\{date_short_pretty\} \{time\}\|2027-01-12 10:00 UTC>/,
      "times render in each reader's zone",
    );
  });

  test("only the actor sees their reply, and RSVP works by button", async () => {
    const next = await als("ben", "meeting next");
    assert.equal(next.args.user, people.ben[0]);
    assert.equal(next.args.channel, CHANNEL);
    const yes = buttonsOf(next).find((b) => b.action_id === "rsvp-yes-1")!;
    assert.equal(yes.value, `${CHANNEL}|/meeting rsvp answer:yes meeting:1`);
    const before = fake.callsTo("chat.postEphemeral").length;
    const res = await blockAction(target, {
      userId: people.cleo[0],
      userName: "cleo",
      channelId: CHANNEL,
      actionId: yes.action_id,
      value: yes.value,
    });
    assert.equal(res.status, 200);
    const [reply] = (await fake.waitFor("chat.postEphemeral", before + 1)).slice(before);
    assert.equal(reply!.args.user, people.cleo[0], "the RSVP is the presser's");
    assert.match(textOf(reply!), /Thanks: you're coming to meeting 1/);
    const rsvp = await db.rsvp.findFirstOrThrow({ include: { person: true } });
    assert.equal(rsvp.person.externalId, people.cleo[0]);
  });

  test("an action is recorded through the entry form; a bad submission is shown on the field", async () => {
    const opened = fake.callsTo("views.open").length;
    await blockAction(target, {
      userId: people.ana[0],
      userName: "ana",
      channelId: CHANNEL,
      actionId: "log-action",
      value: `${CHANNEL}|/log action`,
      triggerId: "trig-1",
    });
    const [view] = (await fake.waitFor("views.open", opened + 1)).slice(opened);
    const modal = view!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { initial_option?: { value: string } } }[];
    };
    assert.equal(modal.callback_id, "log_entry");
    assert.equal(modal.blocks[0]!.element.initial_option?.value, "action", "the button's kind is preset");
    const values = (text: string) => ({
      kind: { kind: { type: "static_select", selected_option: { value: "action" } } },
      text: { text: { type: "plain_text_input", value: text } },
    });
    const bad = await viewSubmission(target, {
      userId: people.ana[0],
      userName: "ana",
      callbackId: "log_entry",
      privateMetadata: CHANNEL,
      values: values("x".repeat(2001)),
    });
    assert.deepEqual((bad.json as { response_action: string }).response_action, "errors");
    assert.match(JSON.stringify(bad.json), /at most 2000 characters; this has 2001/);
    assert.equal(await db.entry.count(), 0, "nothing saved");
    const before = fake.callsTo("chat.postEphemeral").length;
    const good = await viewSubmission(target, {
      userId: people.ana[0],
      userName: "ana",
      callbackId: "log_entry",
      privateMetadata: CHANNEL,
      values: values('Meet both leads together, "properly" this time'),
    });
    assert.equal(good.status, 200);
    assert.match(textOf((await fake.waitFor("chat.postEphemeral", before + 1))[before]!), /Action recorded as action #1/);
    assert.equal((await db.entry.findFirstOrThrow()).text, 'Meet both leads together, "properly" this time');
  });

  test("the scheduler delivers a reminder DM through Slack, honouring a 429's Retry-After", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const posted = fake.callsTo("chat.postMessage").length;
    await runTick({ db, logger }, adapter.sink, new Date("2027-01-10T09:59:00Z"));
    await runTick({ db, logger }, adapter.sink, new Date("2027-01-10T10:00:00Z")); // presenter reminders, 48 hours before
    const dms = fake
      .callsTo("chat.postMessage")
      .slice(posted)
      .filter((c) => String(c.args.channel).startsWith("D"));
    assert.equal(dms.length >= 3, true, `three presenters get a DM: ${dms.length}`);
    assert.match(textOf(dms[0]!), /You present at meeting 1 of "Leading change"/);
    assert.ok(buttonsOf(dms[0]!).some((b) => b.action_id === "snooze-1d"));
    assert.ok(
      fake.calls.some((c) => c.method === "chat.postMessage" && c.status === 429),
      "Slack said 429 once",
    );
    const sent = await db.outbox.findMany({ where: { kind: "presenter-prep" } });
    assert.ok(sent.length >= 3 && sent.every((r) => r.status === "sent"));
    const refs = sent.map((r) => r.platformRef ?? "");
    assert.ok(
      refs.every((ts) => /^\d+\.\d+$/.test(ts)) && new Set(refs).size === refs.length,
      `each row records its message's ts: ${refs.join(", ")}`,
    );
  });

  test("a draft is delivered as a file in the member's DM", async () => {
    const completed = fake.callsTo("files.completeUploadExternal").length;
    await als("ana", "log draft format:md");
    const [done] = (await fake.waitFor("files.completeUploadExternal", completed + 1)).slice(completed);
    assert.ok(String(JSON.stringify(done!.args)).includes(`D${people.ana[0]}`), "uploaded to Ana's DM, not the channel");
    const file = [...fake.uploads.values()].find((u) => u.filename.startsWith("m337-draft-ana"));
    assert.ok(file);
    assert.match(file.bytes.toString("utf8"), /Leadership action plan/);
  });

  test("a slash command's text reaches the log as typed: Slack's &amp; &lt; &gt; are read back, quotes kept", async () => {
    // Slack sends &, < and > in a command's text as entities; a real <…> is one of its mentions or links.
    const typed = 'Ask Tom & Jerry <both> what “done” means: lesson learned, "really';
    const sent = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    assert.match(textOf(await als("ben", `log reflect text:${sent}`)), /Reflection recorded/);
    const entry = await db.entry.findFirstOrThrow({ where: { kind: "reflect", author: { externalId: people.ben[0] } } });
    assert.equal(entry.text, typed);
  });

  test("/als alone shows help; /als log alone opens the entry form", async () => {
    assert.match(textOf(await als("dev", "")), /Commands \(options are written name:value/);
    const opened = fake.callsTo("views.open").length;
    await slashCommand(target, { text: "log", userId: people.dev[0], userName: "dev", channelId: CHANNEL, triggerId: "trig-2" });
    assert.equal((await fake.waitFor("views.open", opened + 1)).length, opened + 1);
  });

  test("forged, unsigned and stale requests are rejected and run nothing", async () => {
    const calls = fake.calls.length;
    const entries = await db.entry.count();
    const cmd = { text: "log problem text:sneaky", userId: people.ana[0], userName: "ana", channelId: CHANNEL };
    assert.equal((await slashCommand(target, cmd, { forgeSignature: true })).status, 401);
    assert.equal((await slashCommand(target, cmd, { omitHeaders: true })).status, 401);
    assert.equal((await slashCommand(target, cmd, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status, 401);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(fake.calls.length, calls, "no handler ran");
    assert.equal(await db.entry.count(), entries);
  });

  test("a retried event is processed once", async () => {
    const before = fake.callsTo("chat.postEphemeral").length;
    const event = { type: "member_joined_channel", user: "U0NEW", channel: CHANNEL, team: "T1" };
    assert.equal((await eventCallback(target, { eventId: "Ev1", event })).status, 200);
    assert.equal((await eventCallback(target, { eventId: "Ev1", event }, { retryNum: 1, retryReason: "http_timeout" })).status, 200);
    await fake.waitFor("chat.postEphemeral", before + 1);
    await new Promise((r) => setTimeout(r, 200));
    const welcomes = fake
      .callsTo("chat.postEphemeral")
      .slice(before)
      .filter((c) => /This channel is the action learning set/.test(String(c.args.text)));
    assert.equal(welcomes.length, 1);
  });

  test("a retry that reaches another process on the same database is handled once too", async () => {
    const secondDb = await openDatabase(`file:${join(dir, "als.db")}`);
    const second = createSlackAdapter({ db: secondDb, clock, logger, defaultTimeZone: "Europe/London" }, handlers, {
      botToken: "xoxb-test",
      signingSecret: SECRET,
      apiUrl: fake.url,
    });
    const secondTarget = { url: `http://127.0.0.1:${await second.start(0)}/slack/events`, signingSecret: SECRET };
    try {
      const before = fake.callsTo("chat.postEphemeral").length;
      const event = { type: "member_joined_channel", user: "U0OTHER", channel: CHANNEL, team: "T1" };
      assert.equal((await eventCallback(target, { eventId: "Ev2", event })).status, 200);
      await fake.waitFor("chat.postEphemeral", before + 1);
      assert.equal(
        (await eventCallback(secondTarget, { eventId: "Ev2", event }, { retryNum: 1, retryReason: "http_timeout" })).status,
        200,
      );
      assert.equal((await eventCallback(secondTarget, { eventId: "Ev3", event })).status, 200, "a new event on the second process");
      await fake.waitFor("chat.postEphemeral", before + 2);
      await new Promise((r) => setTimeout(r, 200));
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
    const port = await adapter.start(0);
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
    await adapter.sink.deliver({ platform: "slack", workspaceId: "T2", channelId: "C0T2", to: { kind: "channel" }, reply }, "test-key");
    assert.equal(fake.callsTo("chat.postMessage").at(-1)!.token, "xoxb-team-two");
    await assert.rejects(
      adapter.sink.deliver({ platform: "slack", workspaceId: "T9", channelId: "C0T9", to: { kind: "channel" }, reply }, "test-key"),
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
