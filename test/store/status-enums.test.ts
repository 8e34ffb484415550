import assert from "node:assert/strict";
import { test } from "vitest";
import { STATUS_TEXT } from "../../src/domain/draft-text.ts";
import { LIFECYCLES } from "../../src/domain/lifecycle.ts";
import { ActionStatus, MeetingStatus, OutboxStatus, SlotStatus } from "../../src/store/generated/enums.ts";
import * as pg from "../../src/store/generated-pg/enums.ts";

// The status columns are Prisma enums; the domain's lifecycles name the same values, so neither can gain a status
// the other does not know.
const values = (e: Record<string, string>) => Object.values(e).sort();

test("each status enum holds exactly the states of its lifecycle, in both generated clients", async () => {
  assert.deepEqual(values(MeetingStatus), Object.keys(LIFECYCLES.meeting).sort());
  assert.deepEqual(values(SlotStatus), Object.keys(LIFECYCLES.slot).sort());
  assert.deepEqual(values(OutboxStatus), Object.keys(LIFECYCLES.nudge).sort());
  assert.deepEqual(values(ActionStatus), Object.keys(STATUS_TEXT).sort());
  for (const name of ["Role", "MeetingStatus", "SlotStatus", "ActionStatus", "OutboxStatus"] as const)
    assert.deepEqual(values(pg[name]), values((await import("../../src/store/generated/enums.ts"))[name]), name);
});
