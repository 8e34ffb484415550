/**
 * footprint (items 4 and 7): the bot as `npm start` runs it (node --import tsx src/main.ts), with the Slack and
 * Discord adapters connected to the local fakes, holding 0, 10,000 and 100,000 pending reminders in its outbox;
 * against the common alternative, one node-cron job or setTimeout per reminder (cron-per-reminder.ts) holding
 * the same counts. For each: start-up time (spawn to ready: /readyz 200 for the bot, all scheduled for the
 * alternative), idle RSS, and idle CPU a second over a window. Then what each does with reminders that fell due
 * while it was down.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { FakeDiscord } from "../../test/support/fake-discord.ts";
import { FakeSlack } from "../../test/support/fake-slack.ts";
import { freePort, get, metricSum, parseMetrics } from "../../test/support/http-probe.ts";
import { startBot } from "../../test/support/start-bot.ts";
import { cpuSeconds, rssMb, startChild } from "./children.ts";
import { freshDatabase } from "./databases.ts";
import { outboxByStatus, SLACK, seedOutbox, seedSets } from "./seed-sets.ts";
import { type BenchContext, type Benchmark, type Figures, fmt, over, repeat, show } from "./types.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const APPLICATION = "1234567890123456789";

type Sample = { startMs: number; rss: number; cpu: number; heap?: number; heapTotal?: number; external?: number };

/** RSS now, and CPU seconds a second over `windowS` of idling, of process `pid`. */
async function idle(pid: number, windowS: number): Promise<{ rss: number; cpu: number }> {
  await sleep(1000); // settle after start-up
  const c0 = cpuSeconds(pid);
  await sleep(windowS * 1000);
  return { rss: rssMb(pid), cpu: (cpuSeconds(pid) - c0) / windowS };
}

/** Pending reminders spread over the next 20 days (setTimeout's longest delay is 24.8 days). */
const spacing = (count: number) => Math.floor((20 * DAY) / Math.max(count, 1));

async function alternative(mode: string, count: number, windowS: number): Promise<Sample & { scheduleMs: number }> {
  const t0 = Date.now();
  const child = startChild("scripts/bench/cron-per-reminder.ts", { MODE: mode, COUNT: String(count), SPACING_MS: String(spacing(count)) });
  try {
    const scheduleMs = Number((await child.line((l) => l.startsWith("scheduled "))).split(" ")[1]);
    const startMs = Date.now() - t0;
    return { startMs, scheduleMs, ...(await idle(child.proc.pid!, windowS)) };
  } finally {
    await child.stop("SIGKILL");
  }
}

/** The bot with both adapters on the fakes and `count` pending reminders; `prepare` may add rows first. */
async function ours(ctx: BenchContext, count: number, windowS: number): Promise<Sample> {
  const database = await freshDatabase("sqlite", ctx);
  const now = new Date();
  await seedSets(database.url, 100, new Date(now.getTime() - 30 * DAY), { platform: SLACK, lastTick: now });
  if (count) await seedOutbox(database.url, count, { first: new Date(now.getTime() + HOUR), everyMs: spacing(count), platform: SLACK });
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  const port = await freePort();
  const t0 = Date.now();
  const bot = startBot({
    DATABASE_URL: database.url,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench-secret",
    SLACK_API_URL: slack.url,
    DISCORD_TOKEN: "bench-token",
    DISCORD_APPLICATION_ID: APPLICATION,
    DISCORD_API_URL: discord.apiUrl,
    PORT: String(port),
  });
  try {
    for (;;) {
      const r = await get(`http://127.0.0.1:${port}/readyz`).catch(() => ({ status: 0 }));
      if (r.status === 200) break;
      if (bot.child.exitCode !== null) throw new Error(`the bot exited: ${bot.stderr()}`);
      if (Date.now() - t0 > 60_000) throw new Error(`not ready after 60 s: ${bot.stderr()}`);
      await sleep(20);
    }
    const startMs = Date.now() - t0;
    const sample = await idle(bot.child.pid!, windowS);
    // Where the memory is: the JavaScript heap in use and memory outside it (buffers, native addons), as /metrics reports.
    const metrics = parseMetrics((await get(`http://127.0.0.1:${port}/metrics`)).body);
    const mb = (name: string) => metricSum(metrics, name) / 2 ** 20;
    return {
      startMs,
      ...sample,
      heap: mb("nodejs_heap_size_used_bytes"),
      heapTotal: mb("nodejs_heap_size_total_bytes"),
      external: mb("nodejs_external_memory_bytes"),
    };
  } finally {
    await bot.stop();
    await discord.close();
    await slack.close();
    await database.drop();
  }
}

