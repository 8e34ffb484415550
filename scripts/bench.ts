/**
 * Benchmarks, run in order, each printing its own result block.
 * usage: npm run bench            (all of them)
 *        npm run bench -- NAME…   (only the named ones)
 * Add a benchmark by writing scripts/bench/NAME.ts exporting a `Benchmark` and listing it below.
 */
import { performance } from "node:perf_hooks";
import { draftCompile } from "./bench/draft-compile.ts";
import { nudgeTick } from "./bench/nudge-tick.ts";
import { slackLatency } from "./bench/slack-latency.ts";
import type { Benchmark, Reporter } from "./bench/types.ts";

const benchmarks: Benchmark[] = [nudgeTick, draftCompile, slackLatency];

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

let failures = 0;
const started = performance.now();
for (const bench of selected) {
  const rule = "=".repeat(Math.max(8, 78 - bench.name.length - 6));
  console.log(`\n=== ${bench.name} ${rule}`);
  console.log(`  ${bench.description}`);
  console.log("");
  const t0 = performance.now();
  try {
    await bench.run(reporter);
    console.log(`--- ${bench.name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    failures++;
    console.log(`--- ${bench.name}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}
console.log(
  `\n${selected.length} benchmark${selected.length === 1 ? "" : "s"}, ${failures} failed, ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
);
process.exitCode = failures > 0 ? 1 : 0;
