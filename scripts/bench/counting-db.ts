/**
 * The project's own database client (`openDatabase`, SQLite or PostgreSQL) with its driver adapter wrapped so
 * that every SQL statement it sends is recorded with its start and end time: a run can be split into phases
 * and its statements counted. A transaction's BEGIN counts as one statement.
 */
import { performance } from "node:perf_hooks";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { type Database, openDatabase } from "../../src/store/open-database.ts";

type Adapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
type SqlQuery = Parameters<Adapter["queryRaw"]>[0];

/** One statement as the adapter ran it: how many values were bound, its start and end. */
export type Statement = { sql: string; args: number; start: number; end: number };

export type CountingDb = {
  db: Database;
  /** Every statement the adapter ran since the last reset, in order. */
  statements: Statement[];
  reset(): void;
  close(): Promise<void>;
};

/** Opens (and migrates) the database at `url`, counting its statements from the start. */
export async function openCounting(url: string): Promise<CountingDb> {
  const statements: Statement[] = [];
  const db = await openDatabase(url, {
    wrapAdapter: (inner) => ({
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => instrument(await inner.connect(), statements),
    }),
  });
  return {
    db,
    statements,
    reset() {
      statements.length = 0;
    },
    close: () => db.$disconnect(),
  };
}

/**
 * Wraps an adapter or a transaction. Methods are called on the real object (the adapter keeps private
 * fields, which a Proxy receiver would break).
 */
function instrument<T extends object>(target: T, statements: Statement[]): T {
  const timed = async <R>(sql: string, args: number, run: () => Promise<R>): Promise<R> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      statements.push({ sql, args, start, end: performance.now() });
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
          return (q: SqlQuery) => timed(q.sql, q.args.length, () => fn.call(t, q));
        case "executeScript":
          return (script: string) => timed(script, 0, () => fn.call(t, script));
        case "startTransaction":
          return async (...args: unknown[]) => instrument((await timed("BEGIN", 0, () => fn.apply(t, args))) as object, statements);
        default:
          return fn.bind(t);
      }
    },
  });
}
