/**
 * idle-tick (item 1): a scheduler tick with nothing due, at two population sizes, on SQLite and PostgreSQL: its
 * wall time and how many SQL statements it sends, ticking as src/main.ts does. The ticks after start-up that re-plan
 * a slice of the sets (the safety net, src/scheduler/full-replan.ts) are timed apart; the ticks after the sweep, a
 * minute apart, are the idle ticks.
 */
import { performance } from "node:perf_hooks";
import { openCounting } from "./counting-db.ts";
import { freshDatabase, kinds } from "./databases.ts";
import { CONCURRENCY, countingSink, processTicks } from "./scheduler.ts";
import { seedSets } from "./seed-sets.ts";
import { type Benchmark, type Figures, figure, fmt, show } from "./types.ts";

const NOW = new Date("2027-03-03T12:00:00.000Z");
const MINUTE = 60_000;

export const idleTick: Benchmark = {
  name: "idle-tick",
  description: "a tick with nothing due at two sizes, on SQLite and PostgreSQL: wall time and SQL statements",
  async run(out, ctx) {
    const sizes = ctx.small ? [100, 1_000] : [1_000, 10_000];
    const runs = ctx.small ? 5 : 10;
    const result: Figures = { deliveryConcurrency: CONCURRENCY };
    for (const kind of kinds(ctx)) {
      const perKind: Figures = {};
      for (const sets of sizes) {
        const database = await freshDatabase(kind, ctx);
        try {
          const start = new Date(NOW.getTime() + 10 * MINUTE);
          await seedSets(database.url, sets, NOW, { lastTick: new Date(start.getTime() - MINUTE) });
          const counting = await openCounting(database.url);
          try {
            const sink = countingSink();
            const tick = processTicks(counting.db, sink);
            const times: number[] = [];
            const statements: number[] = [];
            const sliceTimes: number[] = [];
            for (let i = 0; times.length < runs; i++) {
              counting.reset();
              const t0 = performance.now();
              const { slice } = await tick(new Date(start.getTime() + i * MINUTE));
              (slice ? sliceTimes : times).push(performance.now() - t0);
              if (!slice) statements.push(counting.statements.length);
            }
            if (sink.keys.length) throw new Error(`nothing should be due, yet ${sink.keys.length} reminders were delivered`);
            const f = {
              ms: figure("ms", times),
              statements: figure("statements", statements),
              sliceTicks: sliceTimes.length,
              sliceTick: figure("ms", sliceTimes),
            };
            perKind[String(sets)] = f;
            out.field(`${kind}, ${fmt(sets)} sets: idle tick`, show(f.ms));
            out.field(`${kind}, ${fmt(sets)} sets: statements`, show(f.statements));
            out.field(`${kind}, ${fmt(sets)} sets: ticks re-planning a slice`, `${sliceTimes.length}, each ${show(f.sliceTick)}`);
          } finally {
            await counting.close();
          }
        } finally {
          await database.drop();
        }
      }
      const [a, b] = sizes.map((s) => (perKind[String(s)] as { statements: { median: number } }).statements.median);
      perKind.statementsConstant = a === b;
      result[kind] = perKind;
    }
    return result;
  },
};
