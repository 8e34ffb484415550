import assert from "node:assert/strict";
import fc from "fast-check";
import { test } from "vitest";
import {
  fairOrder,
  type MeetingPlan,
  type MeetingToPlan,
  planMeeting,
  presentersPerMeeting,
  projectRotation,
  type RotationMember,
  rotationUnits,
  swapTurns,
  type Turn,
} from "../../src/domain/set/rotation.ts";

const solo = (personId: string, order: number): RotationMember => ({ personId, order, pairLabel: null });
const paired = (personId: string, order: number, pairLabel: string): RotationMember => ({ personId, order, pairLabel });
const turn = (personId: string, iso: string): Turn => ({ personId, at: new Date(iso) });
const meeting = (meetingId: string, iso: string, capacity: number, extra: Partial<MeetingToPlan> = {}): MeetingToPlan => ({
  meetingId,
  at: new Date(iso),
  capacity,
  fixed: [],
  unavailable: new Set(),
  ...extra,
});

// Ann, Bob, Cat, Dev, Eve joined in that order.
const five = ["ann", "bob", "cat", "dev", "eve"].map((id, i) => solo(id, i));

test("presenters per meeting: (meeting − allowance) / slot, rounded down, never negative", () => {
  assert.equal(presentersPerMeeting(120, 30, 30), 3);
  assert.equal(presentersPerMeeting(60, 30, 0), 2);
  assert.equal(presentersPerMeeting(60, 30, 30), 1);
  assert.equal(presentersPerMeeting(20, 30, 0), 0);
  assert.equal(presentersPerMeeting(20, 30, 30), 0);
  assert.equal(presentersPerMeeting(100, 30, 0), 3);
  assert.equal(presentersPerMeeting(120, 0, 0), 0);
});

test("members with the same pair label form one unit, ordered by join order", () => {
  const units = rotationUnits([solo("ann", 0), paired("mgr", 3, "ward"), solo("bob", 1), paired("doc", 2, "ward")]);
  assert.deepEqual(units, [
    { key: "ann", personIds: ["ann"], order: 0 },
    { key: "bob", personIds: ["bob"], order: 1 },
    { key: "pair:ward", personIds: ["doc", "mgr"], order: 2 },
  ]);
});

test("fair order: fewest turns first, then longest since the last turn, then join order", () => {
  const units = rotationUnits(five);
  const turns = [
    turn("ann", "2027-01-12T10:00:00Z"),
    turn("ann", "2027-02-09T10:00:00Z"),
    turn("bob", "2027-02-09T10:00:00Z"),
    turn("cat", "2027-01-12T10:00:00Z"),
  ];
  // dev and eve never presented (never = longest ago), by join order; then cat (older) before bob; ann has two.
  assert.deepEqual(
    fairOrder(units, turns).map((u) => u.key),
    ["dev", "eve", "cat", "bob", "ann"],
  );
});

test("a pair counts its least-served partner's turns and its partners' most recent turn", () => {
  const units = rotationUnits([solo("ann", 0), paired("mgr", 1, "ward"), paired("doc", 2, "ward"), solo("bob", 3)]);
  const turns = [
    turn("ann", "2027-01-12T10:00:00Z"),
    turn("bob", "2027-01-26T10:00:00Z"),
    turn("mgr", "2027-01-12T10:00:00Z"),
    turn("mgr", "2027-01-26T10:00:00Z"),
    turn("doc", "2027-02-09T10:00:00Z"),
  ];
  // every unit has one turn (the pair: min(2, 1)); the pair's last is 02-09, the most recent.
  assert.deepEqual(
    fairOrder(units, turns).map((u) => u.key),
    ["ann", "bob", "pair:ward"],
  );
});

test("the first meeting takes presenters in join order, up to capacity", () => {
  const plan = planMeeting(five, [], meeting("m1", "2027-01-12T10:00:00Z", 3));
  assert.deepEqual(plan, { meetingId: "m1", groups: [["ann"], ["bob"], ["cat"]] });
});

