/**
 * nudge-tick: ONE scheduler tick over many sets with due reminders, on the embedded SQLite database.
 * Measures the tick's wall time (split into phases by the timestamps of its SQL statements) and how many
 * SQL statements it sends, at 1,000 and at 10,000 sets, to show the statement count does not grow with people.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DateTime } from "luxon";
import { pino } from "pino";
import { renderNudge } from "../../src/app/render-nudge.ts";
import { planNudges } from "../../src/domain/plan-nudges.ts";
import type { NudgeSink } from "../../src/scheduler/deliver.ts";
import { runTick, type TickReport } from "../../src/scheduler/tick.ts";
import { loadNudgeState } from "../../src/store/nudge-state.ts";
import { migrateThenOpenCounting, type RawCall, type Statement } from "./counting-db.ts";
import { DUE_PER_SET, outboxSummary, PEOPLE_PER_SET, type SeedCounts, seedSets, TIME_ZONE } from "./seed-sets.ts";
import { type Benchmark, fmt, ms, type Reporter } from "./types.ts";

/** A Wednesday, 12:00 in London (GMT in early March): outside the default quiet hours 21:00–08:00. */
const NOW = new Date("2027-03-03T12:00:00.000Z");
const SIZES = process.env.BENCH_SMALL ? [100, 1_000] : [1_000, 10_000];
/** The tick's window: the previous tick was this long before NOW. */
const WINDOW_MS = 60_000;

