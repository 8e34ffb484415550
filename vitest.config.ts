import { defineConfig } from "vitest/config";

/**
 * One config for every lane: scripts/test.ts runs it on SQLite, then again with ALS_TEST_POSTGRES_URL set
 * for the integration and PostgreSQL-only files, each time the files that start processes apart from the rest.
 * Files run in separate processes, two at a time (two cores).
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    // One migrated template database per run, copied for each test (test/support/test-database.ts).
    globalSetup: ["test/support/template-databases.ts"],
    // Long enough for any ordinary test on a busy machine, short enough to catch a hung one. The few that replay
    // months of a programme or start real processes give their own limit (the third argument of `test`).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
