import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { inject } from "vitest";

/**
 * `npm test` runs the integration suite twice: on SQLite files, then with ALS_TEST_POSTGRES_URL pointing
 * at a throwaway PostgreSQL cluster (scripts/test.ts), where each test database is created fresh: a copy of
 * the run's migrated template (test/support/template-databases.ts), or empty when asked for.
 */
export const POSTGRES_ADMIN_URL = process.env.ALS_TEST_POSTGRES_URL;
export const testProvider = POSTGRES_ADMIN_URL ? "postgresql" : "sqlite";

export type TestDatabase = {
  url: string;
  /** A folder for the test's files (and the SQLite file). */
  dir: string;
  /** Every row of every table, for "nothing changed" assertions. */
  snapshot(): Promise<Record<string, unknown[]>>;
  drop(): Promise<void>;
};

let counter = 0;

/** A PostgreSQL connection for `work`, closed afterwards. */
export async function withPgClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database of its own: already migrated (a copy of the run's template), or with `{ empty: true }` no tables at
 * all, for the tests of migrating itself. Remove it with `drop()`.
 */
export async function createTestDatabase({ empty = false }: { empty?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "als-test-"));
  if (!POSTGRES_ADMIN_URL) {
    const path = join(dir, "als.db");
    if (!empty) copyFileSync(inject("sqliteTemplate"), path);
    return {
      url: `file:${path}`,
      dir,
      async snapshot() {
        const raw = new Database(path, { readonly: true });
        try {
          const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
          return Object.fromEntries(tables.map(({ name }) => [name, raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
        } finally {
          raw.close();
        }
      },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // A vitest worker runs several files, each with its own module state: the random part keeps names apart.
  const name = `als_test_${process.pid}_${randomUUID().slice(0, 8)}_${counter++}`;
  await withPgClient(POSTGRES_ADMIN_URL, (c) =>
    c.query(`CREATE DATABASE "${name}"${empty ? "" : ` TEMPLATE "${inject("postgresTemplate")}"`}`),
  );
  const url = Object.assign(new URL(POSTGRES_ADMIN_URL), { pathname: `/${name}` }).toString();
  return {
    url,
    dir,
    snapshot: () =>
      withPgClient(url, async (c) => {
        const tables = (
          await c.query<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
          )
        ).rows;
        const entries = [];
        // Sorted by content: PostgreSQL has no stable rowid order, and a no-op update may move a row.
        for (const { name } of tables)
          entries.push([name, (await c.query(`SELECT * FROM "${name}"`)).rows.map((r) => JSON.stringify(r)).sort()]);
        return Object.fromEntries(entries);
      }),
    async drop() {
      await withPgClient(POSTGRES_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
