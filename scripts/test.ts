/**
 * `npm test`: the whole suite on SQLite, then the integration suite and the PostgreSQL-only tests again
 * on a throwaway PostgreSQL cluster this script starts (and removes). Without PostgreSQL's server
 * binaries the second lane is skipped, loudly. Extra arguments: test files to run instead of all.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { findPostgresBin, startCluster } from "./postgres/cluster.ts";

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : []))
    .sort();

const requested = process.argv.slice(2);
const all = requested.length ? requested : filesUnder("test");
const postgresOnly = (f: string) => f.startsWith(join("test", "postgres"));
const sqliteLane = all.filter((f) => !postgresOnly(f));
const postgresLane = all.filter((f) => f.startsWith(join("test", "integration")) || postgresOnly(f));

function runTests(lane: string, files: string[], env: NodeJS.ProcessEnv = {}): boolean {
  if (files.length === 0) return true;
  console.log(`\n=== ${lane}: ${files.length} test files ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return run.status === 0;
}

// Ctrl-C reaches the test runners too; this process outlives them to stop the cluster.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => {});

let ok = runTests("SQLite", sqliteLane);
const bin = findPostgresBin();
if (postgresLane.length && !bin) {
  const line = "!".repeat(100);
  console.error(
    `\n${line}\n!! PostgreSQL lane SKIPPED: no initdb/pg_ctl found (looked in PG_BIN and /usr/lib/postgresql/*/bin).\n!! Install Debian's postgresql package to run the integration suite on PostgreSQL too.\n${line}\n`,
  );
  if (process.env.ALS_REQUIRE_POSTGRES) ok = false; // CI: the lane must run
} else if (postgresLane.length) {
  const cluster = await startCluster(bin);
  try {
    console.log(`\nPostgreSQL lane: throwaway cluster from ${bin} at ${cluster.url}`);
    ok = runTests("PostgreSQL", postgresLane, { ALS_TEST_POSTGRES_URL: cluster.url }) && ok;
  } finally {
    cluster.stop();
  }
}
process.exit(ok ? 0 : 1);
