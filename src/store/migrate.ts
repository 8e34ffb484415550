import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

/** The project's migration SQL, authored offline with `prisma migrate diff` (see README). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type Migration = { name: string; sql: string };

/** Every migration folder under prisma/migrations, in name order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}/${name}/migration.sql`, "utf8") }));
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
