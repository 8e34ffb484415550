/**
 * Writes the next migration after editing prisma/schema.prisma: the SQL that turns the schema as it was
 * in the commit that last changed prisma/migrations into the schema as it is now, authored offline by
 * `prisma migrate diff`. Commit each migration with its schema; the drift test checks the result.
 * usage: npm run db:migration -- add_entries
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (lowercase letters, digits and _)");
  process.exit(2);
}
const dir = "prisma/migrations";
const next = String(readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length + 1).padStart(4, "0");
const tmp = mkdtempSync(join(tmpdir(), "als-migration-"));
const previous = join(tmp, "previous.prisma");
const lastMigrationCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", dir], { encoding: "utf8" }).trim();
writeFileSync(previous, execFileSync("git", ["show", `${lastMigrationCommit}:prisma/schema.prisma`], { encoding: "utf8" }));
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${join(tmp, "cli.db")}` } },
);
const target = join(dir, `${next}_${name}`);
mkdirSync(target);
writeFileSync(join(target, "migration.sql"), sql);
console.log(`wrote ${target}/migration.sql`);
