import { loadMigrations, MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from "./migrate.ts";
import { type Db, providerOf } from "./open-database.ts";

/**
 * What is wrong with the database, for the readiness check: empty when it answers and every migration
 * this version ships is recorded as applied; otherwise one sentence per problem (the error's first line
 * when it does not answer, the names of the migrations missing). Two small queries.
 */
export async function databaseProblems(db: Db): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "_als_migrations"`;
    applied = new Set(rows.map((r) => r.name));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [`does not answer: ${message.trim().split("\n").at(-1)}`];
  }
  const missing = shipped(db).filter((name) => !applied.has(name));
  return missing.length ? [`migrations not applied: ${missing.join(", ")}`] : [];
}

const shippedByProvider = new Map<string, string[]>();

/** The migration names this version ships for the database's provider (read from disk once). */
function shipped(db: Db): string[] {
  const provider = providerOf(db);
  let names = shippedByProvider.get(provider);
  if (!names) {
    names = loadMigrations(provider === "postgresql" ? POSTGRES_MIGRATIONS_DIR : MIGRATIONS_DIR).map((m) => m.name);
    shippedByProvider.set(provider, names);
  }
  return names;
}
