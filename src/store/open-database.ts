import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { migrateSqlite } from "./migrate.ts";

export type Db = PrismaClient;

/** The file path in a `file:` SQLite URL (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  return url.slice("file:".length);
}

/**
 * Opens the embedded SQLite database at `url`, creating its folder and file and applying any
 * pending migrations first. The caller closes it with `db.$disconnect()`.
 */
export async function openDatabase(url: string): Promise<Db> {
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
