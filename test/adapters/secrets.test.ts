import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { test } from "vitest";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import type { Delivery } from "../../src/app/destination.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { insertOutbox } from "../../src/store/outbox.ts";
import { CallLog } from "../support/fake-http.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { slashCommand } from "../support/slack-requests.ts";

const TOKEN = "xoxb-0000-very-secret-token";
const SECRET = "signing-secret-never-logged";

test("tokens and secrets never appear in logs, even when Slack calls fail", async () => {
  const logged = new CallLog<string>("logs", (l) => l);
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      logged.record(String(chunk));
      done();
    },
  });
  const logger = pino({ level: "trace" }, stream);
  const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
  for (const k of Object.keys(original) as (keyof typeof original)[])
    console[k] = (...args: unknown[]) => void logged.record(args.map(String).join(" "));
  const fake = await FakeSlack.start();
  const dir = mkdtempSync(join(tmpdir(), "als-secrets-"));
  const db = await openDatabase(`file:${join(dir, "als.db")}`);
  const adapter = createSlackAdapter(
    { db, clock: new ManualClock(new Date("2027-01-04T09:00:00Z")), logger, defaultTimeZone: "Europe/London" },
    handlers,
    { botToken: TOKEN, signingSecret: SECRET, apiUrl: fake.url },
  );
  const logLine = (pattern: RegExp) => logged.waitFor(String(pattern), (l) => pattern.test(l), 1, 5000);
  try {
    await adapter.start();
    const target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SECRET };
    // The set is created; announcing it fails at Slack, and the listener's error is logged.
    fake.failNext("chat.postMessage", "channel_not_found");
    await slashCommand(target, { text: 'set create name:"Leaky"', userId: "U0SAM", userName: "sam", channelId: "C0X" });
    await slashCommand(target, { text: "set info", userId: "U0SAM", userName: "sam", channelId: "C0X" }, { forgeSignature: true });
    await fake.waitFor("chat.postMessage", 1);
    const [failure] = await logLine(/slack listener failed/);
    assert.match(failure!, /channel_not_found/);

    const delivery: Delivery = {
      platform: "slack",
      workspaceId: "T1",
      channelId: "C0X",
      to: { kind: "channel" },
      reply: { text: "hello" },
    };
    assert.match(String(await adapter.deliver(delivery, "test-key")), /^\d+\.\d+$/);

    // A reminder due now, whose send Slack refuses: the tick's failed-send path runs and logs it.
    const set = await db.learningSet.findFirstOrThrow();
    const now = new Date("2027-01-05T09:00:00Z");
    const row = {
      id: randomUUID(),
      key: "meeting-post:secrets-test",
      kind: "meeting-post",
      setId: set.id,
      personId: null,
      payload: JSON.stringify({ ...delivery, reply: { text: "Meeting 1 is tomorrow." } }),
      sendAt: new Date(now.getTime() - 60_000),
      staleAt: new Date(now.getTime() + 3_600_000),
      status: "pending" as const,
      reason: null,
    };
    assert.deepEqual(await insertOutbox(db, [row], now), [row.key]);
    fake.failNext("chat.postMessage", "not_in_channel");
    const report = await runTick({ db, logger }, adapter, now);
    assert.deepEqual({ sent: report.sent, failed: report.failed }, { sent: 0, failed: 0 }, "not sent, and not yet failed for good");
    const tried = await db.outbox.findUniqueOrThrow({ where: { id: row.id } });
    assert.deepEqual({ status: tried.status, attempts: tried.attempts }, { status: "pending", attempts: 1 });
    assert.match(tried.lastError ?? "", /not_in_channel/);
    assert.ok(tried.nextAttemptAt && tried.nextAttemptAt > now, "a retry is scheduled");
    const [warning] = await logLine(/reminder not delivered; will retry/);
    assert.match(warning!, /not_in_channel/);

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
  const all = logged.calls.join("\n");
  assert.ok(all.length > 0, "something was logged: the test would see a leak");
  assert.ok(!all.includes(TOKEN), "the bot token was logged");
  assert.ok(!all.includes(SECRET), "the signing secret was logged");
});
