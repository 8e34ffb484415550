/**
 * outbox-retention (for docs/scaling.md): what a reminder costs the database after it is sent — the outbox's size
 * per row (table and indexes) — and how fast the daily clean-up (src/scheduler/retention.ts) deletes rows past
 * their retention, on SQLite and PostgreSQL.
 */
import { statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { pino } from "pino";
import { runRetention } from "../../src/scheduler/retention.ts";
import { openDatabase, sqlitePath } from "../../src/store/open-database.ts";
import { freshDatabase, kinds } from "./databases.ts";
import { outboxByStatus, SLACK, seedOutbox, seedSets } from "./seed-sets.ts";
import { type Benchmark, type Figures, fmt, over, repeat, show } from "./types.ts";

const DAY = 86_400_000;
const NOW = new Date("2027-03-03T12:00:00.000Z");

/** Bytes the database holds now: the SQLite file and its WAL, or PostgreSQL's Outbox table with its indexes. */
export async function bytes(url: string): Promise<number> {
  if (url.startsWith("file:")) {
    const path = sqlitePath(url);
    const size = (p: string) => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    return size(path) + size(`${path}-wal`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE "Outbox"`);
    return Number((await client.query<{ n: string }>(`SELECT pg_total_relation_size('"Outbox"') AS n`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

export const outboxRetention: Benchmark = {
  name: "outbox-retention",
  description: "the outbox's bytes per reminder kept, and the daily clean-up's deletion rate, on SQLite and PostgreSQL",
  async run(out, ctx) {
    const rows = ctx.small ? 10_000 : 100_000;
    const runs = ctx.small ? 2 : 3;
    const result: Figures = { rows };
    for (const kind of kinds(ctx)) {
      out.note(`${kind}: ${fmt(rows)} sent reminders 100 days old, ${runs} runs`);
      const samples = await repeat(runs, async () => {
        const database = await freshDatabase(kind, ctx);
        try {
          await seedSets(database.url, 10, NOW, { platform: SLACK, lastTick: NOW });
          const before = await bytes(database.url);
          await seedOutbox(database.url, rows, {
            first: new Date(NOW.getTime() - 100 * DAY),
            everyMs: 1000,
            platform: SLACK,
            status: "sent",
          });
          const perRow = ((await bytes(database.url)) - before) / rows;
          const db = await openDatabase(database.url);
          try {
            const t0 = performance.now();
            const pruned = await runRetention({ db, logger: pino({ level: "silent" }) }, NOW, 90);
            const ms = performance.now() - t0;
            const left = await outboxByStatus(database.url);
            if (pruned?.settled !== rows || (left.sent ?? 0) !== 0)
              throw new Error(`expected ${rows} deleted, got ${JSON.stringify(pruned)}, left ${JSON.stringify(left)}`);
            return { perRow, ms, rate: rows / (ms / 1000) };
          } finally {
            await db.$disconnect();
          }
        } finally {
          await database.drop();
        }
      });
      const f = {
        bytesPerRow: over(samples, "bytes", (s) => s.perRow),
        prune: over(samples, "ms", (s) => s.ms),
        pruneRate: over(samples, "rows/s", (s) => s.rate),
      };
      result[kind] = f;
      out.field(`${kind}: bytes per kept reminder`, show(f.bytesPerRow));
      out.field(`${kind}: clean-up of ${fmt(rows)} rows`, show(f.prune));
      out.field(`${kind}: clean-up rate`, show(f.pruneRate));
    }
    return result;
  },
};
