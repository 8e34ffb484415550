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
import { blockAction, eventCallback, messageShortcut, type SlackTarget, slashCommand, viewSubmission } from "../support/slack-requests.ts";
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

  test("Save to my log on an app's message (no author): allowed in the set's channel, refused elsewhere by response_url, nothing posted", async () => {
    const { fake, target } = d();
    const dev = { userId: SLACK_IDS.dev, userName: "dev" };
    const app = { text: "Reminder: bring one question you were asked", ts: "1799748000.000300" };
    const from = fake.calls.length;
    const outside = fake.responseUrl();
    await messageShortcut(target, { callbackId: "save_to_log", channelId: "C0RANDOM", message: app, responseUrl: outside, ...dev });
    const [refusal] = await fake.waitForCall("the refusal", (c) => c.method === "response_url" && c.url === outside);
    assert.match(String(refusal!.args.text), /You can save your own messages, or any message in your set's channel/);
    await messageShortcut(target, { callbackId: "save_to_log", channelId: CHANNEL, message: app, triggerId: "trig-save", ...dev });
    const [opened] = await fake.waitForCall("views.open", (c) => fake.calls.indexOf(c) >= from && c.method === "views.open");
    assert.equal(opened!.args.trigger_id, "trig-save");
    const view = opened!.args.view as { private_metadata: string; blocks: { block_id: string; element: { initial_value?: string } }[] };
    assert.equal(view.blocks.find((b) => b.block_id === "text")?.element.initial_value, app.text);
    assert.equal(view.private_metadata, `${CHANNEL}|1`, "the set's channel, and meeting 1, held that day");
    const posted = fake.calls.slice(from).filter((c) => c.method.startsWith("chat."));
    assert.deepEqual(posted, [], "nothing posted: a refusal answers the chooser alone, a form opens");
  });

  test("the entry form carries the new options: an action's goal, due date, support and problem; errors land on their field", async () => {
    const { fake, target, db } = d();
    const eve = { userId: SLACK_IDS.eve, userName: "eve", channelId: CHANNEL };
    for (const text of [
      'log goal text:"By June, hand the weekly rota to one of my band 6 nurses"',
      'log problem text:"Handovers miss medication changes"',
    ]) {
      const from = fake.calls.length;
      await slashCommand(target, { text, ...eve });
      await fake.waitForCall("eve's reply", (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral");
    }
    const opened = fake.callsTo("views.open").length;
    await blockAction(target, { ...eve, actionId: "log-action", value: `${CHANNEL}|/log action`, triggerId: "trig-3" });
    const [view] = (await fake.waitFor("views.open", opened + 1)).slice(opened);
    const blocks = (view!.args.view as { blocks: { block_id: string; optional?: boolean }[] }).blocks;
    assert.deepEqual(
      blocks.map((b) => b.block_id),
      ["kind", "text", "goal", "due", "support", "problem"],
      "an action's form asks for what an action takes",
    );
    assert.ok(blocks.slice(2).every((b) => b.optional === true));
    const values = (kind: string, fields: Record<string, string>) => ({
      kind: { kind: { type: "static_select", selected_option: { value: kind } } },
      text: { text: { type: "plain_text_input", value: "Trial a written handover sheet" } },
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { [k]: { type: "plain_text_input", value: v } }])),
    });
    const submit = (fields: Record<string, string>, kind = "action") =>
      viewSubmission(target, { ...eve, callbackId: "log_entry", privateMetadata: CHANNEL, values: values(kind, fields) });
    const entries = await db.entry.count();
    const bad = await submit({ goal: "9" });
    assert.deepEqual(Object.keys((bad.json as { errors: Record<string, string> }).errors), ["goal"]);
    assert.match(JSON.stringify(bad.json), /there is no Goal 9/);
    const wrongKind = await submit({ source: "360 feedback" });
    assert.match(
      JSON.stringify(wrongKind.json),
      /"source":"Option source: action entries do not take source: \(only strength, limitation entries do\)\./,
    );
    const review = await submit({}, "review");
    assert.deepEqual(Object.keys((review.json as { errors: Record<string, string> }).errors), ["goal"], "a review needs its goal");
    assert.equal(await db.entry.count(), entries, "nothing saved");
    const good = await submit({ goal: "1", due: "2027-03-16", support: "The matron", problem: "1" });
    assert.equal(good.status, 200);
    const saved = await db.entry.findFirstOrThrow({
      where: { text: "Trial a written handover sheet" },
      include: { goal: true, problem: true },
    });
    assert.deepEqual(
      [saved.goal?.text, saved.problem?.text, saved.support],
      ["By June, hand the weekly rota to one of my band 6 nurses", "Handovers miss medication changes", "The matron"],
    );
    // `/als log` alone: every field, labelled with the kinds that take it, and every kind.
    const before = fake.callsTo("views.open").length;
    await slashCommand(target, { text: "log", ...eve, triggerId: "trig-4" });
    const [bare] = (await fake.waitFor("views.open", before + 1)).slice(before);
    const form = bare!.args.view as { blocks: { label: { text: string }; element: { options?: { value: string }[] } }[] };
    const labels = form.blocks.map((b) => b.label.text);
    assert.ok(labels.includes("Goal number (as in your draft) (action, review)"), labels.join(" | "));
    assert.ok(labels.includes("Where it comes from (strength, limitation)"));
    const kinds = form.blocks[0]!.element.options!.map((o) => o.value);
    assert.ok(kinds.includes("action-learning") && kinds.includes("review"));
  });

  test("a refused entry answers with a button that opens the entry form with the words as written; only their author opens it", async () => {
    const { fake, target, db } = d();
    const eve = { userId: SLACK_IDS.eve, userName: "eve", channelId: CHANNEL };
    const text = 'Agree one rota with both leads: weekly, "not when it suits"; goal: the rota one';
    const from = fake.calls.length;
    await slashCommand(target, { text: `log action due:"someday soon" text:${text}`, ...eve });
    const [refused] = await fake.waitForCall("eve's refusal", (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral");
    assert.match(textOf(refused!), /Option due:/);
    const blocks =
      (refused!.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]) ?? [];
    const button = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.action_id === "kept-form");
    assert.ok(button, JSON.stringify(blocks));
    assert.equal(button.text.text, "Open the form with my words");
    assert.equal(await db.entry.count({ where: { text } }), 0, "the refused entry is not stored");

    const before = fake.calls.length;
    await blockAction(target, {
      userId: SLACK_IDS.ben,
      userName: "ben",
      channelId: CHANNEL,
      actionId: button.action_id,
      value: button.value,
      triggerId: "trig-k1",
    });
    const [other] = await fake.waitForCall("ben's answer", (c) => fake.calls.indexOf(c) >= before && c.method === "chat.postEphemeral");
    assert.match(textOf(other!), /Those words are someone else's/);
    assert.equal(other!.args.user, SLACK_IDS.ben);

    const opened = fake.callsTo("views.open").length;
    await blockAction(target, { ...eve, actionId: button.action_id, value: button.value, triggerId: "trig-k2" });
    const [view] = (await fake.waitFor("views.open", opened + 1)).slice(opened);
    const modal = view!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id: string; element: { initial_value?: string; initial_option?: { value: string } } }[];
    };
    assert.equal(modal.callback_id, "log_entry");
    const shown = Object.fromEntries(
      modal.blocks.map((b) => [b.block_id, b.element.initial_value ?? b.element.initial_option?.value ?? null]),
    );
    assert.deepEqual(
      shown,
      { kind: "action", text, goal: null, due: "someday soon", support: null, problem: null },
      "filled in exactly as given",
    );

    const values = {
      kind: { kind: { type: "static_select", selected_option: { value: "action" } } },
      text: { text: { type: "plain_text_input", value: text } },
      due: { due: { type: "plain_text_input", value: "2027-03-01" } },
    };
    const sent = await viewSubmission(target, { ...eve, callbackId: modal.callback_id, privateMetadata: modal.private_metadata, values });
    assert.equal(sent.status, 200);
    assert.equal((await db.entry.findFirstOrThrow({ where: { text } })).text, text, "stored exactly as written");
  });

  test("an unclear goal is asked about: a short command's choice runs from its button, a long one's opens the form with the choice", async () => {
    const { fake, target, db } = d();
    const eve = { userId: SLACK_IDS.eve, userName: "eve", channelId: CHANNEL };
    const refusal = async (text: string) => {
      const from = fake.calls.length;
      await slashCommand(target, { text, ...eve });
      const [reply] = await fake.waitForCall(
        "eve's question",
        (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral" && /Which goal/.test(textOf(c)),
      );
      const blocks =
        (reply!.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]) ?? [];
      return { text: textOf(reply!), buttons: blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])) };
    };
    // Eve's goals, from the entry form test: Goal 1 is the rota one.
    const short = await refusal("log review goal:the rota one text:went well");
    assert.match(short.text, /Which goal do you mean by "the rota one"\? Your goals that mention it:/);
    const rota = short.buttons.find((b) => b.action_id === "which-goal-1");
    assert.ok(rota, JSON.stringify(short.buttons));
    assert.equal(rota.value, `${CHANNEL}|/log review goal:1 text:went well`, "a short command rides in its button whole");
    const from = fake.calls.length;
    await blockAction(target, { ...eve, actionId: rota.action_id, value: rota.value, triggerId: "trig-w1" });
    await fake.waitForCall("eve's reply", (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral");
    const review = await db.entry.findFirstOrThrow({ where: { text: "went well" }, include: { goal: true } });
    assert.equal(review.goal?.text, "By June, hand the weekly rota to one of my band 6 nurses");

    const words = `The rota held for three weeks: "no swaps" worked. ${"The leads now plan together. ".repeat(4).trim()}`;
    const long = await refusal(`log review goal:the rota one text:${words}`);
    const kept = long.buttons.find((b) => b.action_id === "which-goal-1");
    assert.ok(kept, JSON.stringify(long.buttons));
    assert.match(kept.value, new RegExp(`^${CHANNEL}\\|/form kept:[a-z0-9]+$`), "a long one is kept, and its button names it");
    const opened = fake.callsTo("views.open").length;
    await blockAction(target, { ...eve, actionId: kept.action_id, value: kept.value, triggerId: "trig-w2" });
    const [view] = (await fake.waitFor("views.open", opened + 1)).slice(opened);
    const modal = view!.args.view as { blocks: { block_id: string; element: { initial_value?: string } }[] };
    const shown = Object.fromEntries(modal.blocks.map((b) => [b.block_id, b.element.initial_value ?? null]));
    assert.deepEqual([shown.text, shown.goal], [words, "1"], "the form opens with the words and the chosen goal");
  });

  test("/als log write without text opens a form filled with the member's notes for the section; sent, it is their write-up", async () => {
    const { fake, target, db } = d();
    const cleo = { userId: SLACK_IDS.cleo, userName: "cleo", channelId: CHANNEL };
    for (const text of ['log action-learning text:"we ask, we do not advise"', 'log action-learning text:"i owe the set my preparation"']) {
      const from = fake.calls.length;
      await slashCommand(target, { text, ...cleo });
      await fake.waitForCall("cleo's reply", (c) => fake.calls.indexOf(c) >= from && c.method === "chat.postEphemeral");
    }
    const opened = fake.callsTo("views.open").length;
    await slashCommand(target, { text: "log write section:2.1", ...cleo, triggerId: "trig-write" });
    const [call] = (await fake.waitFor("views.open", opened + 1)).slice(opened);
    type Block = { block_id: string; element: { initial_value?: string; max_length?: number; initial_option?: { value: string } } };
    const view = call!.args.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    assert.equal(view.private_metadata, `${CHANNEL}|log write`);
    const block = (id: string) => view.blocks.find((b) => b.block_id === id)!;
    assert.equal(block("text").element.initial_value, "we ask, we do not advise\n\ni owe the set my preparation");
    assert.ok(block("text").element.max_length! <= 3000, "within Slack's limit for a text input");
    assert.equal(block("section").element.initial_option?.value, "2.1");
    const mine = "We ask rather than advise; I owe the set my preparation; it is teaching me to ask first.";
    await viewSubmission(target, {
      callbackId: view.callback_id,
      privateMetadata: view.private_metadata,
      values: {
        section: { section: { type: "radio_buttons", selected_option: { value: "2.1" } } },
        text: { text: { type: "plain_text_input", value: mine } },
      },
      userId: SLACK_IDS.cleo,
      userName: "cleo",
    });
    const row = await db.entry.findFirstOrThrow({ where: { kind: "write", author: { externalId: SLACK_IDS.cleo } } });
    assert.deepEqual([row.section, row.text], ["2.1", mine]);
  });

  test("a refused feedback form shows the error on the field it is about; nothing is stored", async () => {
    const { target, db } = d();
    const submit = async (text: string, about: string) => {
      const res = await viewSubmission(target, {
        callbackId: "command_form",
        privateMetadata: `${CHANNEL}|feedback`,
        values: {
          text: { text: { type: "plain_text_input", value: text } },
          about: { about: { type: "radio_buttons", selected_option: { value: about } } },
          anonymous: { anonymous: { type: "radio_buttons", selected_option: { value: "yes" } } },
        },
        userId: SLACK_IDS.dev,
        userName: "dev",
      });
      return (res.json as { errors?: Record<string, string> }).errors;
    };
    const before = await db.feedback.count();
    assert.deepEqual(Object.keys((await submit("   ", "set")) ?? {}), ["text"]);
    const wrong = await submit("We run late", "teacher");
    assert.deepEqual(Object.keys(wrong ?? {}), ["about"]);
    assert.match(wrong!.about!, /^Option about: /);
    assert.equal(await db.feedback.count(), before);
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
