import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { createHarness } from "../support/harness.ts";
import { START_ARGS } from "../support/start-args.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const script = fixture("five-member-set.txt");
const expected = fixture("five-member-set.expected");

test("the five-member script produces exactly the expected transcript", { timeout: 120_000 }, async () => {
  const h = await createHarness();
  try {
    const transcript = await h.run(script.replace(/\n$/, ""));
    assert.equal(`${transcript.join("\n")}\n`, expected);
  } finally {
    await h.close();
  }
});

test("npm start reads a script on stdin, prints the same transcript and exits 0", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "als-start-"));
  try {
    const run = spawnSync(process.execPath, [...START_ARGS], {
      input: script,
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(dir, "als.db")}`,
        FILES_DIR: join(dir, "files"),
        DEFAULT_TIME_ZONE: "Europe/London",
        LOG_LEVEL: "warn",
      },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, expected);
    assert.equal(run.stderr, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
