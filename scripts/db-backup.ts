/**
 * `npm run db:backup [-- PATH]`: an online backup of the embedded SQLite database (consistent while the bot
 * runs), to PATH or ./data/backups/als-TIMESTAMP.db.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config.ts";
import { sqlitePath } from "../src/store/open-database.ts";

const config = loadConfig();
const source = sqlitePath(config.DATABASE_URL);
const target = process.argv.slice(2).find((a) => a !== "--") ?? join("data", "backups", `als-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
mkdirSync(dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(target);
  console.log(`Backed up ${source} to ${target}`);
} finally {
  db.close();
}
