import assert from "node:assert/strict";
import { LogLevel } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, test } from "vitest";
import { sendToSlack } from "../../src/adapters/slack/deliver.ts";
import type { Destination } from "../../src/app/destination.ts";
import { FakeSlack } from "../support/fake-slack.ts";

// A refused Web API call as the real WebClient throws it: sendToSlack reads Slack's error code from `data.error`
// (web-api 8's WebAPIPlatformError, as 7's), to tell a stale DM channel from any other refusal.
const TOKEN = "xoxb-deliver";
const TO_ANA: Destination = {
  platform: "slack",
  workspaceId: "T1",
  channelId: "C1",
  to: { kind: "dm", externalId: "UANA", displayName: "ana", timeZone: "Europe/London" },
};
const REPLY = { text: "Meeting 3 is tomorrow" };

let fake: FakeSlack;
let web: WebClient;
beforeEach(async () => {
  fake = await FakeSlack.start();
  web = new WebClient(undefined, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
});
afterEach(async () => {
  await fake.close();
});

test("a cached DM channel Slack no longer knows is opened again, saved, and the reminder posted there", async () => {
  const saved: string[] = [];
  fake.failNext("chat.postMessage", "channel_not_found");
  const ts = await sendToSlack({ client: web, token: TOKEN }, TO_ANA, REPLY, {
    dm: { id: "DSTALE", save: async (id) => void saved.push(id) },
  });
  assert.ok(ts);
  assert.deepEqual(saved, ["DUANA"]);
  const posts = fake.callsTo("chat.postMessage").map((c) => c.args.channel);
  assert.deepEqual(posts, ["DSTALE", "DUANA"]);
  assert.equal(fake.callsTo("conversations.open").length, 1);
});

test("any other refusal is thrown as it came, with Slack's code, and opens nothing", async () => {
  fake.failNext("chat.postMessage", "not_in_channel");
  const failure = await sendToSlack({ client: web, token: TOKEN }, TO_ANA, REPLY, { dm: { id: "DKNOWN", save: async () => {} } }).then(
    () => assert.fail("sent"),
    (error: unknown) => error as { code?: string; data?: { error?: string } },
  );
  assert.equal(failure.code, "slack_webapi_platform_error");
  assert.equal(failure.data?.error, "not_in_channel");
  assert.equal(fake.callsTo("conversations.open").length, 0);
});
