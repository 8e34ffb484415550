import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The PostgreSQL twin of ../../prisma.config.ts: `prisma generate --config prisma/postgresql/prisma.config.ts`
// writes the PostgreSQL client. `migrate diff` through this config needs a reachable server (DATABASE_URL).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Paths here are relative to this file.
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgres://localhost/als" });
  },
});
