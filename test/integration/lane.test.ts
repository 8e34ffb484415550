import assert from "node:assert/strict";
import { test } from "vitest";
import { providerOf } from "../../src/store/open-database.ts";
import { createHarness } from "../support/harness.ts";
import { testProvider } from "../support/test-database.ts";

test(`the integration suite runs on ${testProvider} in this lane`, async () => {
  const h = await createHarness();
  try {
    assert.equal(providerOf(h.db), testProvider);
    const [row] = await h.db.$queryRawUnsafe<{ v: string }[]>(
      testProvider === "postgresql" ? "SELECT version() AS v" : "SELECT sqlite_version() AS v",
    );
    assert.match(row!.v, testProvider === "postgresql" ? /^PostgreSQL \d+/ : /^3\.\d+/);
  } finally {
    await h.close();
  }
});
