/**
 * A process for busy-tick: opens DATABASE_URL with a counting client, prints `ready`, waits for `go` on stdin,
 * runs ONE scheduler tick at TICK_AT delivering into an in-process sink, and prints one JSON line (`TickResult`).
 * With KEYS_FILE, the delivered reminders' keys are written there, one a line. A process of its own, so that
 * its peak RSS is the tick's, and so that two can share one PostgreSQL database as two bots would.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { openCounting } from "./counting-db.ts";
import { countingSink, tick } from "./scheduler.ts";

/** What the worker prints: times in ms (`*At`: epoch ms, comparable across processes), RSS in MB. */
export type TickResult = {
  sent: number;
  distinct: number;
  planned: number;
  tickMs: number;
  /** CPU time this process used in the tick (user + system): less affected than wall time by other load on the machine. */
  cpuMs: number;
  /** From the tick's start to its first claim statement: announcing, loading, planning, writing the outbox. */
  planMs: number;
  /** The claim statements' own time, summed. */
  claimMs: number;
  /** From the first claim to the tick's end: claiming, delivering, marking sent. */
  deliverMs: number;
  /** Of planMs and deliverMs, the time with at least one SQL statement in flight (the rest is JavaScript). */
  planSqlMs: number;
  deliverSqlMs: number;
  statements: number;
  claims: number;
  rssBeforeMb: number;
  peakRssMb: number;
  startAt: number;
  firstClaimAt: number;
  endAt: number;
};

const isClaim = (sql: string) => /^\s*UPDATE\s+"Outbox"\s+SET\s+"status"\s*=\s*'sending'/i.test(sql);
const epoch = (t: number) => performance.timeOrigin + t;

/** How long, between `from` and `to`, at least one of `spans` was running. */
function covered(spans: { start: number; end: number }[], from: number, to: number): number {
  let total = 0;
  let reached = from;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    const s = Math.max(start, reached);
    const e = Math.min(end, to);
    if (e > s) total += e - s;
    reached = Math.max(reached, Math.min(end, to));
  }
  return total;
}

const counting = await openCounting(process.env.DATABASE_URL!);
const at = new Date(process.env.TICK_AT!);
await counting.db.$queryRawUnsafe("SELECT 1"); // connect before the clock starts
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
await lines.next();
counting.reset();
const sink = countingSink();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await tick(counting.db, sink, at);
const t1 = performance.now();
const cpu = process.cpuUsage(cpu0);
const claims = counting.statements.filter((s) => isClaim(s.sql));
const firstClaim = claims[0]?.start ?? t1;
const result: TickResult = {
  sent: sink.keys.length,
  distinct: new Set(sink.keys).size,
  planned: report.planned,
  tickMs: t1 - t0,
  cpuMs: (cpu.user + cpu.system) / 1000,
  planMs: firstClaim - t0,
  claimMs: claims.reduce((n, s) => n + (s.end - s.start), 0),
  deliverMs: t1 - firstClaim,
  planSqlMs: covered(counting.statements, t0, firstClaim),
  deliverSqlMs: covered(counting.statements, firstClaim, t1),
  statements: counting.statements.length,
  claims: claims.length,
  rssBeforeMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  startAt: epoch(t0),
  firstClaimAt: epoch(firstClaim),
  endAt: epoch(t1),
};
if (process.env.KEYS_FILE) writeFileSync(process.env.KEYS_FILE, sink.keys.join("\n"));
process.stdout.write(`${JSON.stringify(result)}\n`);
await counting.close();
process.exit(0);