const isInsertOutbox = (s: Statement) => /^\s*INSERT OR IGNORE INTO "Outbox"/i.test(s.sql);
const isClaim = (s: Statement) => /^\s*UPDATE "Outbox" SET "status" = 'sending'/i.test(s.sql);
/** markSent: Prisma's one-row update that sets sentAt (one per delivered reminder, by design). */
const isMarkSent = (s: Statement) => /^\s*UPDATE\s+\S*Outbox\S*\s+SET\s[^;]*[`"]sentAt[`"]\s*=/i.test(s.sql);

type Run = {
  seeded: SeedCounts;
  seedMs: number;
  report: TickReport;
  delivered: number;
  tickMs: number;
  t0: number;
  t1: number;
  statements: Statement[];
  rawCalls: RawCall[];
  queryEvents: number;
  outbox: { kind: string; status: string; n: number }[];
  rssMb: number;
  /** The tick's pure steps re-run after it on the same data (outside the timed tick), for a finer split. */
  pure: { loadMs: number; planMs: number; renderMs: number; nudges: number };
};

async function tickOnce(sets: number, out: Reporter): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "als-bench-"));
  const path = join(dir, "bench.db");
  try {
    out.note(`${fmt(sets)} sets: migrating a fresh ${path}`);
    const counting = await migrateThenOpenCounting(path);
    try {
      const s0 = performance.now();
      const seeded = seedSets(path, sets, NOW, WINDOW_MS);
      const seedMs = performance.now() - s0;
      out.note(
        `${fmt(sets)} sets: seeded ${fmt(seeded.people)} people, ${fmt(seeded.meetings)} meetings, ${fmt(seeded.actions)} actions in ${ms(seedMs)}`,
      );

      // Warm the client (connection, query compiler) on a query the tick does not make, then count from zero.
      await counting.db.$queryRawUnsafe("SELECT 1");
      counting.reset();

      let delivered = 0;
      const sink: NudgeSink = {
        async deliver() {
          delivered++;
        },
      };
      const logger = pino({ level: "silent" });
      const t0 = performance.now();
      const report = await runTick({ db: counting.db, logger }, sink, NOW);
      const t1 = performance.now();
      const rssMb = process.memoryUsage().rss / 1024 / 1024;
      const statements = [...counting.statements];
      const rawCalls = [...counting.rawCalls];
      const queryEvents = counting.queryEvents();

      const p0 = performance.now();
      const { state, view } = await loadNudgeState(counting.db, NOW);
      const p1 = performance.now();
      const { due, stale } = planNudges(state, { since: new Date(NOW.getTime() - WINDOW_MS), now: NOW });
      const p2 = performance.now();
      for (const n of [...due, ...stale]) JSON.stringify(renderNudge(n, view));
      const p3 = performance.now();
      const pure = { loadMs: p1 - p0, planMs: p2 - p1, renderMs: p3 - p2, nudges: due.length + stale.length };
      return {
        seeded,
        seedMs,
        report,
        delivered,
        tickMs: t1 - t0,
        t0,
        t1,
        statements,
        rawCalls,
        queryEvents,
        outbox: outboxSummary(path),
        rssMb,
        pure,
      };
    } finally {
      await counting.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "SELECT LearningSet", "INSERT Outbox"…: the verb and the first table a statement names. */
function shape(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0]!.toUpperCase();
  const table = /(?:FROM|INTO|UPDATE)\s+[`"]?(?:main[`"]?\.[`"]?)?(\w+)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

function printRun(out: Reporter, r: Run): void {
  const expected = Object.values(DUE_PER_SET).reduce((a, b) => a + b, 0) * r.seeded.sets;
  out.line(`${fmt(r.seeded.sets)} sets`);
  out.field(
    "population",
    `${fmt(r.seeded.sets)} sets, ${fmt(r.seeded.people)} people (${PEOPLE_PER_SET} a set), ${fmt(r.seeded.meetings)} meetings, ${fmt(r.seeded.actions)} open actions`,
  );
  out.field("seeding (raw SQL, not the tick)", ms(r.seedMs));
  out.field(
    "reminders planned",
    `${fmt(r.report.planned)} (expected ${fmt(expected)}: ${r.report.planned === expected ? "ok" : "MISMATCH"})`,
  );
  out.field(
    "delivered (sink calls)",
    `${fmt(r.delivered)}; tick report: sent ${fmt(r.report.sent)}, failed ${r.report.failed}, skipped ${r.report.skipped}`,
  );
  out.field("outbox after the tick", r.outbox.map((o) => `${o.kind}/${o.status} ${fmt(o.n)}`).join(", ") || "empty");
  out.field("TICK WALL TIME", ms(r.tickMs));

  const ins = r.statements.findIndex(isInsertOutbox);
  const firstClaim = r.statements.findIndex(isClaim);
  if (ins > 1 && firstClaim > ins) {
    const st = r.statements;
    const insertCall = r.rawCalls.find((c) => /^\s*INSERT OR IGNORE INTO "Outbox"/i.test(c.sql));
    const mb = (st[ins]!.chars / 1024 / 1024).toFixed(1);
    const phases: [string, number][] = [
      ["read lastTickAt (1 stmt)", st[0]!.end - r.t0],
      [`load state (${ins - 1} stmts)`, st[ins - 1]!.end - st[0]!.end],
      ...(insertCall
        ? ([
            ["build state, plan, render, to JSON", insertCall.at - st[ins - 1]!.end],
            [`Prisma handles the ${mb} MB insert param`, st[ins]!.start - insertCall.at],
          ] as [string, number][])
        : ([["build state, plan, render (no SQL)", st[ins]!.start - st[ins - 1]!.end]] as [string, number][])),
      [`insert outbox in SQLite (1 stmt)`, st[ins]!.end - st[ins]!.start],
      [`save tick + skip stale (${firstClaim - ins - 1} stmts)`, st[firstClaim]!.start - st[ins]!.end],
      [`claim, deliver, mark sent (${st.length - firstClaim} stmts)`, r.t1 - st[firstClaim]!.start],
    ];
    for (const [label, t] of phases) out.field(`  ${label}`, `${ms(t).padStart(10)}  ${((100 * t) / r.tickMs).toFixed(0).padStart(3)}%`);
  } else {
    out.field("  phases", "not split: no outbox insert / claim found among the statements");
  }
  out.field(
    "  pure steps, re-run after tick",
    `loadNudgeState ${ms(r.pure.loadMs)}, planNudges ${ms(r.pure.planMs)}, renderNudge+JSON ×${fmt(r.pure.nudges)} ${ms(r.pure.renderMs)} (same data; not part of the tick time)`,
  );

  out.field("SQL STATEMENTS IN THE TICK", `${r.statements.length} (adapter calls); Prisma query events: ${r.queryEvents}`);
  const byShape = new Map<string, number>();
  for (const s of r.statements) byShape.set(shape(s.sql), (byShape.get(shape(s.sql)) ?? 0) + 1);
  out.field("  by statement", [...byShape].map(([k, n]) => `${k} ×${n}`).join(", "));
  const maxArgs = r.statements.reduce((m, s) => Math.max(m, s.args), 0);
  out.field("  most bound parameters in one", fmt(maxArgs));
  out.field("process RSS after the tick", `${r.rssMb.toFixed(0)} MB`);
  out.line();
}

export const nudgeTick: Benchmark = {
  name: "nudge-tick",
  description: `one runTick at ${NOW.toISOString()} (window: the last minute) over ${SIZES.map(fmt).join(" and ")} sets on SQLite; SQL statements counted`,
  async run(out) {
    const local = DateTime.fromJSDate(NOW, { zone: TIME_ZONE });
    if (local.weekday > 5 || local.hour !== 12) throw new Error(`NOW should be a weekday noon in ${TIME_ZONE}, is ${local.toISO()}`);

    const runs: Run[] = [];
    for (const sets of SIZES) runs.push(await tickOnce(sets, out));
    out.line();
    for (const r of runs) printRun(out, r);

    const [small, large] = runs as [Run, Run];
    const count = (r: Run, f: (s: Statement) => boolean) => r.statements.filter(f).length;
    const fixed = (r: Run) => r.statements.length - count(r, isClaim) - count(r, isMarkSent);
    out.line("Statement count vs population");
    out.line(`  ${"".padEnd(34)} ${`${fmt(small.seeded.sets)} sets`.padStart(14)} ${`${fmt(large.seeded.sets)} sets`.padStart(14)}`);
    const row = (label: string, a: number | string, b: number | string) =>
      out.line(
        `  ${label.padEnd(34)} ${(typeof a === "number" ? fmt(a) : a).padStart(14)} ${(typeof b === "number" ? fmt(b) : b).padStart(14)}`,
      );
    row("people", small.seeded.people, large.seeded.people);
    row("reminders delivered (N)", small.report.sent, large.report.sent);
    row("SQL statements in the tick", small.statements.length, large.statements.length);
    row("  of which claim", count(small, isClaim), count(large, isClaim));
    row("  of which mark sent", count(small, isMarkSent), count(large, isMarkSent));
    row("  all other statements", fixed(small), fixed(large));
    row("tick wall time", ms(small.tickMs), ms(large.tickMs));
    out.line();

    if (fixed(small) === fixed(large) && count(small, isMarkSent) === small.report.sent && count(large, isMarkSent) === large.report.sent) {
      out.line(
        `EQUAL: besides one "mark sent" per delivered reminder (each recorded as its platform accepts it, so a crash re-sends at most one), the tick sends ${fixed(small)} SQL statements at both sizes.`,
      );
    } else {
      out.line(`NOT EQUAL: ${fmt(small.statements.length)} vs ${fmt(large.statements.length)} statements; by statement:`);
      const shapes = (r: Run) => {
        const m = new Map<string, number>();
        for (const st of r.statements) m.set(shape(st.sql), (m.get(shape(st.sql)) ?? 0) + 1);
        return m;
      };
      const [sa, sb] = [shapes(small), shapes(large)];
      for (const k of new Set([...sa.keys(), ...sb.keys()]))
        if (sa.get(k) !== sb.get(k)) out.line(`  ${k}: ${sa.get(k) ?? 0} vs ${sb.get(k) ?? 0}`);
    }
    if (runs.some((r) => r.statements.length === 0 || r.queryEvents === 0))
      out.line("WARNING: a counter read zero; the counts above are not trustworthy.");
    else if (runs.some((r) => r.queryEvents !== r.statements.length))
      out.line(
        `note: Prisma query events (${runs.map((r) => r.queryEvents).join(", ")}) differ from adapter calls (${runs.map((r) => r.statements.length).join(", ")}); the adapter count is what reaches SQLite.`,
      );
    else out.line("Cross-check: Prisma query events equal the adapter's statement count in both runs.");
  },
};
