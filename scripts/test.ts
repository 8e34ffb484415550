/**
 * `npm test` after `npm run check`: vitest on SQLite for every test, then the integration suite and the
 * PostgreSQL-only tests again on a throwaway PostgreSQL cluster this script starts (and removes). Without
 * PostgreSQL's server binaries the PostgreSQL lanes are skipped, loudly (and fail when ALS_REQUIRE_POSTGRES is set).
 * On each database the files that start processes run as a lane of their own, after the others (`startsProcesses`).
 * Extra arguments: test files to run instead of all (files under a `fixtures` folder run only when named). Ends with
 * one line `tests: N passed, N failed` summing every lane; a test whose worker died counts as failed (lane-report.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type Counts, laneCounts } from "./lane-report.ts";
import { findPostgresBin, startCluster } from "./postgres/cluster.ts";

/** The test files under `dir`, leaving out `fixtures` folders (test files that other tests run on purpose). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      if (e.isDirectory()) return e.name === "fixtures" ? [] : filesUnder(join(dir, e.name));
      return e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [];
    })
    .sort();

const requested = process.argv.slice(2);
const all = requested.length ? requested : filesUnder("test");
const postgresOnly = (f: string) => f.startsWith(join("test", "postgres"));
const sqliteLane = all.filter((f) => !postgresOnly(f));
const postgresLane = all.filter((f) => f.startsWith(join("test", "integration")) || postgresOnly(f));

/**
 * Whether a test file starts processes (`npm start`, the scripts, the Prisma CLI): it imports node:child_process
 * or test/support/start-bot.ts. Such a file's worker mostly waits on its child, and the child takes a core: run
 * apart, they neither hold up the fast tests' workers nor compete with them for the two cores.
 */
const startsProcesses = (f: string) => /from "node:child_process"|\/start-bot\.ts"/.test(readFileSync(f, "utf8"));

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const reports = mkdtempSync(join(tmpdir(), "als-test-report-"));

/** Runs vitest on `files`, adds its counts to the total, and says whether the lane passed. */
function runLane(lane: string, files: string[], env: NodeJS.ProcessEnv = {}): boolean {
  if (files.length === 0) return true;
  console.log(`\n=== ${lane}: ${files.length} test files ===`);
  const report = join(reports, `${lane}.json`);
  const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...files];
  const run = spawnSync("npx", args, { stdio: "inherit", env: { ...process.env, ...env } });
  const { unfinished, ...counts } = laneCounts(report, run.status);
  for (const file of unfinished)
    console.error(`${lane} lane: ${relative(".", file)} ended without a result for every test (its worker died): counted as failed`);
  console.log(`${lane} lane: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  return run.status === 0 && counts.failed === 0;
}

// Ctrl-C reaches the test runners too; this process outlives them to stop the cluster.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => {});

/** The lanes on one database: the files that start no process, then those that do. */
const runLanes = (lane: string, files: string[], env: NodeJS.ProcessEnv = {}): boolean => {
  const quick = files.filter((f) => !startsProcesses(f));
  const fast = runLane(lane, quick, env);
  return runLane(`${lane} processes`, files.filter(startsProcesses), env) && fast;
};

let ok = runLanes("SQLite", sqliteLane);
const bin = findPostgresBin();
if (postgresLane.length && !bin) {
  const line = "!".repeat(100);
  console.error(
    `\n${line}\n!! PostgreSQL lanes SKIPPED: no initdb/pg_ctl found (looked in PG_BIN and /usr/lib/postgresql/*/bin).\n!! Install Debian's postgresql package to run the integration suite on PostgreSQL too.\n${line}\n`,
  );
  if (process.env.ALS_REQUIRE_POSTGRES) ok = false; // CI: the lane must run
} else if (postgresLane.length) {
  const cluster = await startCluster(bin);
  try {
    console.log(`\nPostgreSQL lane: throwaway cluster from ${bin} at ${cluster.url}`);
    ok = runLanes("PostgreSQL", postgresLane, { ALS_TEST_POSTGRES_URL: cluster.url }) && ok;
  } finally {
    cluster.stop();
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
