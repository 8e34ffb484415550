/**
 * `npm run bench`: the benchmarks of docs/scaling.md and docs/scaling.md's Performance section, in one run, side by
 * side. Each prints its result block; together they write bench/results.json and end with exactly one line
 * `BENCH-SUMMARY {json}` holding every figure (a median over repeated runs with its min and max).
 * usage: npm run bench                 (all of them)
 *        BENCH_SMALL=1 npm run bench   (smaller populations, fewer runs: a quick check, not the figures)
 *        npm run bench -- NAME…        (only the named ones)
 * PostgreSQL figures come from a throwaway cluster (scripts/postgres/cluster.ts) when its binaries are installed.
 * Add a benchmark by writing scripts/bench/NAME.ts exporting a `Benchmark` and listing it below.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { busyTick } from "./bench/busy-tick.ts";
import { commandsAtScale } from "./bench/commands-at-scale.ts";
import { benchPostgres } from "./bench/databases.ts";
import { draftCompile } from "./bench/draft-compile.ts";
import { footprint } from "./bench/footprint.ts";
import { idleTick } from "./bench/idle-tick.ts";
import { outboxRetention } from "./bench/outbox-retention.ts";
import { rateLimitedDelivery } from "./bench/rate-limited-delivery.ts";
import { performanceTable } from "./bench/table.ts";
import type { BenchContext, Benchmark, Figures, Reporter } from "./bench/types.ts";

const benchmarks: Benchmark[] = [idleTick, busyTick, rateLimitedDelivery, footprint, commandsAtScale, outboxRetention, draftCompile];

const wanted = process.argv.slice(2).filter((a) => a !== "--");
const unknown = wanted.filter((name) => !benchmarks.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  console.error(`available: ${benchmarks.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? benchmarks.filter((b) => wanted.includes(b.name)) : benchmarks;

const WIDTH = 44;
const reporter: Reporter = {
  line: (text = "") => console.log(text === "" ? "" : `  ${text}`),
  field: (label, value) => console.log(`  ${`${label}:`.padEnd(WIDTH)} ${value}`),
  note: (text) => console.log(`  · ${text}`),
};

const git = (...args: string[]) => {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};
const small = Boolean(process.env.BENCH_SMALL);
const postgres = await benchPostgres();
if (!postgres) console.log("PostgreSQL server binaries not found: the PostgreSQL figures are left out (install Debian's postgresql).");
const ctx: BenchContext = { small, postgres: postgres?.create ?? null };
// Ctrl-C stops the run, then the cluster.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    postgres?.cluster.stop();
    process.exit(130);
  });

const figures: Record<string, Figures> = {};
const failed: string[] = [];
const started = performance.now();
try {
  for (const bench of selected) {
    const rule = "=".repeat(Math.max(8, 78 - bench.name.length - 6));
    console.log(`\n=== ${bench.name} ${rule}`);
    console.log(`  ${bench.description}`);
    console.log("");
    const t0 = performance.now();
    try {
      figures[bench.name] = await bench.run(reporter, ctx);
      console.log(`--- ${bench.name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(bench.name);
      console.log(`--- ${bench.name}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
} finally {
  postgres?.cluster.stop();
}

const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
const summary = {
  commit: git("rev-parse", "--short", "HEAD"),
  dirty: git("status", "--porcelain") !== "",
  date: new Date().toISOString(),
  small,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  postgres: postgres ? "throwaway cluster, fsync off" : null,
  seconds,
  failed,
  figures,
};
mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(summary, null, 2)}\n`);
const machine = `${summary.machine.cpus} × ${summary.machine.cpu}, ${summary.machine.memoryGiB} GiB, Node ${summary.machine.node}`;
writeFileSync(
  "bench/results.md",
  `Commit ${summary.commit}${summary.dirty ? " (with uncommitted changes)" : ""}, ${summary.date}${small ? ", BENCH_SMALL" : ""}; ${machine}.\n\n${performanceTable(figures as Figures)}\n`,
);
console.log(
  `\n${selected.length} benchmark${selected.length === 1 ? "" : "s"}, ${failed.length} failed, ${seconds} s in all; bench/results.json and bench/results.md written`,
);
console.log(`BENCH-SUMMARY ${JSON.stringify(summary)}`);
process.exitCode = failed.length > 0 ? 1 : 0;
