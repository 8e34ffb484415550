import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, test } from "vitest";
import { createDiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { appVersion } from "../../src/ops/startup-line.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { FakeDiscord } from "../support/fake-discord.ts";
import { FakeSlack } from "../support/fake-slack.ts";
import { FakeSlackSocket } from "../support/fake-slack-socket.ts";
import { eventually, freePort, get, metricSum, parseMetrics, type Sample, waitFor } from "../support/http-probe.ts";
import { slashCommand } from "../support/slack-requests.ts";
import { type StartedBot, startBot } from "../support/start-bot.ts";

// `npm start` as a real process in each mode, probed over HTTP: /healthz, /readyz (503 with a JSON body
// naming what is not ready) and /metrics, whose values follow the commands sent.

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const GUILD = "1111111111111111111";
const CHANNEL = "2222222222222222222";
const APPLICATION = "1234567890123456789";

type Readiness = { status: string; checks: Record<string, { ok: boolean; problems?: string[] }> };
const readiness = (body: string) => JSON.parse(body) as Readiness;

async function scrape(base: string): Promise<Sample[]> {
  const r = await get(`${base}/metrics`);
  assert.equal(r.status, 200);
  assert.match(r.contentType, /^text\/plain; version=0\.0\.4/);
  return parseMetrics(r.body);
}

/** What every mode serves: a live process, the default process metrics with event-loop lag, and the als_* series. */
async function assertBasics(base: string): Promise<Sample[]> {
  assert.deepEqual(JSON.parse((await get(`${base}/healthz`)).body), { status: "alive" });
  const samples = await scrape(base);
  for (const name of [
    "nodejs_eventloop_lag_seconds",
    "process_resident_memory_bytes",
    "als_outbox_pending",
    "als_outbox_oldest_pending_seconds",
  ])
    assert.ok(
      samples.some((s) => s.name === name),
      `${name} is served`,
    );
  assert.ok(samples.some((s) => s.name === "als_tick_duration_seconds_count"));
  return samples;
}

async function stopped(bot: StartedBot): Promise<void> {
  const code = await bot.stop();
  assert.equal(code, 0, bot.stderr());
}

describe("Slack over HTTP: the endpoints are served on PORT through Bolt's customRoutes", () => {
  test("ready once auth.test passes; commands counted by outcome; rate-limit waits counted", async () => {
    const fake = await FakeSlack.start();
    // The auth.test at start and the first readiness check's retry fail; the process stays up, not ready.
    for (let i = 0; i < 2; i++) fake.failNext("auth.test", "invalid_auth");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const bot = startBot({ SLACK_BOT_TOKEN: "xoxb-main", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.url, PORT: String(port) });
    try {
      const first = await waitFor(`${base}/readyz`, (r) => r.status !== 0);
      assert.equal(first.status, 503, first.body);
      const report = readiness(first.body);
      assert.equal(report.status, "not ready");
      assert.deepEqual(report.checks.database, { ok: true });
      assert.match(report.checks.slack?.problems?.[0] ?? "", /auth\.test failed: .*invalid_auth/);
      // The token works again: the next check tries auth.test once more and passes.
      const ready = await waitFor(`${base}/readyz`, (r) => r.status === 200);
      assert.deepEqual(readiness(ready.body), { status: "ready", checks: { database: { ok: true }, slack: { ok: true } } });

      const target = { url: `${base}/slack/events`, signingSecret: SECRET };
      const say = async (text: string) => {
        const before = fake.callsTo("chat.postEphemeral").length;
        assert.equal((await slashCommand(target, { text, userId: "U0A", userName: "ana", channelId: "C0A" })).status, 200);
        await fake.waitFor("chat.postEphemeral", before + 1);
      };
      fake.rateLimitNext("chat.postEphemeral", 1);
      await say("help");
      await say("help");
      await say("meeting next"); // no set in this channel yet: refused by its rules
      await say("set create"); // the name is missing
      await say("frobnicate");
      const samples = await assertBasics(base);
      const commands = (outcome: string, command?: string) =>
        metricSum(samples, "als_commands_total", { platform: "slack", outcome, ...(command ? { command } : {}) });
      assert.equal(commands("ok", "help"), 2);
      assert.equal(commands("refused", "meeting next"), 1);
      assert.equal(commands("invalid", "set create"), 1);
      assert.equal(commands("invalid", "unknown"), 1);
      assert.equal(metricSum(samples, "als_command_duration_seconds_count", { platform: "slack" }), 5);
      assert.equal(metricSum(samples, "als_platform_rate_limited_total", { platform: "slack" }), 1);
    } finally {
      await stopped(bot);
      await fake.close();
    }
  });
});

describe("Slack in Socket Mode: the endpoints are served on PORT by Bolt's Socket Mode receiver", () => {
  test("not ready until the socket is connected; then ready, and commands over the socket are counted", async () => {
    const fake = await FakeSlack.start();
    const socket = await FakeSlackSocket.start();
    fake.socketModeUrl = socket.url;
    socket.accepting = false; // Slack's socket servers cannot be reached yet
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const bot = startBot({
      SLACK_BOT_TOKEN: "xoxb-main",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: "xapp-1-A1-socket",
      SLACK_API_URL: fake.url,
      PORT: String(port),
    });
    try {
      const first = await waitFor(`${base}/readyz`, (r) => r.status !== 0);
      assert.equal(first.status, 503, first.body);
      assert.match(readiness(first.body).checks.slack?.problems?.[0] ?? "", /^Socket Mode: not connected/);
      assert.equal(fake.callsTo("apps.connections.open")[0]?.token, "xapp-1-A1-socket");

      socket.accepting = true; // the client's next try (its back-off: 5 s, then 10 s) connects
      await socket.connected(30_000);
      await waitFor(`${base}/readyz`, (r) => r.status === 200, 10_000);
      await socket.slashCommand({ text: "help", userId: "U0A", userName: "ana", channelId: "C0A" });
      await fake.waitFor("chat.postEphemeral", 1);
      const samples = await assertBasics(base);
      assert.equal(metricSum(samples, "als_commands_total", { platform: "slack", command: "help", outcome: "ok" }), 1);
    } finally {
      await stopped(bot);
      await socket.close();
      await fake.close();
    }
  });
});

describe("Discord only: the endpoints are served on HEALTH_PORT (default PORT)", () => {
  test("not ready while the gateway withholds READY, naming the shard; then ready, with commands and shards in the metrics", {
    timeout: 120_000,
  }, async () => {
    const fake = await FakeDiscord.start();
    fake.withholdReady = true;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const bot = startBot({
      DISCORD_TOKEN: "main-token",
      DISCORD_APPLICATION_ID: APPLICATION,
      DISCORD_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    try {
      const notYet = await waitFor(`${base}/readyz`, (r) => r.status === 503 && /READY/.test(r.body));
      const report = readiness(notYet.body);
      assert.equal(report.status, "not ready");
      assert.deepEqual(report.checks.database, { ok: true });
      assert.deepEqual(report.checks.discord?.problems, ["shard 0: connected, waiting for READY and its servers (status Identifying)"]);
      assert.equal(metricSum(await scrape(base), "als_discord_shard_ready", { shard: "0" }), 0);

      fake.withholdReady = false; // discord.js times out waiting for READY and identifies again
      await fake.ready(40_000);
      const ready = await waitFor(`${base}/readyz`, (r) => r.status === 200, 10_000);
      assert.deepEqual(readiness(ready.body).checks, { database: { ok: true }, discord: { ok: true } });

      fake.rateLimitNext("POST", /^\/interactions\//, 1);
      const { token } = await fake.sendInteraction(
        fake.commandInteraction({ name: "help", userId: "3000000000000000002", userName: "ana", channelId: CHANNEL, guildId: GUILD }),
      );
      await fake.answerTo(token, 10_000);
      const samples = await assertBasics(base);
      assert.equal(metricSum(samples, "als_commands_total", { platform: "discord", command: "help", outcome: "ok" }), 1);
      assert.equal(metricSum(samples, "als_discord_shard_ready", { shard: "0" }), 1);
      assert.equal(metricSum(samples, "als_platform_rate_limited_total", { platform: "discord" }), 1);
    } finally {
      await stopped(bot);
      await fake.close();
    }
  });

  test("HEALTH_PORT moves them off PORT; at the default log level the one start-up line names version, database, adapters, shards and cron", {
    timeout: 120_000,
  }, async () => {
    const fake = await FakeDiscord.start();
    const [port, healthPort] = [await freePort(), await freePort()];
    const bot = startBot({
      DISCORD_TOKEN: "main-token",
      DISCORD_APPLICATION_ID: APPLICATION,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARDS: "2",
      PORT: String(port),
      HEALTH_PORT: String(healthPort),
      LOG_LEVEL: "warn",
    });
    try {
      const ready = await waitFor(`http://127.0.0.1:${healthPort}/readyz`, (r) => r.status === 200, 30_000);
      assert.deepEqual(readiness(ready.body).checks, { database: { ok: true }, discord: { ok: true } });
      assert.equal((await get(`http://127.0.0.1:${port}/healthz`)).status, 0, "nothing listens on PORT");
      const samples = await scrape(`http://127.0.0.1:${healthPort}`);
      assert.deepEqual(
        samples.filter((s) => s.name === "als_discord_shard_ready").map((s) => [s.labels.shard, s.value]),
        [
          ["0", 1],
          ["1", 1],
        ],
      );
      await eventually(() => /started/.test(bot.stderr()), "the start-up line");
      const lines = bot.stderr().trim().split("\n");
      assert.equal(lines.length, 1, bot.stderr());
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      assert.equal(
        line.msg,
        `action-learning-companion 0.1.0 started: database sqlite; adapters discord (shards 0,1 of 2); scheduler "* * * * *"; health and metrics on port ${healthPort}; outbox kept 90 days`,
      );
      assert.deepEqual(
        { version: line.version, database: line.database, adapters: line.adapters, schedulerCron: line.schedulerCron },
        { version: appVersion(), database: "sqlite", adapters: ["discord (shards 0,1 of 2)"], schedulerCron: "* * * * *" },
      );
    } finally {
      await stopped(bot);
      await fake.close();
    }
  });
});

test("a Discord shard whose heartbeats go unacknowledged for over a minute is not ready (a gateway that died silently)", async () => {
  const fake = await FakeDiscord.start();
  const dir = mkdtempSync(join(tmpdir(), "als-ops-"));
  const db = await openDatabase(`file:${join(dir, "als.db")}`);
  const clock = new ManualClock(new Date());
  const adapter = createDiscordAdapter({ db, clock, logger: pino({ level: "silent" }), defaultTimeZone: "Europe/London" }, handlers, {
    token: "fake-bot-token",
    apiUrl: fake.apiUrl,
  });
  try {
    await adapter.start();
    assert.deepEqual(await adapter.notReady(), []);
    assert.deepEqual(adapter.shardHealth(), [{ id: 0, ready: true, problem: null }]);
    clock.set(new Date(Date.now() + 61_000)); // a minute passes without READY, RESUMED or an acknowledged heartbeat
    const [problem] = await adapter.notReady();
    assert.match(problem ?? "", /^shard 0: no heartbeat acknowledged for 6\d s$/);
    assert.equal(adapter.shardHealth()[0]?.ready, false);
  } finally {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("the console: endpoints only with HEALTH_PORT", () => {
  test("with HEALTH_PORT: ready on the database alone, and the console's commands are counted", async () => {
    const healthPort = await freePort();
    const base = `http://127.0.0.1:${healthPort}`;
    const bot = startBot({ HEALTH_PORT: String(healthPort), CONSOLE_START: "2027-01-04T09:00:00Z" }, { stdin: true });
    let out = "";
    bot.child.stdout.on("data", (b) => (out += b));
    try {
      bot.child.stdin!.write(`as Sam\n/set create name:"Ops"\n/set add member:@Ana\nas Ana\n/set add member:@Ben\n# end\n`);
      await waitFor(`${base}/readyz`, (r) => r.status === 200);
      await eventually(() => out.includes("> # end"), "the console to run the script");
      const samples = await assertBasics(base);
      const commands = (command: string, outcome: string) =>
        metricSum(samples, "als_commands_total", { platform: "console", command, outcome });
      assert.equal(commands("set create", "ok"), 1);
      assert.equal(commands("set add", "ok"), 1);
      assert.equal(commands("set add", "denied"), 1);
      assert.deepEqual(readiness((await get(`${base}/readyz`)).body).checks, { database: { ok: true } });
      bot.child.stdin!.end();
      await new Promise((resolve) => bot.child.once("exit", resolve));
      assert.equal(bot.child.exitCode, 0, bot.stderr());
      assert.equal((await get(`${base}/healthz`)).status, 0, "closed with the console");
    } finally {
      await bot.stop();
    }
  });

  test("without HEALTH_PORT nothing listens, not even on PORT", async () => {
    const port = await freePort();
    const bot = startBot({ PORT: String(port), LOG_LEVEL: "info" }, { stdin: true });
    try {
      await eventually(() => /started/.test(bot.stderr()), "the start-up line");
      assert.match(bot.stderr(), /health endpoints off/);
      assert.equal((await get(`http://127.0.0.1:${port}/healthz`)).status, 0);
    } finally {
      bot.child.stdin!.end();
      await bot.stop();
    }
  });
});