test("a pair presents together and takes one slot", () => {
  const members = [paired("mgr", 0, "ward"), paired("doc", 1, "ward"), solo("ann", 2), solo("bob", 3)];
  const plan = planMeeting(members, [], meeting("m1", "2027-01-12T10:00:00Z", 2));
  assert.deepEqual(plan.groups, [["mgr", "doc"], ["ann"]]);
});

test("a pair with one partner away presents with the available partner only", () => {
  const members = [paired("mgr", 0, "ward"), paired("doc", 1, "ward"), solo("ann", 2)];
  const plan = planMeeting(members, [], meeting("m1", "2027-01-12T10:00:00Z", 1, { unavailable: new Set(["doc"]) }));
  assert.deepEqual(plan.groups, [["mgr"]]);
});

test("a member who is away is owed the next turn", () => {
  const plans = projectRotation(
    five,
    [],
    [
      meeting("m1", "2027-01-12T10:00:00Z", 2, { unavailable: new Set(["ann"]) }),
      meeting("m2", "2027-01-26T10:00:00Z", 2),
      meeting("m3", "2027-02-09T10:00:00Z", 2),
    ],
  );
  assert.deepEqual(
    plans.map((p) => p.groups),
    [
      [["bob"], ["cat"]],
      [["ann"], ["dev"]],
      [["eve"], ["bob"]],
    ],
  );
});

test("a member who RSVP'd no or skipped is not scheduled and is first in line at the next meeting they can attend", () => {
  const turns = [turn("ann", "2027-01-12T10:00:00Z"), turn("bob", "2027-01-12T10:00:00Z"), turn("cat", "2027-01-12T10:00:00Z")];
  const plans = projectRotation(five, turns, [
    meeting("m2", "2027-01-26T10:00:00Z", 2, { unavailable: new Set(["dev"]) }), // dev RSVP'd no
    meeting("m3", "2027-02-09T10:00:00Z", 2, { unavailable: new Set(["eve"]) }), // eve skipped
    meeting("m4", "2027-02-23T10:00:00Z", 2),
  ]);
  assert.deepEqual(
    plans.map((p) => p.groups),
    [
      [["eve"], ["ann"]],
      [["dev"], ["bob"]],
      [["cat"], ["eve"]],
    ],
  );
});

test("announced slots are kept when someone new joins", () => {
  const announced = meeting("m2", "2027-01-26T10:00:00Z", 3, { fixed: [["dev"], ["eve"]] });
  const turns = [turn("ann", "2027-01-12T10:00:00Z"), turn("bob", "2027-01-12T10:00:00Z"), turn("cat", "2027-01-12T10:00:00Z")];
  const before = planMeeting(five, turns, announced);
  const withNewcomer = planMeeting([...five, solo("fay", 5)], turns, announced);
  assert.deepEqual(before.groups, [["dev"], ["eve"], ["ann"]]);
  // The newcomer has never presented and takes the free slot, but the announced ones stay put.
  assert.deepEqual(withNewcomer.groups, [["dev"], ["eve"], ["fay"]]);
});

test("announced groups are kept even beyond capacity, and nobody else is added", () => {
  const plan = planMeeting(five, [], meeting("m1", "2027-01-12T10:00:00Z", 1, { fixed: [["bob"], ["cat", "dev"]] }));
  assert.deepEqual(plan.groups, [["bob"], ["cat", "dev"]]);
});

test("a member already in an announced group is not given a second slot, nor is their pair", () => {
  const members = [paired("mgr", 0, "ward"), paired("doc", 1, "ward"), solo("ann", 2), solo("bob", 3)];
  const plan = planMeeting(members, [], meeting("m1", "2027-01-12T10:00:00Z", 3, { fixed: [["mgr"]] }));
  assert.deepEqual(plan.groups, [["mgr"], ["ann"], ["bob"]]);
});

