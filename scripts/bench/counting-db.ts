/**
 * A Prisma client on an SQLite file that records every SQL statement it sends, two independent ways:
 * - at the driver adapter (every queryRaw / executeRaw / executeScript call, plus BEGIN for a transaction),
 *   with its start and end time, so a run can be split into phases;
 * - Prisma's own `query` log events, as a cross-check.
 * It also notes when code calls the client's raw-SQL methods, so the time Prisma spends on a raw statement
 * before it reaches the adapter (e.g. passing a large parameter through its query compiler) can be seen.
 */
import { performance } from "node:perf_hooks";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { PrismaClient } from "../../src/store/generated/client.ts";
import { type Db, openDatabase } from "../../src/store/open-database.ts";

type Adapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
type SqlQuery = Parameters<Adapter["queryRaw"]>[0];

/** One statement as the adapter ran it: bound values, total characters of its string values, start and end. */
export type Statement = { sql: string; args: number; chars: number; start: number; end: number };
/** A call of a raw-SQL method of the client ($executeRawUnsafe…), at the moment the caller made it. */
export type RawCall = { method: string; sql: string; at: number };

const RAW_METHODS = new Set(["$executeRawUnsafe", "$queryRawUnsafe", "$executeRaw", "$queryRaw"]);

export type CountingDb = {
  db: Db;
  /** Every statement the adapter ran since the last reset, in order. */
  statements: Statement[];
  rawCalls: RawCall[];
  /** Prisma `query` log events since the last reset. */
  queryEvents(): number;
  reset(): void;
  close(): Promise<void>;
};

/** Creates and migrates the file with the project's own `openDatabase`, then opens a counting client on it. */
export async function migrateThenOpenCounting(path: string): Promise<CountingDb> {
  const migrated = await openDatabase(`file:${path}`);
  await migrated.$disconnect();
  return openCounting(path);
}

export async function openCounting(path: string): Promise<CountingDb> {
  const statements: Statement[] = [];
  const rawCalls: RawCall[] = [];
  let events = 0;
  const adapter = countingFactory(new PrismaBetterSQLite3({ url: `file:${path}` }), statements);
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => {
    events++;
  });
  await client.$connect();
  return {
    db: noteRawCalls(client, rawCalls) as unknown as Db,
    statements,
    rawCalls,
    queryEvents: () => events,
    reset() {
      statements.length = 0;
      rawCalls.length = 0;
      events = 0;
    },
    close: () => client.$disconnect(),
  };
}

function countingFactory(inner: SqlDriverAdapterFactory, statements: Statement[]): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => instrument(await inner.connect(), statements),
  };
}

/**
 * Wraps an adapter or a transaction. Methods are called on the real object (the adapter keeps private
 * fields, which a Proxy receiver would break).
 */
function instrument<T extends object>(target: T, statements: Statement[]): T {
  const timed = async <R>(sql: string, args: unknown[], run: () => Promise<R>): Promise<R> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      const chars = args.reduce<number>((n, a) => n + (typeof a === "string" ? a.length : 0), 0);
      statements.push({ sql, args: args.length, chars, start, end: performance.now() });
    }
  };
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => Promise<unknown>;
      switch (prop) {
        case "queryRaw":
        case "executeRaw":
          return (q: SqlQuery) => timed(q.sql, q.args, () => fn.call(t, q));
        case "executeScript":
          return (script: string) => timed(script, [], () => fn.call(t, script));
        case "startTransaction":
          return async (...args: unknown[]) => instrument((await timed("BEGIN", [], () => fn.apply(t, args))) as object, statements);
        default:
          return fn.bind(t);
      }
    },
  });
}

/** The client, noting each call of a raw-SQL method; everything else is the client's own, called on it. */
function noteRawCalls<T extends object>(client: T, rawCalls: RawCall[]): T {
  return new Proxy(client, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (typeof prop === "string" && RAW_METHODS.has(prop))
        return (...args: unknown[]) => {
          rawCalls.push({ method: prop, sql: typeof args[0] === "string" ? args[0] : String(args[0]), at: performance.now() });
          return fn.apply(t, args);
        };
      return fn.bind(t);
    },
  });
}