/** Our bot started after 100 reminders fell due 5 minutes ago (still fresh) and 100 fell due 2 hours ago (stale after 1 h). */
async function oursAfterDowntime(ctx: BenchContext): Promise<{ sent: number; skipped: number; pending: number }> {
  const database = await freshDatabase("sqlite", ctx);
  const now = new Date();
  await seedSets(database.url, 20, new Date(now.getTime() - 30 * DAY), { platform: SLACK, lastTick: new Date(now.getTime() - 3 * HOUR) });
  const to = (j: number): [number, number] => [j % 20, 1 + (j % 5)];
  await seedOutbox(database.url, 100, { first: new Date(now.getTime() - 5 * 60_000), everyMs: 0, platform: SLACK, to });
  await seedOutbox(database.url, 100, { first: new Date(now.getTime() - 2 * HOUR), everyMs: 0, platform: SLACK, to, from: 100 });
  const slack = await FakeSlack.start();
  const bot = startBot({
    DATABASE_URL: database.url,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: "bench-secret",
    SLACK_API_URL: slack.url,
    PORT: String(await freePort()),
    SCHEDULER_CRON: "* * * * * *", // every second, so the first tick comes at once
  });
  try {
    const t0 = Date.now();
    while (Date.now() - t0 < 30_000) {
      const statuses = await outboxByStatus(database.url).catch(() => ({}) as Record<string, number>);
      if ((statuses.sent ?? 0) + (statuses.skipped ?? 0) >= 200) break;
      await sleep(200);
    }
    const texts = slack.callsTo("chat.postMessage").map((c) => /Bench reminder (\d+)/.exec(String(c.args.text))?.[1]);
    const statuses = await outboxByStatus(database.url);
    const fresh = new Set(texts.filter((t) => t !== undefined && Number(t) < 100));
    if (texts.some((t) => t !== undefined && Number(t) >= 100)) throw new Error("a stale reminder was sent");
    return { sent: fresh.size, skipped: statuses.skipped ?? 0, pending: (statuses.pending ?? 0) + (statuses.sending ?? 0) };
  } finally {
    await bot.stop();
    await slack.close();
    await database.drop();
  }
}

export const footprint: Benchmark = {
  name: "footprint",
  description:
    "npm start with Slack and Discord on the fakes holding 0/10k/100k reminders, vs one node-cron job or setTimeout per reminder",
  async run(out, ctx) {
    const runs = ctx.small ? 2 : 3;
    const windowS = ctx.small ? 2 : 10;
    const counts = ctx.small ? [1_000] : [10_000, 100_000];
    const result: Figures = { idleWindowSeconds: windowS };
    const figures = (samples: Sample[]) => ({
      startup: over(samples, "ms", (s) => s.startMs),
      idleRss: over(samples, "MB", (s) => s.rss),
      idleCpu: over(samples, "% of a core", (s) => 100 * s.cpu),
    });
    const print = (label: string, f: ReturnType<typeof figures>) => {
      out.field(`${label}: start-up to ready`, show(f.startup));
      out.field(`${label}: idle RSS`, show(f.idleRss));
      out.field(`${label}: idle CPU`, show(f.idleCpu));
    };
    for (const count of [0, ...counts]) {
      out.note(`our bot, ${fmt(count)} pending reminders, ${runs} runs`);
      const samples = await repeat(runs, () => ours(ctx, count, windowS));
      const f = {
        ...figures(samples),
        heapUsed: over(samples, "MB", (s) => s.heap ?? 0),
        heapTotal: over(samples, "MB", (s) => s.heapTotal ?? 0),
        external: over(samples, "MB", (s) => s.external ?? 0),
      };
      result[`ours${count}`] = f;
      print(`ours, ${fmt(count)} pending`, f);
      out.field(
        `ours, ${fmt(count)} pending: JS heap used / reserved / external`,
        `${show(f.heapUsed)} / ${show(f.heapTotal)} / ${show(f.external)}`,
      );
    }
    out.note(`node with tsx and nothing scheduled (the floor of every process here), ${runs} runs`);
    const floor = figures(await repeat(runs, () => alternative("setTimeout", 0, windowS)));
    result.nodeTsxFloor = floor;
    print("node + tsx, nothing loaded", floor);
    for (const mode of ["node-cron", "setTimeout"])
      for (const count of counts) {
        out.note(`${mode}, ${fmt(count)} pending, ${runs} runs`);
        const samples = await repeat(runs, () => alternative(mode, count, windowS));
        const f = { ...figures(samples), scheduling: over(samples, "ms", (s) => s.scheduleMs) };
        result[`${mode}${count}`] = f;
        print(`${mode}, ${fmt(count)} pending`, f);
        out.field(`${mode}, ${fmt(count)} pending: scheduling alone`, show(f.scheduling));
      }

    out.note("reminders that fell due while the process was down (100 of them, 5 minutes ago)");
    const theirs: Figures = {};
    for (const mode of ["node-cron", "setTimeout"]) {
      const child = startChild("scripts/bench/cron-per-reminder.ts", { MODE: mode, COUNT: "0", PAST: "100" });
      try {
        theirs[mode] = Number((await child.line((l) => l.startsWith("fired "))).split(" ")[1]);
      } finally {
        await child.stop("SIGKILL");
      }
      const what =
        mode === "node-cron"
          ? "lost: a cron expression for a moment passed next matches a year later"
          : "fired at once however late: no notion of stale";
      out.field(`${mode}: of 100 re-scheduled after their moment`, `${theirs[mode]} fired (${what})`);
    }
    const down = await oursAfterDowntime(ctx);
    out.field(
      "ours: 100 due 5 min ago, 100 due 2 h ago",
      `${down.sent} sent at start-up; ${down.skipped} recorded skipped as stale; ${down.pending} left`,
    );
    result.downtime = { ...theirs, oursSent: down.sent, oursSkippedStale: down.skipped, oursLeft: down.pending };
    return result;
  },
};
