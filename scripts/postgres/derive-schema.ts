/**
 * prisma/schema.prisma (SQLite) is the one source of truth for the data model. The PostgreSQL schema is
 * derived from it: the same models with another datasource provider and another generated client.
 */
import { readFileSync, writeFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:migration`: edit that file, not this one.\n" +
  "// Its datasource url is a placeholder: the app connects through the pg adapter with DATABASE_URL.\n";

export function postgresSchema(sqlite: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`prisma/schema.prisma no longer matches ${from}: update scripts/postgres/derive-schema.ts`);
    return text.replace(from, to);
  };
  let schema = replace(sqlite, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replace(schema, /url(\s*)= "file:[^"]*"/, 'url$1= "postgresql://localhost/als"');
  schema = replace(schema, /output(\s*)= "\.\.\/src\/store\/generated"/, 'output$1= "../../src/store/generated-pg"');
  return HEADER + schema;
}

/** Rewrites prisma/postgresql/schema.prisma from prisma/schema.prisma; true when it changed. */
export function writePostgresSchema(): boolean {
  const next = postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
  const changed = readFileSync(POSTGRES_SCHEMA, "utf8") !== next;
  if (changed) writeFileSync(POSTGRES_SCHEMA, next);
  return changed;
}
