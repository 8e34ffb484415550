/**
 * Statements sent to the driver adapter directly, past Prisma's client, for the few whose parameters are large (a
 * batch of outbox rows as one JSON text): the client copies every request, parameters included, into its query
 * compiler and the plan back out, which costs time in proportion to the bytes (docs/scaling.md, "A busy minute").
 * Only an open database has its adapter here; a transaction's client has none, and its statements go through Prisma.
 * Prisma's query events (`OpenOptions.onQuery`) do not see these statements; an adapter wrapper (`wrapAdapter`) does.
 */
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import type { Prisma } from "./generated/client.ts";

/** The database engines the store runs on. */
export type Provider = "sqlite" | "postgresql";

type Adapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;

/** The connected adapter of each open database, as `withDirectStatements` saw it connect (the latest connection). */
const adapters = new WeakMap<object, { current?: Adapter }>();

/**
 * The factory `inner`, remembering the adapter it connects: `attach` then ties it to the client built on it. The
 * adapter is the one the client uses (wrappers included), so a statement sent here queues and is counted as the
 * client's own are.
 */
export function withDirectStatements(inner: SqlDriverAdapterFactory): { factory: SqlDriverAdapterFactory; attach(db: object): void } {
  const slot: { current?: Adapter } = {};
  return {
    factory: {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => {
        slot.current = await inner.connect();
        return slot.current;
      },
    },
    attach: (db) => void adapters.set(db, slot),
  };
}

/**
 * Runs `query` (text parameters only) on `db`'s adapter and returns its rows, each an array of the selected columns in
 * order, as the driver gives them; null when `db` has no adapter here (a transaction): the caller runs it through Prisma.
 */
export async function directRows(db: object, provider: Provider, query: Prisma.Sql): Promise<unknown[][] | null> {
  const adapter = adapters.get(db)?.current;
  if (!adapter) return null;
  const args = query.values;
  if (!args.every((v) => typeof v === "string" || v === null)) throw new Error("directRows takes text parameters only");
  const result = await adapter.queryRaw({
    sql: provider === "postgresql" ? query.text : query.sql,
    args,
    argTypes: args.map(() => ({ scalarType: "string", arity: "scalar" })),
  });
  return result.rows;
}
