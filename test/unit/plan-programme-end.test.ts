import assert from "node:assert/strict";
import { test } from "vitest";
import { candidateNudges, planNudges } from "../../src/domain/reminders/planner.ts";
import type { NudgePerson, NudgeSet } from "../../src/domain/reminders/types.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";

const d = (iso: string) => new Date(iso);
const person = (id: string, over: Partial<NudgePerson> = {}): NudgePerson => ({
  id,
  timeZone: "Europe/London",
  quiet: null,
  optedOut: false,
  snoozedUntil: null,
  ...over,
});
/** Ana has said nothing since joining on 4 January; Ben joins on 20 May, so his silence falls due after the end. */
const set = (over: Partial<NudgeSet> = {}): NudgeSet => ({
  id: "s",
  memberIds: ["ana", "ben"],
  advisorIds: ["adv", "tom"],
  meetings: [],
  actions: [],
  entryTimes: {},
  actionEntryTimes: {},
  memberSince: { ana: d("2027-01-04T09:00:00Z"), ben: d("2027-05-20T09:00:00Z") },
  absences: [],
  sizeChangedAt: d("2027-01-04T09:00:00Z"),
  programmeStart: calendarDate("2027-01-04", "Europe/London"),
  programmeEnd: calendarDate("2027-06-02", "Europe/London"),
  ...over,
});
const people = {
  ana: person("ana"),
  ben: person("ben"),
  adv: person("adv", { quiet: { start: "22:00", end: "08:00" } }),
  tom: person("tom"),
};
const of = (s: NudgeSet, kind: string) => candidateNudges({ sets: [s], people }).filter((n) => n.kind === kind);
/** Every nudge of a kind sent (or skipped as stale) from January to September, as a tick over the whole span plans it. */
const planned = (s: NudgeSet, kind: string) => {
  const { due, stale } = planNudges({ sets: [s], people }, { since: d("2027-01-01T00:00:00Z"), now: d("2027-09-01T00:00:00Z") });
  return [...due, ...stale].filter((n) => n.kind === kind).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
};

test("advisor-programme-end: each advisor once, when the last day is over in the set's zone, moved out of quiet hours; keyed by the day", () => {
  assert.deepEqual(
    of(set(), "advisor-programme-end").map((n) => [n.key, n.dueAt.toISOString(), n.sendAt.toISOString()]),
    [
      // Midnight in London (BST) is 23:00 UTC; adv's quiet hours hold theirs to 08:00 there.
      ["advisor-programme-end:s:tom:s:2027-06-02", "2027-06-02T23:00:00.000Z", "2027-06-02T23:00:00.000Z"],
      ["advisor-programme-end:s:adv:s:2027-06-02", "2027-06-02T23:00:00.000Z", "2027-06-03T07:00:00.000Z"],
    ],
  );
  assert.deepEqual(of(set({ programmeEnd: null }), "advisor-programme-end"), []);
});

test("after the last day: no weekly digest and no silence alert; with no end set they go on", () => {
  const over = Date.parse("2027-06-02T23:00:00Z");
  const digests = planned(set(), "advisor-digest").filter((n) => n.to.kind === "person" && n.to.personId === "adv");
  assert.equal(digests[0]?.occurrence, "2027-W01");
  assert.equal(digests.at(-1)?.occurrence, "2027-W22", "Monday 31 May's is the last");
  assert.ok(digests.every((n) => n.dueAt.getTime() < over));
  assert.deepEqual(
    planned(set(), "advisor-silent")
      .map((n) => `${n.to.kind === "person" ? n.to.personId : "channel"} ${n.subjectId}`)
      .sort(),
    ["adv ana", "tom ana"],
  );
  const endless = set({ programmeEnd: null });
  assert.ok(planned(endless, "advisor-digest").some((n) => n.dueAt.getTime() > over));
  assert.ok(planned(endless, "advisor-silent").some((n) => n.subjectId === "ben"));
});
