/** The ids the scheduler gives the outbox rows it plans (src/scheduler/ordered-id.ts). */
import assert from "node:assert/strict";
import { test } from "vitest";
import { orderedId } from "../../src/scheduler/ordered-id.ts";

test("outbox ids are UUIDv7: ids made in later milliseconds sort after earlier ones, and none repeats", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ids.push(orderedId());
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual([...ids].sort(), ids);
  // More ids than the random pool holds at once (256), in the same few milliseconds: all different.
  assert.equal(new Set(Array.from({ length: 2_000 }, orderedId)).size, 2_000);
});
