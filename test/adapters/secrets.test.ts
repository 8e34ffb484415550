import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { test } from "vitest";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { slashCommand } from "../support/slack-requests.ts";

const TOKEN = "xoxb-0000-very-secret-token";
const SECRET = "signing-secret-never-logged";

test("tokens and secrets never appear in logs, even when Slack calls fail", async () => {
  const logged: string[] = [];
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      logged.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: "trace" }, stream);
  const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
  for (const k of Object.keys(original) as (keyof typeof original)[])
    console[k] = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  const fake = await FakeSlack.start();
  const dir = mkdtempSync(join(tmpdir(), "als-secrets-"));
  const db = await openDatabase(`file:${join(dir, "als.db")}`);
  const adapter = createSlackAdapter(
    { db, clock: new ManualClock(new Date("2027-01-04T09:00:00Z")), logger, defaultTimeZone: "Europe/London" },
    handlers,
    { botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.url },
  );
  try {
    await adapter.start();
    const port = adapter.port();
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET };
    fake.failNext("chat.postMessage", "channel_not_found");
    await slashCommand(target, { text: 'set create name:"Leaky"', userId: "U0SAM", userName: "sam", channelId: "C0X" });
    await slashCommand(target, { text: "set info", userId: "U0SAM", userName: "sam", channelId: "C0X" }, { forgeSignature: true });
    await fake.waitFor("chat.postMessage", 1);
    await new Promise((r) => setTimeout(r, 300));
    await adapter.deliver(
      { platform: "slack", workspaceId: "T1", channelId: "C0X", to: { kind: "channel" }, reply: { text: "hello" } },
      "test-key",
    );
    await runTick({ db, logger }, { deliver: async () => Promise.reject(new Error("platform down")) }, new Date("2027-01-05T09:00:00Z"));
    assert.throws(
      () => loadConfig({ SLACK_BOT_TOKEN: TOKEN } as NodeJS.ProcessEnv),
      (e: Error) => !e.message.includes(TOKEN) && /SLACK_SIGNING_SECRET/.test(e.message),
    );
  } finally {
    Object.assign(console, original);
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
  const all = logged.join("\n");
  assert.ok(all.length > 0, "something was logged: the test would see a leak");
  assert.ok(!all.includes(TOKEN), "the bot token was logged");
  assert.ok(!all.includes(SECRET), "the signing secret was logged");
});
