/**
 * rate-limited-delivery (item 3): reminders in the outbox delivered by one scheduler tick through the REAL
 * adapters (Bolt's WebClient, discord.js's REST manager) to the local fakes behind a proxy that enforces the
 * platform's limit with 50 ms latency a call (rate-limited-proxy.ts):
 * - Slack: one message a second per channel, after a burst of 3. C people get k reminders each, so each DM channel
 *   has a backlog and the limit binds: at the limit, C messages a second after each channel's burst. The adapter
 *   paces its posts (src/adapters/slack/channel-pace.ts: bursts of 2), so none should be answered 429.
 * - Discord: 50 requests a second, globally. R people get one reminder each (first DMs), then another after a
 *   restart (cached DMs); the requests each reminder took are counted apart for the two.
 * Sustained throughput is read at the fake (accepted calls between the first and the last); every reminder must
 * reach it exactly once.
 */
import { pino } from "pino";
import { deliverByPlatform } from "../../src/adapters/adapter.ts";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { SLACK_CHANNEL_PACE } from "../../src/adapters/slack/channel-pace.ts";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { FakeDiscord } from "../../test/support/fake-discord.ts";
import { FakeSlack } from "../../test/support/fake-slack.ts";
import { freePort } from "../../test/support/http-probe.ts";
import { freshDatabase } from "./databases.ts";
import { discordGlobal, rateLimitedProxy, slackPerChannel } from "./rate-limited-proxy.ts";
import { CONCURRENCY, tick } from "./scheduler.ts";
import { DISCORD, outboxByStatus, type SeedPlatform, SLACK, seedOutbox, seedSets } from "./seed-sets.ts";
import { type BenchContext, type Benchmark, type Figures, fmt, over, repeat, show } from "./types.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");
const LATENCY_MS = 50;
const DISCORD_LIMIT = 50;
/** The span of Discord's global limit: calls of a process that has stopped stop counting after it. */
const DISCORD_WINDOW_MS = 1000;
const MINUTE = 60_000;

/** A database with `people` members (5 a set) on `platform`, nothing due from the sets, and `n` reminders pending for them. */
async function prepare(ctx: BenchContext, platform: SeedPlatform, people: number, n: number) {
  const database = await freshDatabase("sqlite", ctx);
  const at = new Date(NOW.getTime() + 10 * MINUTE); // the sets' own reminders were due at NOW: long planned
  await seedSets(database.url, Math.ceil(people / 5), NOW, { platform, lastTick: new Date(at.getTime() - MINUTE) });
  await seedOutbox(database.url, n, {
    first: new Date(at.getTime() - MINUTE),
    everyMs: 0,
    platform,
    to: (j) => [Math.floor((j % people) / 5), 1 + ((j % people) % 5)],
  });
  return { database, at };
}

const deps = (db: Awaited<ReturnType<typeof openDatabase>>) => ({
  db,
  clock: new ManualClock(NOW),
  logger: pino({ level: "silent" }),
  defaultTimeZone: "Europe/London",
});

/** Which "Bench reminder j" a posted message carries (wherever the adapter put the text). */
const reminderIn = (body: unknown) => /Bench reminder \d+/.exec(JSON.stringify(body))?.[0] ?? "none";

/** Reminders the fake accepted more than once, and those it never saw, among "Bench reminder from…from+n−1". */
function tally(texts: string[], n: number, from = 0) {
  const expected = Array.from({ length: n }, (_, j) => `Bench reminder ${from + j}`);
  const seen = new Map<string, number>();
  for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  const lost = expected.filter((t) => !seen.has(t)).length;
  const doubled = expected.filter((t) => (seen.get(t) ?? 0) > 1).length;
  return { lost, doubled };
}

