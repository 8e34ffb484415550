/**
 * `npm run db:backup [-- PATH]`: an online backup of the embedded SQLite database (consistent while the bot
 * runs), to PATH or ./data/backups/als-TIMESTAMP.db. On PostgreSQL it says how to use pg_dump instead.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config.ts";
import { isPostgresUrl, sqlitePath } from "../src/store/open-database.ts";

const config = loadConfig();
if (isPostgresUrl(config.DATABASE_URL)) {
  const safeUrl = config.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  console.log(`DATABASE_URL is PostgreSQL (${safeUrl}): back it up with PostgreSQL's own tool, which is consistent while the bot runs:
  pg_dump --format=custom --file=als-$(date +%Y%m%d).dump "$DATABASE_URL"
and restore into an empty database with:
  pg_restore --dbname="$NEW_DATABASE_URL" als-YYYYMMDD.dump`);
  process.exit(0);
}
const source = sqlitePath(config.DATABASE_URL);
const target =
  process.argv.slice(2).find((a) => a !== "--") ?? join("data", "backups", `als-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
mkdirSync(dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
try {
  await db.backup(target);
  console.log(`Backed up ${source} to ${target}`);
} finally {
  db.close();
}
