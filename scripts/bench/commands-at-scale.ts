/**
 * commands-at-scale (items 5 and 6): a command's latency on a database of 10,000 sets, SQLite and PostgreSQL,
 * against a no-op command in the same app, through each platform's real front door:
 * - Slack: a signed `/als meeting next` through Bolt's HTTP receiver, timed from the request to its reply reaching
 *   the fake (chat.postEphemeral); the no-op is a `/noop` command that only acks, timed to its HTTP 200;
 * - Discord: `/meeting next` through the real discord.js client on the fake gateway, timed from the interaction's
 *   dispatch to the deferred reply's edit reaching the fake; the no-op is a command the app does not know, which
 *   it answers at once without touching the database.
 * Each round sends ROUNDS×N requests one after another (after a warm-up); each figure is over rounds of its p50/p99.
 */
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { createDiscordAdapter } from "../../src/adapters/discord/create-discord-adapter.ts";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { FakeDiscord } from "../../test/support/fake-discord.ts";
import { FakeSlack } from "../../test/support/fake-slack.ts";
import { freePort } from "../../test/support/http-probe.ts";
import { slashCommand } from "../../test/support/slack-requests.ts";
import { freshDatabase, type Kind, kinds } from "./databases.ts";
import { DISCORD, SLACK, seedSets } from "./seed-sets.ts";
import { type BenchContext, type Benchmark, type Figures, fmt, over, percentile, show } from "./types.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");
const SECRET = "bench-secret";

type Rounds = { p50: number; p99: number }[];

/** Times `send` (which resolves once its answer arrived) `rounds` × `n` times after `warmup` untimed ones. */
async function rounds(rounds: number, n: number, warmup: number, send: () => Promise<void>): Promise<Rounds> {
  for (let i = 0; i < warmup; i++) await send();
  const out: Rounds = [];
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await send();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    out.push({ p50: percentile(times, 50), p99: percentile(times, 99) });
  }
  return out;
}

const deps = (db: Awaited<ReturnType<typeof openDatabase>>) => ({
  db,
  clock: new ManualClock(NOW),
  logger: pino({ level: "silent" }),
  defaultTimeZone: "Europe/London",
});

async function slack(url: string, set: number, plan: [number, number, number]) {
  const fake = await FakeSlack.start();
  const db = await openDatabase(url);
  const adapter = createSlackAdapter(deps(db), handlers, {
    botToken: "xoxb-bench",
    signingSecret: SECRET,
    apiUrl: fake.url,
    port: await freePort(),
  });
  adapter.app.command("/noop", async ({ ack }) => ack());
  await adapter.start();
  const target = { url: `http://127.0.0.1:${adapter.port()}/slack/events`, signingSecret: SECRET };
  const send = (command: string, text: string) =>
    slashCommand(target, { command, text, userId: SLACK.user(set, 1), userName: "member", channelId: SLACK.channel(set) });
  try {
    const noop = await rounds(...plan, async () => {
      const res = await send("/noop", "");
      if (res.status !== 200) throw new Error(`/noop: HTTP ${res.status}`);
    });
    const next = await rounds(...plan, async () => {
      const before = fake.callsTo("chat.postEphemeral").length;
      const res = await send("/als", "meeting next");
      if (res.status !== 200) throw new Error(`/als meeting next: HTTP ${res.status}`);
      const [reply] = (await fake.waitFor("chat.postEphemeral", before + 1)).slice(before);
      if (!/Meeting 2/i.test(JSON.stringify(reply?.args)))
        throw new Error(`unexpected reply: ${JSON.stringify(reply?.args).slice(0, 300)}`);
    });
    return { noop, next };
  } finally {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
  }
}

async function discord(url: string, set: number, plan: [number, number, number]) {
  const guild = { id: DISCORD.workspace, name: "Bench", channels: [{ id: DISCORD.channel(set), name: "bench-set" }] };
  const fake = await FakeDiscord.start({ guilds: [guild] });
  const db = await openDatabase(url);
  const adapter = createDiscordAdapter(deps(db), handlers, { token: "bench-token", apiUrl: fake.apiUrl });
  await adapter.start();
  const user = { userId: DISCORD.user(set, 1), userName: "member", channelId: DISCORD.channel(set), guildId: DISCORD.workspace };
  try {
    const noop = await rounds(...plan, async () => {
      const { id } = await fake.sendInteraction(fake.commandInteraction({ name: "noop", ...user }));
      await fake.waitFor("POST", new RegExp(`^/interactions/${id}/`));
    });
    const next = await rounds(...plan, async () => {
      const { token } = await fake.sendInteraction(fake.commandInteraction({ name: "meeting", sub: "next", ...user }));
      const reply = await fake.answerTo(token); // the interaction's own reply, or the edit of a deferred one
      if (!/Meeting 2/i.test(JSON.stringify(reply?.body)))
        throw new Error(`unexpected reply: ${JSON.stringify(reply?.body).slice(0, 300)}`);
    });
    return { noop, next };
  } finally {
    await adapter.stop();
    await fake.close();
    await db.$disconnect();
  }
}

async function measure(ctx: BenchContext, kind: Kind, platform: "slack" | "discord", sets: number, plan: [number, number, number]) {
  const database = await freshDatabase(kind, ctx);
  try {
    await seedSets(database.url, sets, NOW, { platform: platform === "slack" ? SLACK : DISCORD, lastTick: NOW });
    const set = Math.floor(sets / 2); // a set in the middle of the tables
    const { noop, next } = await (platform === "slack" ? slack : discord)(database.url, set, plan);
    return {
      noopP50: over(noop, "ms", (r) => r.p50),
      noopP99: over(noop, "ms", (r) => r.p99),
      meetingNextP50: over(next, "ms", (r) => r.p50),
      meetingNextP99: over(next, "ms", (r) => r.p99),
      ratioP50: over(
        next.map((r, i) => r.p50 / noop[i]!.p50),
        "×",
        (x) => x,
      ),
      ratioP99: over(
        next.map((r, i) => r.p99 / noop[i]!.p99),
        "×",
        (x) => x,
      ),
    };
  } finally {
    await database.drop();
  }
}

export const commandsAtScale: Benchmark = {
  name: "commands-at-scale",
  description:
    "/als meeting next (Slack, Bolt's receiver) and /meeting next (Discord, discord.js on the fake gateway) on 10,000 sets vs a no-op",
  async run(out, ctx) {
    const sets = ctx.small ? 1_000 : 10_000;
    const plan: [number, number, number] = ctx.small ? [2, 50, 10] : [3, 200, 30];
    const result: Figures = { sets, requestsPerRound: plan[1] };
    for (const kind of kinds(ctx))
      for (const platform of ["slack", "discord"] as const) {
        out.note(`${platform} on ${kind}, ${fmt(sets)} sets: ${plan[0]} rounds of ${plan[1]} requests each`);
        const f = await measure(ctx, kind, platform, sets, plan);
        result[`${platform}-${kind}`] = f;
        out.field(`${platform}/${kind}: no-op p50 / p99`, `${show(f.noopP50)} / ${show(f.noopP99)}`);
        out.field(`${platform}/${kind}: meeting next p50 / p99`, `${show(f.meetingNextP50)} / ${show(f.meetingNextP99)}`);
        out.field(`${platform}/${kind}: ratio p50 / p99`, `${show(f.ratioP50)} / ${show(f.ratioP99)}`);
      }
    return result;
  },
};
