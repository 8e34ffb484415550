import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";

type Adapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;

/** A statement that takes SQLite's write lock and changes nothing (the table exists once migrations have run). */
const TAKE_WRITE_LOCK = `UPDATE "_als_migrations" SET "name" = "name" WHERE 0`;

/** A first-come, first-served lock: `acquire` resolves with the function that releases it. */
class Gate {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return turn;
  }
}

/**
 * The better-sqlite3 adapter with its one connection shared safely. The adapter serialises transactions among
 * themselves, but a statement sent outside any transaction runs on the connection straight away — inside whatever
 * transaction is open there, committed or rolled back with it. Wrapped, such a statement waits until the open
 * transaction has ended, and a transaction waits for the statement running: a command's transaction
 * (src/app/dispatch.ts) then holds only its own statements, and a scheduler tick running meanwhile is never rolled
 * back with a command that failed.
 */
export function serialisedSqlite(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => serialise(await inner.connect(), new Gate()),
  };
}

/** Methods are called on the real objects: the adapter keeps private fields, which a Proxy receiver would break. */
function serialise(adapter: Adapter, gate: Gate): Adapter {
  const alone = async <R>(run: () => Promise<R>): Promise<R> => {
    const release = await gate.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const fn = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      switch (prop) {
        case "queryRaw":
        case "executeRaw":
        case "executeScript":
          return (...args: unknown[]) => alone(() => fn(...args));
        case "startTransaction":
          return async (...args: unknown[]) => {
            const release = await gate.acquire();
            try {
              const transaction = (await fn(...args)) as { executeRaw: (q: object) => Promise<number> };
              // The adapter's BEGIN is deferred: a transaction that read first and then writes while another
              // connection (a backup, a tool) writes fails at once with "database is locked", busy timeout or not.
              // A write that changes nothing takes the write lock now, waiting up to the busy timeout, as BEGIN
              // IMMEDIATE would (docs/architecture.md, "Two Prisma clients, one store").
              await transaction.executeRaw({ sql: TAKE_WRITE_LOCK, args: [], argTypes: [] });
              return holdUntilEnd(transaction, release);
            } catch (error) {
              release();
              throw error;
            }
          };
        default:
          return fn;
      }
    },
  });
}

/** A transaction that keeps the gate until Prisma commits or rolls it back (also after a timeout). */
function holdUntilEnd<T extends object>(transaction: T, release: () => void): T {
  let held = true;
  const end = () => {
    if (held) release();
    held = false;
  };
  return new Proxy(transaction, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const fn = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      if (prop !== "commit" && prop !== "rollback") return fn;
      return async (...args: unknown[]) => {
        try {
          return await fn(...args);
        } finally {
          end();
        }
      };
    },
  });
}
