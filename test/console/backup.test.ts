import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import { test } from "vitest";
import { createHarness, FIVE_MEMBER_SET } from "../support/harness.ts";

test("npm run db:backup copies the live SQLite database, rows and all", async () => {
  const h = await createHarness();
  try {
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/log problem text:"Kept safe"`);
    const target = join(h.dir, "backup.db");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", target], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: h.databaseUrl },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Backed up .* to .*backup\.db/);
    const copy = new Database(target, { readonly: true });
    assert.deepEqual(copy.prepare(`SELECT text FROM "Entry"`).all(), [{ text: "Kept safe" }]);
    copy.close();
  } finally {
    await h.close();
  }
});

test("npm run db:backup on PostgreSQL gives pg_dump instructions and never prints the password", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "postgres://als:s3cret-pw@db.internal:5432/als" },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /pg_dump --format=custom/);
  assert.match(run.stdout, /postgres:\/\/als:\*\*\*@db\.internal:5432\/als/);
  assert.doesNotMatch(run.stdout + run.stderr, /s3cret-pw/);
});
