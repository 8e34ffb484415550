import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { DateTime } from "luxon";
import pg from "pg";
import { isIanaZone } from "../domain/time/iana-zone.ts";

/** The project's migration SQL for each database, authored offline with `prisma migrate diff` (docs/architecture.md, "Changing the schema"). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/postgresql/migrations", import.meta.url));

export type Migration = { name: string; sql: string };

/** Every migration folder under prisma/migrations, in name order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}/${name}/migration.sql`, "utf8") }));
}

/** A stored DateTime as SQLite holds it: the adapter's ISO text with an offset, a SQL timestamp, or milliseconds. */
function storedInstant(value: unknown): DateTime | null {
  if (typeof value === "number" || typeof value === "bigint") return DateTime.fromMillis(Number(value), { zone: "utc" });
  if (typeof value !== "string") return null;
  const iso = DateTime.fromISO(value, { zone: "utc" });
  return iso.isValid ? iso : DateTime.fromSQL(value, { zone: "utc" });
}

/**
 * The SQL functions the SQLite migrations may call, because SQLite knows no time zones (PostgreSQL's migrations use
 * AT TIME ZONE instead):
 * - `als_known_zone(zone)`: the zone if it is a known IANA zone, else 'UTC';
 * - `als_local_time(instant, zone)`: a stored DateTime's wall-clock time in that zone, "YYYY-MM-DD HH:MM:SS.SSS"
 *   (NULL for NULL; an unknown zone reads as UTC).
 */
function registerMigrationFunctions(db: Database.Database): void {
  const known = (zone: unknown) => (typeof zone === "string" && isIanaZone(zone) ? zone : "UTC");
  db.function("als_known_zone", { deterministic: true }, known);
  db.function("als_local_time", { deterministic: true }, (instant: unknown, zone: unknown) => {
    const t = storedInstant(instant);
    return t?.isValid ? t.setZone(known(zone)).toFormat("yyyy-MM-dd HH:mm:ss.SSS") : null;
  });
}

/**
 * Applies the migrations not yet recorded in `_als_migrations`, each in its own IMMEDIATE
 * transaction (which takes SQLite's write lock, so two processes starting at once apply each once).
 * Foreign keys are off while migrating, because Prisma's table rebuilds (create new, copy, drop old)
 * would otherwise cascade the drop into every referencing table; they are checked before each commit.
 * Returns the names applied.
 */
export function migrateSqlite(db: Database.Database, migrations = loadMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS "_als_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
  const isApplied = db.prepare(`SELECT 1 FROM "_als_migrations" WHERE "name" = ?`);
  const record = db.prepare(`INSERT INTO "_als_migrations" ("name", "appliedAt") VALUES (?, ?)`);
  const applied: string[] = [];
  registerMigrationFunctions(db);
  db.pragma("foreign_keys = OFF");
  try {
    for (const m of migrations) {
      db.transaction(() => {
        if (isApplied.get(m.name)) return;
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.name} leaves ${broken.length} rows with broken foreign keys`);
        record.run(m.name, new Date().toISOString());
        applied.push(m.name);
      }).immediate();
    }
  } finally {
    db.pragma("foreign_keys = ON");
  }
  return applied;
}

/** Any number, the same in every process: the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 0x41_4c_53_4d; // "ALSM"

/**
 * The PostgreSQL twin of `migrateSqlite`: pending migrations, each in its own transaction, under an
 * advisory lock so that several processes starting at once apply each migration once.
 * (`prisma migrate deploy` through the JS engine cannot read PostgreSQL's catalogue: see docs/architecture.md, "Migrations".)
 */
export async function migratePostgres(url: string, migrations = loadMigrations(POSTGRES_MIGRATIONS_DIR)): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_als_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    const done = new Set((await client.query<{ name: string }>(`SELECT "name" FROM "_als_migrations"`)).rows.map((r) => r.name));
    for (const m of migrations.filter((m) => !done.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_als_migrations" ("name", "appliedAt") VALUES ($1, now())`, [m.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      applied.push(m.name);
    }
  } finally {
    await client.end(); // ends the session, which releases the advisory lock
  }
  return applied;
}
