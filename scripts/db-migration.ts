/**
 * Writes the next migration after editing prisma/schema.prisma, for both databases: the SQL that turns
 * the schema as it was in the commit that last changed prisma/migrations into the schema as it is now,
 * authored offline by `prisma migrate diff` — for SQLite directly, for PostgreSQL on a throwaway cluster.
 * It also re-derives prisma/postgresql/schema.prisma and regenerates both clients. Commit all of it;
 * the drift tests check the result.
 * usage: npm run db:migration -- add_entries
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCluster } from "./postgres/cluster.ts";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA, writePostgresSchema } from "./postgres/derive-schema.ts";
import { diffPostgres, POSTGRES_CONFIG } from "./postgres/migrate-diff.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (lowercase letters, digits and _)");
  process.exit(2);
}
const dir = "prisma/migrations";
const pgDir = "prisma/postgresql/migrations";
const next = `${String(readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).length + 1).padStart(4, "0")}_${name}`;
const tmp = mkdtempSync(join(tmpdir(), "als-migration-"));
const lastMigrationCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", dir], { encoding: "utf8" }).trim();
const previousSchema = execFileSync("git", ["show", `${lastMigrationCommit}:${SQLITE_SCHEMA}`], { encoding: "utf8" });
writeFileSync(join(tmp, "previous.prisma"), previousSchema);
writePostgresSchema();

const sqlite = execFileSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    join(tmp, "previous.prisma"),
    "--to-schema-datamodel",
    SQLITE_SCHEMA,
    "--script",
  ],
  {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${join(tmp, "cli.db")}` },
  },
);
const cluster = await startCluster();
let postgres: string;
try {
  postgres = diffPostgres(postgresSchema(previousSchema), POSTGRES_SCHEMA, cluster.url);
} finally {
  cluster.stop();
}
for (const [root, sql] of [
  [dir, sqlite],
  [pgDir, postgres],
] as const) {
  mkdirSync(join(root, next));
  writeFileSync(join(root, next, "migration.sql"), sql);
  console.log(`wrote ${join(root, next, "migration.sql")}`);
}
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit" });
execFileSync("npx", ["prisma", "generate", "--config", POSTGRES_CONFIG], { stdio: "inherit" });