async function slackRun(ctx: BenchContext, channels: number, each: number) {
  const n = channels * each;
  const { database, at } = await prepare(ctx, SLACK, channels, n);
  const fake = await FakeSlack.start();
  const proxy = await rateLimitedProxy(new URL(fake.url).origin, LATENCY_MS, slackPerChannel());
  const db = await openDatabase(database.url);
  const adapter = createSlackAdapter(deps(db), handlers, {
    botToken: "xoxb-bench",
    signingSecret: "bench",
    apiUrl: `${proxy.origin}/api/`,
    port: await freePort(),
  });
  try {
    await adapter.start();
    const t0 = Date.now();
    const report = await tick(db, deliverByPlatform([adapter]), at);
    const wallS = (Date.now() - t0) / 1000;
    const posts = proxy.accepted.filter((c) => c.path.endsWith("/chat.postMessage"));
    const texts = fake
      .callsTo("chat.postMessage")
      .filter((c) => c.status === 200)
      .map((c) => reminderIn(c.args));
    const span = (posts.at(-1)!.at - posts[0]!.at) / 1000;
    const outbox = await outboxByStatus(database.url);
    return {
      sent: report.sent,
      outboxSent: outbox.sent ?? 0,
      ...tally(texts, n),
      // After each channel's burst (the bot's own, SLACK_CHANNEL_PACE), the limit allows `channels` a second.
      sustained: (posts.length - channels * SLACK_CHANNEL_PACE.burst) / span,
      limit: channels,
      wallS,
      calls: proxy.accepted.length,
      rateLimited: proxy.limited,
    };
  } finally {
    await adapter.stop();
    await db.$disconnect();
    await proxy.close();
    await fake.close();
    await database.drop();
  }
}

/** One tick's Discord figures: the calls it made from `before` on, and the reminders `from`…`from + n − 1` it posted. */
async function discordTick(
  db: Awaited<ReturnType<typeof openDatabase>>,
  adapter: DiscordAdapter,
  at: Date,
  seen: Seen,
  from: number,
  n: number,
) {
  const before = seen.proxy.accepted.length;
  const limitedBefore = seen.proxy.limited;
  const t0 = Date.now();
  const report = await tick(db, deliverByPlatform([adapter]), at);
  const wallS = (Date.now() - t0) / 1000;
  const calls = seen.proxy.accepted.slice(before);
  const messages = calls.filter((c) => /\/channels\/[^/]+\/messages$/.test(c.path));
  const texts = seen.fake
    .callsTo("POST", /^\/channels\/[^/]+\/messages$/)
    .filter((c) => c.status === 200)
    .map((c) => reminderIn(c.body));
  return {
    sent: report.sent,
    ...tally(texts, n, from),
    requestRate: (calls.length - 1) / ((calls.at(-1)!.at - calls[0]!.at) / 1000),
    reminderRate: (messages.length - 1) / ((messages.at(-1)!.at - messages[0]!.at) / 1000),
    requestsPerReminder: calls.length / n,
    rateLimited: seen.proxy.limited - limitedBefore,
    wallS,
  };
}

type Seen = { proxy: Awaited<ReturnType<typeof rateLimitedProxy>>; fake: FakeDiscord };

/**
 * A tick of first DMs to `n` people (each opens its DM channel, on the one route all DM openings share), then,
 * after a restart (discord.js holding no channel), a tick of a second reminder to each: their DM channels are
 * cached on the people (Person.dmChannelId), as the idle ticks before a busy minute leave them. The second tick
 * starts once the first's calls are out of the proxy's window, as after a real restart: the restarted client's
 * own count of the global limit starts at nothing, and calls of the stopped one still counted would be 429s.
 */
async function discordRun(ctx: BenchContext, n: number) {
  const { database, at } = await prepare(ctx, DISCORD, n, n);
  const fake = await FakeDiscord.start();
  const proxy = await rateLimitedProxy(new URL(fake.apiUrl).origin, LATENCY_MS, discordGlobal(DISCORD_LIMIT));
  const db = await openDatabase(database.url);
  const options = { token: "bench-token", apiUrl: `${proxy.origin}/api` };
  let adapter = createDiscordAdapter(deps(db), handlers, options);
  try {
    await adapter.start();
    const first = await discordTick(db, adapter, at, { proxy, fake }, 0, n);
    await adapter.stop();
    adapter = createDiscordAdapter(deps(db), handlers, options);
    await adapter.start();
    await seedOutbox(database.url, n, {
      from: n,
      first: new Date(at.getTime() - MINUTE),
      everyMs: 0,
      platform: DISCORD,
      to: (j) => [Math.floor((j % n) / 5), 1 + ((j % n) % 5)],
    });
    await new Promise((r) => setTimeout(r, Math.max(0, proxy.accepted.at(-1)!.at + DISCORD_WINDOW_MS - Date.now())));
    const cached = await discordTick(db, adapter, at, { proxy, fake }, n, n);
    const outbox = await outboxByStatus(database.url);
    return { first, cached, outboxSent: outbox.sent ?? 0 };
  } finally {
    await adapter.stop();
    await db.$disconnect();
    await proxy.close();
    await fake.close();
    await database.drop();
  }
}

