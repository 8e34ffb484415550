import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const POSTGRES_CONFIG = "prisma/postgresql/prisma.config.ts";

/**
 * The SQL that turns PostgreSQL schema `from` (schema text; null = empty database) into the schema file
 * `to`, from `prisma migrate diff`. The JS engine needs a reachable server even for a datamodel diff.
 */
export function diffPostgres(from: string | null, to: string, serverUrl: string): string {
  const tmp = mkdtempSync(join(tmpdir(), "als-pg-diff-"));
  try {
    const source = from === null ? ["--from-empty"] : ["--from-schema-datamodel", join(tmp, "from.prisma")];
    if (from !== null) writeFileSync(join(tmp, "from.prisma"), from);
    return execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--config", POSTGRES_CONFIG, ...source, "--to-schema-datamodel", to, "--script"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: serverUrl },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
