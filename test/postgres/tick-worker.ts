/**
 * One bot process for the several-processes tests: opens DATABASE_URL and runs the scheduler's tick at
 * the simulated times the test sends. Protocol on stdin/stdout, one line each:
 *   in:  `tick ISO`  →  out: `delivered KEY` for each reminder handed over, then `done ISO`.
 * The "platform" is stdout: a `delivered` line is written (synchronously, to a pipe) before the outbox
 * row is marked sent — so a SIGKILL can land between the two, the window the test looks for.
 * HOLD_AFTER_DELIVERY_MS holds that window open, so a test can kill the process inside it for sure.
 * DELIVERY_CONCURRENCY (default the scheduler's) is how many reminders it hands over at once.
 */
import { createInterface } from "node:readline";
import { pino } from "pino";
import type { NudgeSink } from "../../src/scheduler/deliver.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { openDatabase } from "../../src/store/open-database.ts";

const db = await openDatabase(process.env.DATABASE_URL!);
const logger = pino({ level: "silent" });
const holdMs = Number(process.env.HOLD_AFTER_DELIVERY_MS ?? 0);
const concurrency = process.env.DELIVERY_CONCURRENCY ? Number(process.env.DELIVERY_CONCURRENCY) : undefined;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sink: NudgeSink = {
  async deliver(_delivery, key) {
    await pause(Math.random() * 3); // a platform's round trip, so the two processes interleave
    process.stdout.write(`delivered ${key}\n`);
    await pause(holdMs);
    return `ref-${process.pid}`;
  },
};

process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  const [verb, arg] = line.split(" ");
  if (verb !== "tick" || !arg) throw new Error(`unknown instruction: ${line}`);
  await runTick({ db, logger, scope: { platforms: ["console"] }, ...(concurrency ? { concurrency } : {}) }, sink, new Date(arg));
  process.stdout.write(`done ${arg}\n`);
}
await db.$disconnect();
