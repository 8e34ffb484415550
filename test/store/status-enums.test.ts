import assert from "node:assert/strict";
import { test } from "vitest";
import { STATUS_TEXT } from "../../src/domain/draft-text.ts";
import { LIFECYCLES } from "../../src/domain/lifecycle.ts";
import * as sqlite from "../../src/store/generated/enums.ts";
import * as pg from "../../src/store/generated-pg/enums.ts";

// The status columns are Prisma enums; the domain's lifecycles name the same values, so neither can gain a status
// the other does not know.
const values = (e: Record<string, string>) => Object.values(e).sort();

test("each status enum holds exactly the states of its lifecycle", () => {
  assert.deepEqual(values(sqlite.MeetingStatus), Object.keys(LIFECYCLES.meeting).sort());
  assert.deepEqual(values(sqlite.SlotStatus), Object.keys(LIFECYCLES.slot).sort());
  assert.deepEqual(values(sqlite.OutboxStatus), Object.keys(LIFECYCLES.nudge).sort());
  assert.deepEqual(values(sqlite.ActionStatus), Object.keys(STATUS_TEXT).sort());
  assert.deepEqual(values(sqlite.Role), ["advisor", "member"]);
});

test("the PostgreSQL client has the same enums as the SQLite one", () => {
  assert.deepEqual(
    [pg.Role, pg.MeetingStatus, pg.SlotStatus, pg.ActionStatus, pg.OutboxStatus].map(values),
    [sqlite.Role, sqlite.MeetingStatus, sqlite.SlotStatus, sqlite.ActionStatus, sqlite.OutboxStatus].map(values),
  );
});
