import { defineConfig } from "vitest/config";

/**
 * One config for both lanes: scripts/test.ts runs it on SQLite, then again with ALS_TEST_POSTGRES_URL set
 * for the integration and PostgreSQL-only files. Files run in separate processes, two at a time (two cores).
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    // One migrated template database per run, copied for each test (test/support/test-database.ts).
    globalSetup: ["test/support/template-databases.ts"],
    // Scenario tests replay months of a programme or start real processes: minutes, not the default 5 s.
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
