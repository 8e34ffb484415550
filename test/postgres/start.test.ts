import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "vitest";
import { START_ARGS } from "../support/start-args.ts";
import { createTestDatabase, POSTGRES_ADMIN_URL, withPgClient } from "../support/test-database.ts";

assert.ok(POSTGRES_ADMIN_URL, "the PostgreSQL tests run in npm test's PostgreSQL lane (scripts/test.ts), which sets ALS_TEST_POSTGRES_URL");

test("npm start with a postgres:// DATABASE_URL migrates an empty database and keeps the set there across restarts", async () => {
  const database = await createTestDatabase({ empty: true });
  try {
    const start = (input: string) =>
      spawnSync(process.execPath, [...START_ARGS], {
        input,
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          FILES_DIR: join(database.dir, "files"),
          CONSOLE_START: "2027-01-04T09:00:00Z",
          LOG_LEVEL: "warn",
        },
      });
    const first = start(`as Sam\n/set create name:"On PostgreSQL"\n/set add member:@Ana\n`);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Created the action learning set "On PostgreSQL"/);
    const second = start(`as Sam\n/set info\n`);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /On PostgreSQL/);
    assert.match(second.stdout, /Ana/);
    await withPgClient(database.url, async (client) => {
      assert.deepEqual((await client.query(`SELECT "name" FROM "LearningSet"`)).rows, [{ name: "On PostgreSQL" }]);
      assert.ok((await client.query(`SELECT count(*)::int AS n FROM "_als_migrations"`)).rows[0].n >= 5);
    });
  } finally {
    await database.drop();
  }
});
