import assert from "node:assert/strict";
import { test } from "vitest";
import { canMove, LIFECYCLES } from "../../src/domain/set/lifecycle.ts";

test("a meeting is closed or cancelled only while scheduled, and never reopened", () => {
  assert.ok(canMove("meeting", "scheduled", "closed"));
  assert.ok(canMove("meeting", "scheduled", "cancelled"));
  assert.ok(!canMove("meeting", "closed", "scheduled"));
  assert.ok(!canMove("meeting", "cancelled", "closed"));
});

test("a reminder is sent only from sending, and sent, failed and skipped are final", () => {
  assert.ok(canMove("nudge", "pending", "sending"));
  assert.ok(canMove("nudge", "sending", "sent"));
  assert.ok(canMove("nudge", "sending", "pending"), "a failed try goes back to wait for its retry");
  assert.ok(!canMove("nudge", "pending", "sent"), "nothing is marked sent without being claimed");
  for (const final of ["sent", "failed", "skipped"] as const) assert.deepEqual(LIFECYCLES.nudge[final], []);
});

test("every target status is itself a status of its lifecycle", () => {
  for (const [name, table] of Object.entries(LIFECYCLES)) {
    for (const targets of Object.values(table)) for (const t of targets as readonly string[]) assert.ok(t in table, `${name}: ${t}`);
  }
});
