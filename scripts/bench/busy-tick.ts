/**
 * busy-tick (items 2 and 6): ONE scheduler tick at the moment 9 reminders a set fall due, on 10,000 sets
 * (90,000 reminders), delivering into an in-process sink, on SQLite and on PostgreSQL: planning and claiming
 * time, the process's peak RSS, and delivery throughput. Then, on PostgreSQL, two processes ticking at once on
 * the same 90,000: each reminder delivered once, and their combined throughput. Each tick runs in a fresh
 * process (scripts/bench/tick-worker.ts) on a freshly seeded database.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChild } from "./children.ts";
import { type BenchDatabase, freshDatabase, kinds } from "./databases.ts";
import { bytes } from "./outbox-retention.ts";
import { CONCURRENCY } from "./scheduler.ts";
import { DUE_PER_SET, outboxByStatus, seedSets } from "./seed-sets.ts";
import type { TickResult } from "./tick-worker.ts";
import { type Benchmark, type Figures, fmt, over, repeat, show } from "./types.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");

/** Runs one tick in each of `processes` workers at once on `database`; resolves with their results and delivered keys. */
async function tickIn(database: BenchDatabase, processes: number): Promise<{ results: TickResult[]; keys: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "als-bench-keys-"));
  const workers = Array.from({ length: processes }, (_, i) =>
    startChild("scripts/bench/tick-worker.ts", {
      DATABASE_URL: database.url,
      TICK_AT: NOW.toISOString(),
      KEYS_FILE: join(dir, `${i}.txt`),
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.line((l) => l === "ready")));
    for (const w of workers) w.send("go");
    const results = await Promise.all(workers.map(async (w) => JSON.parse(await w.line((l) => l.startsWith("{"))) as TickResult));
    await Promise.all(workers.map((w) => w.stop()));
    const keys = workers.flatMap((_, i) =>
      readFileSync(join(dir, `${i}.txt`), "utf8")
        .split("\n")
        .filter(Boolean),
    );
    return { results, keys };
  } finally {
    await Promise.all(workers.map((w) => w.stop("SIGKILL")));
    rmSync(dir, { recursive: true, force: true });
  }
}

export const busyTick: Benchmark = {
  name: "busy-tick",
  description:
    "one tick with 9 reminders due a set, into an in-process sink: plan+claim time, peak RSS, delivery rate; two processes on PostgreSQL",
  async run(out, ctx) {
    const sets = ctx.small ? 300 : 10_000;
    const runs = ctx.small ? 2 : 3;
    const expected = sets * DUE_PER_SET;
    const result: Figures = { sets, due: expected, deliveryConcurrency: CONCURRENCY };
    const check = async (database: BenchDatabase, keys: string[]) => {
      const distinct = new Set(keys).size;
      const outbox = await outboxByStatus(database.url);
      if (keys.length !== expected || distinct !== expected || outbox.sent !== expected)
        throw new Error(
          `expected ${expected} delivered once each; got ${keys.length} deliveries of ${distinct} reminders, outbox ${JSON.stringify(outbox)}`,
        );
    };
    for (const kind of kinds(ctx)) {
      out.note(`${kind}: ${runs} runs of ${fmt(sets)} sets, ${fmt(expected)} reminders due`);
      const ticks = await repeat(runs, async () => {
        const database = await freshDatabase(kind, ctx);
        try {
          await seedSets(database.url, sets, NOW, { nextDueAt: NOW });
          const before = await bytes(database.url);
          const { results, keys } = await tickIn(database, 1);
          await check(database, keys);
          return { ...results[0]!, outboxBytesPerRow: ((await bytes(database.url)) - before) / expected };
        } finally {
          await database.drop();
        }
      });
      const f = {
        tick: over(ticks, "ms", (r) => r.tickMs),
        tickCpu: over(ticks, "ms", (r) => r.cpuMs),
        planAndClaim: over(ticks, "ms", (r) => r.planMs + r.claimMs),
        plan: over(ticks, "ms", (r) => r.planMs),
        planInSql: over(ticks, "ms", (r) => r.planSqlMs),
        deliverInSql: over(ticks, "%", (r) => (100 * r.deliverSqlMs) / r.deliverMs),
        claim: over(ticks, "ms", (r) => r.claimMs),
        peakRss: over(ticks, "MB", (r) => r.peakRssMb),
        rssBefore: over(ticks, "MB", (r) => r.rssBeforeMb),
        deliveryRate: over(ticks, "reminders/s", (r) => r.sent / (r.deliverMs / 1000)),
        statements: over(ticks, "statements", (r) => r.statements),
        claimStatements: over(ticks, "statements", (r) => r.claims),
        outboxBytesPerReminder: over(ticks, "bytes", (r) => r.outboxBytesPerRow),
        deliveredOnce: true,
      };
      result[kind] = f;
      out.field(`${kind}: whole tick (its CPU time)`, `${show(f.tick)} (${show(f.tickCpu)})`);
      out.field(`${kind}: planning and claiming`, show(f.planAndClaim));
      out.field(`${kind}:   of which claim statements`, show(f.claim));
      out.field(`${kind}:   of which any SQL in flight`, `${show(f.planInSql)} (the rest: loading rows into objects, planning, rendering)`);
      out.field(`${kind}: peak RSS (before the tick)`, `${show(f.peakRss)} (${f.rssBefore.median} MB)`);
      out.field(`${kind}: delivery rate, in-process sink`, show(f.deliveryRate));
      out.field(`${kind}:   share of delivery with SQL in flight`, show(f.deliverInSql));
      out.field(`${kind}: database growth per reminder`, show(f.outboxBytesPerReminder));
      out.field(`${kind}: SQL statements (claims)`, `${show(f.statements)} (${f.claimStatements.median} claims)`);
    }
    if (ctx.postgres) {
      out.note(`postgresql: two processes ticking at once on the same ${fmt(expected)} reminders, 2 runs`);
      const pairs = await repeat(2, async () => {
        const database = await freshDatabase("postgresql", ctx);
        try {
          await seedSets(database.url, sets, NOW, { nextDueAt: NOW });
          const { results, keys } = await tickIn(database, 2);
          await check(database, keys);
          const start = Math.min(...results.map((r) => r.firstClaimAt));
          const end = Math.max(...results.map((r) => r.endAt));
          return { results, rate: expected / ((end - start) / 1000), wall: end - Math.min(...results.map((r) => r.startAt)) };
        } finally {
          await database.drop();
        }
      });
      const f = {
        combinedDeliveryRate: over(pairs, "reminders/s", (p) => p.rate),
        wall: over(pairs, "ms", (p) => p.wall),
        smallerShare: over(pairs, "%", (p) => (100 * Math.min(...p.results.map((r) => r.sent))) / expected),
        deliveredOnce: true,
      };
      result.postgresqlTwoProcesses = f;
      out.field("two processes: each reminder delivered", "once (checked: keys and outbox)");
      out.field("two processes: combined delivery rate", show(f.combinedDeliveryRate));
      out.field("two processes: wall time, first start → last end", show(f.wall));
      out.field("two processes: the smaller process's share", show(f.smallerShare));
    }
    return result;
  },
};