test("a meeting with no room schedules nobody", () => {
  assert.deepEqual(planMeeting(five, [], meeting("m1", "2027-01-12T10:00:00Z", 0)).groups, []);
});

test("swap: each takes the other's first upcoming turn and both meetings change", () => {
  const plans: MeetingPlan[] = [
    { meetingId: "m1", groups: [["ann"], ["bob"]] },
    { meetingId: "m2", groups: [["cat"], ["dev", "eve"]] },
    { meetingId: "m3", groups: [["ann"], ["eve"]] },
  ];
  const result = swapTurns(plans, "ann", "eve");
  assert.deepEqual(result, {
    ok: true,
    changed: ["m1", "m2"],
    plans: [
      { meetingId: "m1", groups: [["dev", "eve"], ["bob"]] },
      { meetingId: "m2", groups: [["cat"], ["ann"]] },
      { meetingId: "m3", groups: [["ann"], ["eve"]] },
    ],
  });
  assert.deepEqual(plans[0]!.groups, [["ann"], ["bob"]], "the input is not changed");
});

test("swap refuses when either is not scheduled or both present at the same meeting", () => {
  const plans: MeetingPlan[] = [
    { meetingId: "m1", groups: [["ann"], ["bob"]] },
    { meetingId: "m2", groups: [["cat"]] },
  ];
  assert.deepEqual(swapTurns(plans, "eve", "ann"), { ok: false, reason: "a-not-scheduled" });
  assert.deepEqual(swapTurns(plans, "ann", "eve"), { ok: false, reason: "b-not-scheduled" });
  assert.deepEqual(swapTurns(plans, "ann", "bob"), { ok: false, reason: "same-meeting" });
  assert.deepEqual(swapTurns(plans, "ann", "ann"), { ok: false, reason: "same-meeting" });
});

// ---- properties ----

const START = Date.UTC(2027, 0, 12, 10);
const FORTNIGHT = 14 * 86_400_000;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);
const counts = (plans: MeetingPlan[]) => {
  const c = new Map<string, number>();
  for (const p of plans) for (const g of p.groups) for (const id of g) c.set(id, (c.get(id) ?? 0) + 1);
  return c;
};
const sortedPresenters = (plans: MeetingPlan[]) => plans.flatMap((p) => p.groups.flat()).sort();

test("property: with everyone available, after every meeting presentation counts differ by at most one", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 4, max: 8 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 30 }),
      (n, capacities) => {
        const members = ids(n).map((id, i) => solo(id, i));
        const meetings = capacities.map((cap, i) => meeting(`m${i}`, new Date(START + i * FORTNIGHT).toISOString(), cap));
        const plans = projectRotation(members, [], meetings);
        for (let k = 1; k <= plans.length; k++) {
          const c = counts(plans.slice(0, k));
          const values = members.map((m) => c.get(m.personId) ?? 0);
          assert.ok(Math.max(...values) - Math.min(...values) <= 1, `after meeting ${k}: ${values.join(",")}`);
          assert.equal(plans[k - 1]!.groups.length, capacities[k - 1]);
        }
      },
    ),
  );
});

/** Random members (some paired) and meetings with random capacity and unavailability. */
const scenario = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    pairCount: fc.integer({ min: 0, max: 2 }),
    meetingCount: fc.integer({ min: 1, max: 12 }),
  })
  .chain(({ n, pairCount, meetingCount }) =>
    fc.record({
      members: fc.constant(ids(n).map((id, i) => (i < pairCount * 2 ? paired(id, i, `pair${Math.floor(i / 2)}`) : solo(id, i)))),
      meetings: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 4 }),
          unavailable: fc.subarray(ids(n)),
        }),
        { minLength: meetingCount, maxLength: meetingCount },
      ),
    }),
  )
  .map(({ members, meetings }) => ({
    members,
    meetings: meetings.map((m, i) =>
      meeting(`m${i}`, new Date(START + i * FORTNIGHT).toISOString(), m.capacity, { unavailable: new Set(m.unavailable) }),
    ),
  }));

