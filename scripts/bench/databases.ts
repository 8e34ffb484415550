/**
 * Fresh, migrated databases for the benchmarks: an SQLite file in a temporary folder, or a new database on
 * the run's throwaway PostgreSQL cluster (scripts/postgres/cluster.ts, started once per `npm run bench`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "../../src/store/open-database.ts";
import { type Cluster, findPostgresBin, startCluster } from "../postgres/cluster.ts";
import type { BenchContext } from "./types.ts";

export type Kind = "sqlite" | "postgresql";
export type BenchDatabase = { kind: Kind; url: string; drop(): Promise<void> };

/** A new, migrated, empty database of `kind`. */
export async function freshDatabase(kind: Kind, ctx: BenchContext): Promise<BenchDatabase> {
  if (kind === "postgresql") {
    if (!ctx.postgres) throw new Error("PostgreSQL is not installed here");
    const url = await ctx.postgres();
    await (await openDatabase(url)).$disconnect();
    return { kind, url, drop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "als-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  await (await openDatabase(url)).$disconnect();
  return { kind, url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The kinds this run measures: both when PostgreSQL is installed, else SQLite alone. */
export const kinds = (ctx: BenchContext): Kind[] => (ctx.postgres ? ["sqlite", "postgresql"] : ["sqlite"]);

/** Starts the run's PostgreSQL cluster, if the server binaries are installed; each call of `create` makes a database. */
export async function benchPostgres(): Promise<{ create: () => Promise<string>; cluster: Cluster } | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const cluster = await startCluster(bin);
  let n = 0;
  return {
    cluster,
    async create() {
      const name = `bench_${n++}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return Object.assign(new URL(cluster.url), { pathname: `/${name}` }).toString();
    },
  };
}
