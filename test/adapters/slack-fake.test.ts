import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, isValidSlackRequest, LogLevel } from "@slack/bolt";
import { type RetryOptions, WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, test } from "vitest";
import { FakeSlack } from "../support/fake-slack.ts";
import { blockAction, eventCallback, type SlackTarget, slashCommand, viewSubmission } from "../support/slack-requests.ts";

const TOKEN = "xoxb-fake-token";
const SECRET = "fake-signing-secret";
/** @slack/web-api's rapidRetryPolicy (its `retryPolicies` is a CJS default re-export, not an ESM named export). */
const RAPID: RetryOptions = { retries: 2, factor: 1, minTimeout: 0, maxTimeout: 1 };

function client(fake: FakeSlack, retryConfig = RAPID): WebClient {
  return new WebClient(TOKEN, { slackApiUrl: fake.url, retryConfig, logLevel: LogLevel.ERROR });
}

describe("FakeSlack with a real @slack/web-api WebClient", () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start();
  });
  afterEach(async () => {
    await fake.close();
  });

  test("url is a 127.0.0.1 /api/ base", () => {
    assert.match(fake.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  test("chat.postMessage is recorded with the token and blocks parsed back into objects", async () => {
    const blocks = [
      { type: "section", block_id: "b1", text: { type: "mrkdwn", text: "*Hello* [set]" } },
      { type: "actions", elements: [{ type: "button", action_id: "go", value: "1", text: { type: "plain_text", text: "Go" } }] },
    ];
    const first = await client(fake).chat.postMessage({ channel: "C123", text: "[hi] {there}", blocks });
    const second = await client(fake).chat.postMessage({ channel: "U42", text: "dm" });

    assert.equal(first.ok, true);
    assert.equal(first.channel, "C123");
    assert.match(first.ts ?? "", /^1700000000\.\d{6}$/);
    assert.ok((second.ts ?? "") > (first.ts ?? ""), "ts increases");
    assert.equal(second.channel, "DU42", "posting to a user id lands in their DM");
    assert.deepEqual(first.message?.blocks, blocks);

    const calls = fake.callsTo("chat.postMessage");
    assert.equal(calls.length, 2);
    const call = calls[0]!;
    assert.equal(call.token, TOKEN);
    assert.equal(call.args.channel, "C123");
    assert.equal(call.args.text, "[hi] {there}", "text that looks like JSON stays a string");
    assert.deepEqual(call.args.blocks, blocks);
    assert.equal(typeof call.at, "number");
    assert.equal(call.status, 200);
  });

  test("the other canned answers look like Slack's", async () => {
    const web = client(fake);
    const auth = await web.auth.test();
    assert.equal(auth.team_id, "T1");
    assert.equal(auth.user_id, "UBOT");
    assert.equal(auth.bot_id, "B1");

    const eph = await web.chat.postEphemeral({ channel: "C1", user: "U1", text: "only you" });
    assert.match(eph.message_ts ?? "", /^1700000000\.\d{6}$/);

    const upd = await web.chat.update({ channel: "C1", ts: "1700000000.000100", text: "edited" });
    assert.equal(upd.ts, "1700000000.000100");

    const dm = await web.conversations.open({ users: "U7" });
    assert.equal(dm.channel?.id, "DU7");

    const view = { type: "modal" as const, callback_id: "cb", title: { type: "plain_text" as const, text: "T" }, blocks: [] };
    const opened = await web.views.open({ trigger_id: "1.2.abc", view });
    assert.ok(opened.view?.id);
    const updated = await web.views.update({ view_id: opened.view.id, view });
    assert.equal(updated.view?.id, opened.view.id);
    assert.deepEqual(fake.callsTo("views.open")[0]?.args.view, view);

    fake.setUser("U9", { real_name: "Nia Okafor", display_name: "nia" });
    const u = await web.users.info({ user: "U9" });
    assert.equal(u.user?.id, "U9");
    assert.equal(u.user?.real_name, "Nia Okafor");
    assert.equal(u.user?.profile?.display_name, "nia");
    assert.equal(u.user?.tz, "Europe/London");
    const d = await web.users.info({ user: "U10" });
    assert.equal(d.user?.name, "u10");

    await assert.rejects(web.apiCall("no.such.method", { a: 1 }), /unknown_method/);
    assert.deepEqual(fake.callsTo("no.such.method")[0]?.args, { a: "1" });

    fake.failNext("chat.postMessage", "channel_not_found");
    await assert.rejects(web.chat.postMessage({ channel: "C404", text: "x" }), /channel_not_found/);
    assert.equal((await web.chat.postMessage({ channel: "C404", text: "x" })).ok, true);
  });

  test("429 once with Retry-After, then success: WebClient waits and retries", async () => {
    fake.rateLimitNext("chat.postMessage", 1);
    const started = Date.now();
    const res = await client(fake).chat.postMessage({ channel: "C1", text: "after the limit" });
    const elapsed = Date.now() - started;
    assert.equal(res.ok, true);
    const calls = fake.callsTo("chat.postMessage");
    assert.equal(calls.length, 2);
    assert.deepEqual(
      calls.map((c) => c.status),
      [429, 200],
    );
    assert.deepEqual(calls[0]!.args, calls[1]!.args);
    assert.ok(elapsed >= 1000 - 50, `elapsed ${elapsed}ms`);
    assert.ok(calls[1]!.at - calls[0]!.at >= 1000 - 50);
  });

  test("filesUploadV2 ends with the bytes in uploads", async () => {
    const content = "Learning log\nline 2 — ünïcode\n";
    const res = await client(fake).filesUploadV2({
      channel_id: "C1",
      filename: "log.txt",
      title: "My log",
      content,
      initial_comment: "here it is",
    });
    assert.equal(res.ok, true);

    const [getUrl] = fake.callsTo("files.getUploadURLExternal");
    assert.equal(getUrl?.args.filename, "log.txt");
    assert.equal(getUrl?.args.length, String(Buffer.byteLength(content)));

    assert.equal(fake.uploads.size, 1);
    const [fileId, upload] = [...fake.uploads][0]!;
    assert.equal(upload.filename, "log.txt");
    assert.equal(upload.bytes.toString("utf8"), content);

    const [complete] = fake.callsTo("files.completeUploadExternal");
    assert.deepEqual(complete?.args.files, [{ id: fileId, title: "My log" }]);
    assert.equal(complete?.args.channel_id, "C1");
    assert.equal(complete?.args.initial_comment, "here it is");
    const files = (res as unknown as { files: { files: { id: string }[] }[] }).files;
    assert.equal(files[0]?.files[0]?.id, fileId);
  });

  test("filesUploadV2 of a Buffer keeps the bytes exactly", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45, 13, 10]);
    await client(fake).filesUploadV2({ channel_id: "C1", filename: "b.bin", file: bytes });
    const [upload] = [...fake.uploads.values()];
    assert.deepEqual(upload?.bytes, bytes);
  });

  test("waitFor resolves on arrival and rejects with the calls seen on timeout", async () => {
    const waiting = fake.waitFor("chat.postMessage", 2, 2000);
    const web = client(fake);
    await web.chat.postMessage({ channel: "C1", text: "one" });
    await web.chat.postMessage({ channel: "C1", text: "two" });
    assert.equal((await waiting).length, 2);
    await assert.rejects(fake.waitFor("views.open", 1, 50), /only 0 after 50ms[\s\S]*chat\.postMessage/);
  });
});