test("property: nobody unavailable at a meeting is ever scheduled at it", () => {
  fc.assert(
    fc.property(scenario, ({ members, meetings }) => {
      const plans = projectRotation(members, [], meetings);
      plans.forEach((plan, i) => {
        const m = meetings[i]!;
        assert.equal(plan.meetingId, m.meetingId);
        assert.ok(plan.groups.length <= m.capacity);
        const presenters = plan.groups.flat();
        assert.equal(new Set(presenters).size, presenters.length, "nobody presents twice at one meeting");
        for (const id of presenters) assert.ok(!m.unavailable.has(id), `${id} is unavailable at ${m.meetingId}`);
        for (const g of plan.groups) assert.ok(g.length > 0);
      });
    }),
  );
});

test("property: announced (fixed) groups are always kept, first and unchanged", () => {
  const withFixed = fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc.record({
      members: fc.constant(ids(n).map((id, i) => (i < 2 ? paired(id, i, "duo") : solo(id, i)))),
      capacity: fc.integer({ min: 0, max: 5 }),
      announced: fc.shuffledSubarray(ids(n)),
      sizes: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 10, maxLength: 10 }),
      unavailable: fc.subarray(ids(n)),
      turns: fc.array(fc.record({ who: fc.integer({ min: 0, max: n - 1 }), week: fc.integer({ min: 0, max: 20 }) })),
    }),
  );
  fc.assert(
    fc.property(withFixed, ({ members, capacity, announced, sizes, unavailable, turns }) => {
      const fixed: string[][] = [];
      let rest = announced;
      for (const size of sizes) {
        if (rest.length === 0) break;
        fixed.push(rest.slice(0, size));
        rest = rest.slice(size);
      }
      const pastTurns = turns.map((t) => ({ personId: `p${t.who}`, at: new Date(START - (t.week + 1) * 7 * 86_400_000) }));
      const m = meeting("m", new Date(START).toISOString(), capacity, { fixed, unavailable: new Set(unavailable) });
      const plan = planMeeting(members, pastTurns, m);
      assert.deepEqual(plan.groups.slice(0, fixed.length), fixed);
      assert.ok(plan.groups.length <= Math.max(capacity, fixed.length));
      const presenters = plan.groups.flat();
      assert.equal(new Set(presenters).size, presenters.length, "nobody presents twice at one meeting");
      for (const id of plan.groups.slice(fixed.length).flat()) assert.ok(!m.unavailable.has(id));
    }),
  );
});

test("property: swapTurns keeps the same presenters across the plans", () => {
  fc.assert(
    fc.property(scenario, fc.nat(), fc.nat(), ({ members, meetings }, i, j) => {
      const plans = projectRotation(members, [], meetings);
      const a = members[i % members.length]!.personId;
      const b = members[j % members.length]!.personId;
      const result = swapTurns(plans, a, b);
      if (!result.ok) return;
      assert.deepEqual(sortedPresenters(result.plans), sortedPresenters(plans));
      assert.deepEqual(
        result.plans.map((p) => p.meetingId),
        plans.map((p) => p.meetingId),
      );
      assert.equal(result.changed.length, 2);
      const firstOf = (id: string) => plans.findIndex((p) => p.groups.some((g) => g.includes(id)));
      assert.ok(
        result.plans[firstOf(a)]!.groups.some((g) => g.includes(b)),
        "b takes a's meeting",
      );
      assert.ok(
        result.plans[firstOf(b)]!.groups.some((g) => g.includes(a)),
        "a takes b's meeting",
      );
      assert.deepEqual([...result.changed].sort(), [plans[firstOf(a)]!.meetingId, plans[firstOf(b)]!.meetingId].sort());
    }),
  );
});