export const rateLimitedDelivery: Benchmark = {
  name: "rate-limited-delivery",
  description: `one tick delivering through the real adapters to local fakes that enforce the platforms' limits, ${LATENCY_MS} ms a call`,
  async run(out, ctx) {
    const runs = ctx.small ? 2 : 3;
    const [channels, each] = ctx.small ? [10, 3] : [50, 10];
    const discordN = ctx.small ? 60 : 500;
    const result: Figures = { deliveryConcurrency: CONCURRENCY };

    out.note(`Slack: ${channels} DM channels × ${each} reminders, ${runs} runs`);
    const slack = await repeat(runs, () => slackRun(ctx, channels, each));
    const s = {
      reminders: channels * each,
      limit: channels,
      sustained: over(slack, "messages/s", (r) => r.sustained),
      ofLimit: over(slack, "%", (r) => (100 * r.sustained) / r.limit),
      tick: over(slack, "s", (r) => r.wallS),
      rateLimitedAnswers: over(slack, "429s", (r) => r.rateLimited),
      lost: Math.max(...slack.map((r) => r.lost + (channels * each - r.outboxSent))),
      doubled: Math.max(...slack.map((r) => r.doubled)),
    };
    result.slack = s;
    out.field(
      "Slack: sustained, after each channel's burst",
      `${show(s.sustained)}; limit ${channels}/s (1 a second in each of ${channels} channels)`,
    );
    out.field("Slack: of the limit", show(s.ofLimit));
    out.field("Slack: tick wall time", show(s.tick));
    out.field("Slack: 429 answers waited out", show(s.rateLimitedAnswers));
    out.field("Slack: lost / doubled", `${s.lost} / ${s.doubled} of ${fmt(channels * each)}`);

    out.note(`Discord: ${fmt(discordN)} DMs to different people, first DMs then cached DMs after a restart, ${runs} runs`);
    const discord = await repeat(runs, () => discordRun(ctx, discordN));
    const pass = (which: "first" | "cached") => ({
      requestRate: over(discord, "requests/s", (r) => r[which].requestRate),
      ofLimit: over(discord, "%", (r) => (100 * r[which].requestRate) / DISCORD_LIMIT),
      reminderRate: over(discord, "reminders/s", (r) => r[which].reminderRate),
      requestsPerReminder: over(discord, "requests", (r) => r[which].requestsPerReminder),
      tick: over(discord, "s", (r) => r[which].wallS),
      rateLimitedAnswers: over(discord, "429s", (r) => r[which].rateLimited),
    });
    const d = {
      reminders: discordN,
      limit: DISCORD_LIMIT,
      ...pass("first"),
      cached: pass("cached"),
      lost: Math.max(...discord.map((r) => r.first.lost + r.cached.lost + (2 * discordN - r.outboxSent))),
      doubled: Math.max(...discord.map((r) => r.first.doubled + r.cached.doubled)),
    };
    result.discord = d;
    for (const [label, p] of [
      ["first DMs", d],
      ["cached DMs", d.cached],
    ] as const) {
      out.field(`Discord, ${label}: sustained requests`, `${show(p.requestRate)}; limit ${DISCORD_LIMIT}/s`);
      out.field(`Discord, ${label}: of the limit`, show(p.ofLimit));
      out.field(`Discord, ${label}: reminders delivered`, `${show(p.reminderRate)} (${p.requestsPerReminder.median} requests each)`);
      out.field(`Discord, ${label}: tick wall time`, show(p.tick));
      out.field(`Discord, ${label}: 429 answers waited out`, show(p.rateLimitedAnswers));
    }
    out.field("Discord: lost / doubled", `${d.lost} / ${d.doubled} of ${fmt(2 * discordN)}`);
    return result;
  },
};
