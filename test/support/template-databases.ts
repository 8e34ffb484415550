import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePostgres, migrateSqlite } from "../../src/store/migrate.ts";

/**
 * vitest's global setup: migrates one template database per run, before any test file starts, so that each test's
 * fresh database is a copy of it (test/support/test-database.ts) instead of thirteen migrations replayed per test.
 * SQLite: a file that tests copy. PostgreSQL (when ALS_TEST_POSTGRES_URL is set): a database that tests name in
 * `CREATE DATABASE … TEMPLATE`. Both are removed at the end of the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "als-template-"));
  const sqlite = join(dir, "als.db");
  const raw = new Database(sqlite);
  raw.pragma("journal_mode = WAL"); // as openDatabase leaves a file, so that opening a copy changes nothing
  migrateSqlite(raw);
  raw.close(); // checkpoints the WAL into the file: the one file is the whole database
  project.provide("sqliteTemplate", sqlite);

  const admin = process.env.ALS_TEST_POSTGRES_URL;
  const onAdmin = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  const postgres = `als_template_${process.pid}`;
  if (admin) {
    await onAdmin(`CREATE DATABASE "${postgres}"`);
    await migratePostgres(Object.assign(new URL(admin), { pathname: `/${postgres}` }).toString());
  }
  // Only its name: a database with a session open on it cannot be a template.
  project.provide("postgresTemplate", admin ? postgres : "");

  return async () => {
    if (admin) await onAdmin(`DROP DATABASE IF EXISTS "${postgres}" WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated SQLite template file. */
    sqliteTemplate: string;
    /** The migrated PostgreSQL template database's name ("" outside the PostgreSQL lane). */
    postgresTemplate: string;
  }
}