describe("slack-requests signing", () => {
  let server: Server;
  let target: SlackTarget;
  let seen: { headers: IncomingHttpHeaders; body: string }[];

  beforeAll(async () => {
    seen = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    target = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret: SECRET };
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  function boltSaysValid(i: number, secret = SECRET): boolean {
    const req = seen[i]!;
    return isValidSlackRequest({
      signingSecret: secret,
      body: req.body,
      headers: {
        "x-slack-signature": String(req.headers["x-slack-signature"]),
        "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
      },
    });
  }

  test("a normal request passes Bolt's own verifier; forged and stale ones do not", async () => {
    seen.length = 0;
    const p = { text: "join Tuesday set", userId: "U1", userName: "ann", channelId: "C1" };
    const res = await slashCommand(target, p);
    assert.deepEqual(res, { status: 200, body: '{"ok":true}', json: { ok: true } });
    await slashCommand(target, p, { forgeSignature: true });
    await slashCommand(target, p, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    await slashCommand(target, p, { omitHeaders: true });

    assert.equal(boltSaysValid(0), true);
    assert.equal(boltSaysValid(0, "another-secret"), false);
    assert.equal(boltSaysValid(1), false, "forged");
    assert.equal(boltSaysValid(2), false, "stale");
    assert.equal(seen[3]!.headers["x-slack-signature"], undefined);
    assert.equal(seen[3]!.headers["x-slack-request-timestamp"], undefined);

    const form = new URLSearchParams(seen[0]!.body);
    assert.equal(seen[0]!.headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(form.get("command"), "/als");
    assert.equal(form.get("text"), "join Tuesday set");
    assert.equal(form.get("team_id"), "T1");
  });

  test("interactivity is form payload=<json>, events are JSON with retry headers", async () => {
    seen.length = 0;
    await blockAction(target, { userId: "U1", userName: "ann", channelId: "C1", actionId: "rsvp", value: "yes" });
    await eventCallback(
      target,
      { eventId: "Ev1", event: { type: "app_mention", user: "U1", text: "hi", ts: "1.1", channel: "C1" } },
      { retryNum: 2 },
    );
    assert.ok(seen.every((_, i) => boltSaysValid(i)));
    const payload = JSON.parse(new URLSearchParams(seen[0]!.body).get("payload")!) as Record<string, unknown>;
    assert.equal(payload.type, "block_actions");
    assert.equal(seen[1]!.headers["content-type"], "application/json");
    assert.equal(seen[1]!.headers["x-slack-retry-num"], "2");
    assert.equal(seen[1]!.headers["x-slack-retry-reason"], "http_timeout");
    assert.equal((JSON.parse(seen[1]!.body) as { type: string }).type, "event_callback");
  });
});

describe("a real Bolt App (HTTPReceiver) accepts the helpers' requests and talks to FakeSlack", () => {
  let fake: FakeSlack;
  let app: App;
  let target: SlackTarget;
  const seen: { kind: string; body: unknown; retryNum?: number }[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    app = new App({
      token: TOKEN,
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: RAPID },
    });
    app.command("/als", async ({ command, ack, respond }) => {
      seen.push({ kind: "command", body: command });
      await ack();
      await respond({ text: `you said ${command.text}` });
    });
    app.action("rsvp", async ({ body, ack, client, action }) => {
      await ack();
      seen.push({ kind: "action", body });
      const value = action.type === "button" ? action.value : "";
      await client.chat.postMessage({ channel: body.user.id, text: `rsvp ${value}` });
    });
    app.view("plan", async ({ view, ack }) => {
      seen.push({ kind: "view", body: view });
      const topic = view.state.values.topic?.topic_input?.value ?? "";
      if (topic.trim() === "") await ack({ response_action: "errors", errors: { topic: "Please give a topic" } });
      else await ack();
    });
    app.event("app_mention", async ({ event, context }) => {
      seen.push({ kind: "event", body: event, retryNum: context.retryNum });
    });
    const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
    target = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret: SECRET };
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  test("slash command: acked 200, respond() posts to the fake's response_url", async () => {
    const responseUrl = fake.responseUrl();
    const res = await slashCommand(target, { text: "hello", userId: "U1", userName: "ann", channelId: "C1", responseUrl });
    assert.equal(res.status, 200);
    const [posted] = await fake.waitFor("response_url");
    assert.equal(posted?.url, responseUrl);
    assert.equal(posted?.args.text, "you said hello");
    const cmd = seen.find((s) => s.kind === "command")?.body as Record<string, unknown>;
    assert.equal(cmd.user_id, "U1");
    assert.equal(cmd.team_id, "T1");
  });

  test("a forged signature is refused with 401", async () => {
    const res = await slashCommand(target, { text: "x", userId: "U1", userName: "ann", channelId: "C1" }, { forgeSignature: true });
    assert.equal(res.status, 401);
  });

  test("block action: routed by action_id, the handler's Web API call reaches the fake", async () => {
    const res = await blockAction(target, { userId: "U2", userName: "bo", channelId: "C1", actionId: "rsvp", value: "yes" });
    assert.equal(res.status, 200);
    const [msg] = await fake.waitFor("chat.postMessage");
    assert.equal(msg?.args.channel, "U2");
    assert.equal(msg?.args.text, "rsvp yes");
    assert.equal(msg?.token, TOKEN);
  });

  test("view submission: response_action errors come back in the HTTP body", async () => {
    const values = { topic: { topic_input: { type: "plain_text_input", value: " " } } };
    const bad = await viewSubmission(target, { userId: "U1", userName: "ann", callbackId: "plan", privateMetadata: '{"set":1}', values });
    assert.equal(bad.status, 200);
    assert.deepEqual(bad.json, { response_action: "errors", errors: { topic: "Please give a topic" } });
    values.topic.topic_input.value = "Delegation";
    const good = await viewSubmission(target, { userId: "U1", userName: "ann", callbackId: "plan", privateMetadata: '{"set":1}', values });
    assert.equal(good.status, 200);
    assert.equal(good.body, "");
    const view = seen.filter((s) => s.kind === "view").at(-1)?.body as { private_metadata: string };
    assert.equal(view.private_metadata, '{"set":1}');
  });

  test("event callback: delivered with Bolt's retryNum from the headers", async () => {
    const event = {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> hi",
      ts: "1700000000.000900",
      channel: "C1",
      event_ts: "1700000000.000900",
    };
    const res = await eventCallback(target, { eventId: "Ev9", event }, { retryNum: 1, retryReason: "http_timeout" });
    assert.equal(res.status, 200); // Bolt acks events before the listener runs, so poll for it
    for (let i = 0; i < 100 && !seen.some((s) => s.kind === "event"); i++) await new Promise((r) => setTimeout(r, 10));
    const got = seen.find((s) => s.kind === "event");
    assert.equal(got?.retryNum, 1);
    assert.deepEqual(got?.body, event);
  });
});
