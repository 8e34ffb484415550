import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { createSlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { FakeSlack } from "../../test/support/fake-slack.ts";
import { slashCommand } from "../../test/support/slack-requests.ts";
import { type Benchmark, ms } from "./types.ts";

const RUNS = 300;
const WARMUP = 30;
const SECRET = "bench-secret";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const slackLatency: Benchmark = {
  name: "slack-latency",
  description: `signed /als meeting next through Bolt's real HTTP receiver vs the same app answering a no-op command (${RUNS} each)`,
  async run(out) {
    const fake = await FakeSlack.start();
    const dir = mkdtempSync(join(tmpdir(), "als-bench-slack-"));
    const db = await openDatabase(`file:${join(dir, "bench.db")}`);
    const deps = {
      db,
      clock: new ManualClock(new Date("2027-01-04T09:00:00Z")),
      logger: pino({ level: "silent" }),
      defaultTimeZone: "Europe/London",
    };
    const adapter = createSlackAdapter(deps, handlers, { botToken: "xoxb-bench", signingSecret: SECRET, apiUrl: fake.url });
    adapter.app.command("/noop", async ({ ack }) => ack());
    await adapter.start();
    const port = adapter.port();
    const target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET };
    const send = (command: string, text: string, userId = "U0ANA") =>
      slashCommand(target, { command, text, userId, userName: userId.slice(2).toLowerCase(), channelId: "C0SET" });
    try {
      out.note("setting up a set of five with a monthly series");
      await send("/als", 'set create name:"Bench set"', "U0SAM");
      for (const who of ["ANA", "BEN", "CLEO", "DEV", "EVE"])
        await send("/als", `set add member:<@U0${who}|${who.toLowerCase()}>`, "U0SAM");
      await send("/als", 'meeting schedule when:"2027-01-12 10:00" every:monthly count:6');
      await fake.waitFor("chat.postMessage", 7);

      const measure = async (command: string, text: string, waitReply: boolean) => {
        const ack: number[] = [];
        const reply: number[] = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          const before = fake.callsTo("chat.postEphemeral").length;
          const t0 = performance.now();
          const res = await send(command, text);
          const t1 = performance.now();
          if (res.status !== 200) throw new Error(`${command} ${text}: HTTP ${res.status}`);
          if (waitReply) await fake.waitFor("chat.postEphemeral", before + 1);
          const t2 = performance.now();
          if (i >= WARMUP) {
            ack.push(t1 - t0);
            reply.push(t2 - t0);
          }
        }
        return { ack: ack.sort((a, b) => a - b), reply: reply.sort((a, b) => a - b) };
      };
      const noop = await measure("/noop", "", false);
      const next = await measure("/als", "meeting next", true);
      const row = (label: string, xs: number[]) => out.field(label, `p50 ${ms(percentile(xs, 50))}   p99 ${ms(percentile(xs, 99))}`);
      row("no-op command: request → HTTP 200", noop.ack);
      row("/als meeting next: request → HTTP 200", next.ack);
      row("/als meeting next: request → reply at Slack", next.reply);
      out.field(
        "ratio, HTTP 200 (meeting next / no-op)",
        `p50 ${(percentile(next.ack, 50) / percentile(noop.ack, 50)).toFixed(2)}×   p99 ${(percentile(next.ack, 99) / percentile(noop.ack, 99)).toFixed(2)}×`,
      );
      out.field(
        "ratio, reply posted vs no-op ack",
        `p50 ${(percentile(next.reply, 50) / percentile(noop.ack, 50)).toFixed(2)}×   p99 ${(percentile(next.reply, 99) / percentile(noop.ack, 99)).toFixed(2)}×`,
      );
      out.line("The adapter acks before the work (Slack's 3-second rule) and posts the reply with chat.postEphemeral after it.");
      out.line("The signed requests are sent from this same process, so a response is read only once the command's");
      out.line("synchronous database work has let the event loop go: the HTTP 200 figures include that work.");
    } finally {
      await adapter.stop();
      await fake.close();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
