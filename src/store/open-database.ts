import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import BetterSqlite from "better-sqlite3";
import { type Provider, withDirectStatements } from "./direct-sql.ts";
import { type Prisma, PrismaClient } from "./generated/client.ts";
import { PrismaClient as PostgresClient } from "./generated-pg/client.ts";
import { migratePostgres, migrateSqlite } from "./migrate.ts";
import { serialisedSqlite } from "./serial-sqlite.ts";

/**
 * An open database: the client `openDatabase` returns, which starts transactions and disconnects. Both
 * generated clients come from the one data model (prisma/schema.prisma), so their model APIs are the same;
 * the store is typed against the SQLite one and runs on either.
 */
export type Database = PrismaClient;
/** What the store's functions run on: an open database, or one transaction of it (see `inTransaction`). */
export type Db = Prisma.TransactionClient;
export type { Provider };

const providers = new WeakMap<Db, Provider>();

/**
 * How long a SQLite statement waits for another connection's write lock (a backup, a tool) before failing: a busy
 * database makes a command wait, not fail. Kept under the transaction's maxWait below.
 */
const SQLITE_BUSY_TIMEOUT_MS = 8_000;

/**
 * How long a transaction may wait for its turn and then run. Prisma's defaults (2 s, 5 s) are short for a
 * command that compiles a draft while a reminder tick holds the SQLite connection.
 */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * Runs `work` in one interactive transaction: everything it writes commits together when it resolves, and
 * nothing does if it throws (or runs past the time limit). `work` must use only the client it is given.
 */
export function inTransaction<T>(db: Database, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    providers.set(tx, providerOf(db));
    return work(tx);
  }, TRANSACTION_LIMITS);
}

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
 * PostgreSQL server (`postgres://`) — applying any pending migrations first (`options`: see OpenOptions). The caller closes it
 * with `db.$disconnect()`.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const log: Prisma.LogDefinition[] = options.onQuery ? [{ emit: "event", level: "query" }] : [];
  const wrap = options.wrapAdapter ?? ((adapter) => adapter);
  if (isPostgresUrl(url)) {
    await migratePostgres(url);
    const direct = withDirectStatements(wrap(new PrismaPg({ connectionString: url })));
    const db = new PostgresClient({ adapter: direct.factory, log }) as unknown as Database;
    direct.attach(db);
    providers.set(db, "postgresql");
    listen(db, options);
    await db.$connect();
    return db;
  }
  const path = sqlitePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite(path);
  raw.pragma("journal_mode = WAL");
  raw.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  migrateSqlite(raw);
  raw.close();
  const direct = withDirectStatements(
    wrap(serialisedSqlite(new PrismaBetterSQLite3({ url: `file:${path}`, timeout: SQLITE_BUSY_TIMEOUT_MS }))),
  );
  const db = new PrismaClient({ adapter: direct.factory, log });
  direct.attach(db);
  listen(db, options);
  await db.$connect();
  return db;
}

/**
 * `onQuery`: told the SQL of every statement the client sends (Prisma's query events), e.g. to count a tick's statements.
 * `wrapAdapter`: sees the driver adapter before the client is built on it (scripts/bench times each statement this way).
 */
export type OpenOptions = {
  onQuery?: (sql: string) => void;
  wrapAdapter?: (adapter: SqlDriverAdapterFactory) => SqlDriverAdapterFactory;
};

function listen(db: Database, { onQuery }: OpenOptions): void {
  if (onQuery) (db as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query));
}
