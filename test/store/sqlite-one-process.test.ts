import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { ownerFileOf } from "../../src/store/sqlite-owner.ts";
import { createHarness, FIVE_MEMBER_SET, replies } from "../support/harness.ts";
import { START_ARGS } from "../support/start-args.ts";

const dir = mkdtempSync(join(tmpdir(), "als-sqlite-owner-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const startBot = (db: string) =>
  spawnSync(process.execPath, [...START_ARGS], {
    input: "/help\n",
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${db}`, FILES_DIR: join(dir, "files"), LOG_LEVEL: "warn" },
  });

test("a second bot process on one SQLite file refuses to start, saying why; one left by a process that has gone does not block", () => {
  const db = join(dir, "als.db");
  writeFileSync(ownerFileOf(db), `${process.pid}\n`); // this test's process is alive: it holds the file
  const second = startBot(db);
  assert.equal(second.status, 1);
  assert.match(
    second.stderr,
    new RegExp(
      `Another bot process \\(pid ${process.pid}\\) is already using the SQLite database .*als\\.db\\. SQLite serves one bot process: stop that one first, or use PostgreSQL`,
    ),
  );
  writeFileSync(ownerFileOf(db), "999999999\n"); // no such process
  const after = startBot(db);
  assert.equal(after.status, 0, after.stderr);
  assert.match(after.stdout, /\/set create/);
});

test("a command waits while another connection holds the write lock, instead of failing with database is locked", async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  try {
    await h.run(FIVE_MEMBER_SET);
    await h.run("as Ana\n/log reflect text:first"); // the command below then reads before it writes
    const path = h.databaseUrl.slice("file:".length);
    // Another connection writes and holds the lock for a second, in a process of its own.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(${JSON.stringify(path)});
         db.exec('BEGIN IMMEDIATE'); db.exec('UPDATE "_als_migrations" SET "appliedAt" = "appliedAt" || \\'\\'');
         process.stdout.write("locked\\n"); setTimeout(() => { db.exec("COMMIT"); process.exit(0); }, 1000);`,
      ],
      { cwd: process.cwd() },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const out = replies(await h.run('/log reflect text:"Written while the file was busy"'));
    assert.match(out[0]!, /entry #2/, out.join("\n"));
    assert.equal(await h.db.entry.count({ where: { text: "Written while the file was busy" } }), 1);
    await new Promise((resolve) => holder.once("exit", resolve));
  } finally {
    await h.close();
  }
});
