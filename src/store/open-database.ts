import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { PrismaClient as PostgresClient } from "./generated-pg/client.ts";
import { migratePostgres, migrateSqlite } from "./migrate.ts";

/**
 * The database client. Both generated clients come from the one data model (prisma/schema.prisma), so
 * their model APIs are the same; the store is typed against the SQLite one and runs on either.
 */
export type Db = PrismaClient;
export type Provider = "sqlite" | "postgresql";

const providers = new WeakMap<Db, Provider>();

/** Which database a client talks to, for the few raw statements whose SQL differs (src/store/outbox.ts). */
export const providerOf = (db: Db): Provider => providers.get(db) ?? "sqlite";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The file path in a `file:` SQLite URL (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  return url.slice("file:".length);
}

/**
 * Opens the database at `url` — the embedded SQLite file (`file:`, created with its folder) or a
 * PostgreSQL server (`postgres://`) — applying any pending migrations first. The caller closes it
 * with `db.$disconnect()`.
 */
export async function openDatabase(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    await migratePostgres(url);
    const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
    providers.set(db, "postgresql");
    await db.$connect();
    return db;
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma("busy_timeout = 5000");
  migrateSqlite(raw);
  raw.close();
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${path}` }) });
  await db.$connect();
  return db;
}
