import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { fullReplanSchedule } from "../../src/scheduler/full-replan.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { createHarness, type Harness } from "../support/harness.ts";

/**
 * Issue 24, item 6: the full re-plan is spread over ticks, a slice of sets at a time, and a reminder that fell due
 * while its set waited for its slice is planned all the same.
 */
describe("the full re-plan in slices: every set reached over a few ticks, nothing missed", () => {
  let h: Harness;
  const SETS = 5;
  beforeAll(async () => {
    h = await createHarness();
    const script = ["clock 2027-01-04T09:00Z"];
    for (let i = 1; i <= SETS; i++)
      script.push(
        `in #s${i}`,
        "as Sam",
        `/set create name:"Set ${i}"`,
        "/set add member:@Ana",
        '/meeting schedule when:"2027-01-12 10:00"',
      );
    script.push("clock 2027-01-12T12:05Z");
    for (let i = 1; i <= SETS; i++) script.push(`in #s${i}`, "as Sam", "/meeting close");
    await h.run(script.join("\n"));
    // Every moment kept wrong (a write that forgot to mark): the due ticks pass every set by.
    await h.db.learningSet.updateMany({ data: { nextDueAt: new Date("2027-12-31T00:00Z") } });
  });
  afterAll(() => h.close());

  test("two sets a tick: the two-hour DMs (the presenter's log-problem) of all five are planned by the third tick, after they fell due", async () => {
    const deps = { ...h.deps, scope: { platforms: ["console"] } };
    const scopeOf = fullReplanSchedule(h.db, 2);
    const asked = async () =>
      new Set((await h.db.outbox.findMany({ where: { kind: { in: ["log-action", "log-problem"] } } })).map((r) => r.setId)).size;
    const reached: number[] = [];
    for (const iso of ["2027-01-12T14:10:00Z", "2027-01-12T14:11:00Z", "2027-01-12T14:12:00Z"]) {
      const now = new Date(iso);
      h.clock.set(now);
      const scope = await scopeOf(now);
      assert.equal(typeof scope, "object", `a slice of the sweep at ${iso}`);
      await runTick(deps, h.chat, now, scope);
      reached.push(await asked());
    }
    assert.deepEqual(reached, [2, 4, 5], "two sets a tick, each set once");
    assert.equal(await scopeOf(new Date("2027-01-12T14:13:00Z")), "due", "the sweep is over");
    const rows = await h.db.outbox.findMany({ where: { kind: { in: ["log-action", "log-problem"] } } });
    assert.equal(rows.length, SETS);
    assert.ok(rows.every((r) => r.sendAt.toISOString() === "2027-01-12T14:05:00.000Z" && r.status !== "skipped"));
    assert.ok(
      (await h.db.learningSet.findMany()).every((s) => s.nextDueAt && s.nextDueAt < new Date("2027-02-01T00:00Z")),
      "every moment put right",
    );
  });
});
