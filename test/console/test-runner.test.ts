import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "vitest";

/**
 * `npm test`'s runner on the given files, with `env` added (and no core dumps, where an abort would leave one): its
 * exit status and its last line.
 */
function runTests(files: string[], env: NodeJS.ProcessEnv) {
  const args = ["-c", 'ulimit -c 0; exec "$@"', "sh", process.execPath, "--import", "tsx", "scripts/test.ts", ...files];
  const run = spawnSync("sh", args, {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  const lines = run.stdout.trim().split("\n");
  return { status: run.status, last: lines.at(-1), stdout: run.stdout, stderr: run.stderr };
}

const FIXTURE = "test/console/fixtures/worker-abort.test.ts";

test("a test file whose worker aborts fails the run, and each of its tests counts as failed", { timeout: 120_000 }, () => {
  const run = runTests([FIXTURE], { ALS_TEST_WORKER_ABORT: "1" });
  assert.equal(run.status, 1, run.stdout);
  // Its three tests have no result (the one that passed before the abort included): none counts as passed.
  assert.equal(run.last, "tests: 0 passed, 3 failed");
  assert.match(run.stderr, /test\/console\/fixtures\/worker-abort\.test\.ts ended without a result for every test \(its worker died\)/);
});

test("the same file passes when its worker lives", { timeout: 120_000 }, () => {
  const run = runTests([FIXTURE], {});
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.equal(run.last, "tests: 3 passed, 0 failed");
});
