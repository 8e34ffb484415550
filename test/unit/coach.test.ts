/**
 * The coaching reading (src/domain/draft/coach.ts over src/domain/draft/coverage.ts): each criterion as the M3.37 mark
 * sheet reads it — 2.1 in its three parts, 2.2 problem by problem, 2.3 goal by goal — with the member's words against
 * its target, and the single most valuable next step with the exact command.
 */
import assert from "node:assert/strict";
import { test } from "vitest";
import { sharedDraftsLine } from "../../src/app/render-digest.ts";
import { coachText, nextStepLine, readLog } from "../../src/domain/draft/coach.ts";
import type { DraftAction, DraftEntry, DraftInput } from "../../src/domain/draft/compile.ts";
import { CRITERION_WORDS } from "../../src/domain/draft/coverage.ts";
import { day, fixtureInput } from "../support/draft-fixture.ts";

const at = (iso: string) => new Date(iso);
let n = 0;
const e = (kind: DraftEntry["kind"], text: string, more: Partial<DraftEntry> = {}): DraftEntry => ({
  number: ++n,
  kind,
  text,
  createdAt: at("2027-02-01T20:00:00Z"),
  meetingNumber: null,
  ...more,
});
const input = (entries: DraftEntry[], actions: DraftAction[] = [], over: Partial<DraftInput> = {}): DraftInput =>
  fixtureInput({ entries, actions, meetings: [], now: at("2027-03-01T09:00:00Z"), ...over });
const of = (input: DraftInput, c: string) => readLog(input).criteria.find((x) => x.criterion === c)!;

test("an empty log: every criterion missing, and the first step is a strength, with its command and its form", () => {
  const r = readLog(input([]));
  assert.deepEqual(
    r.criteria.map((c) => `${c.criterion} ${c.status} ${c.words}/${c.target}`),
    ["1.1 missing 0/120", "1.2 missing 0/120", "2.1 missing 0/160", "2.2 missing 0/400", "2.3 missing 0/200"],
  );
  assert.equal(r.next?.criterion, "1.1");
  assert.equal(r.next?.command, '/log strength text:"…" source:"…"');
  assert.equal(r.next?.form, "/log strength");
  assert.equal(r.complete, false);
  assert.equal(
    coachText(r, "Lead."),
    'Lead.\nStart with: 1.1: name one leadership strength and where it comes from (your reflective review, feedback from others): a sentence will do.\nType: /log strength text:"…" source:"…"',
  );
  n = 0;
  const some = readLog(input([e("strength", "i listen well", { source: "360" })]));
  assert.match(coachText(some, "Lead."), /^Lead\. Where your draft stands/);
  assert.match(coachText(some, "Lead."), /• 2\.1 action learning: missing, 0 of about 160 words/);
  assert.match(coachText(some, "Lead."), /Type: \/log limitation text:"…" source:"…"$/);
});

test("the targets add up to the unit's suggested least, 1,000 words, split 40/60 like the marks", () => {
  const t = CRITERION_WORDS;
  assert.equal(t["1.1"] + t["1.2"] + t["2.1"], 400);
  assert.equal(t["2.2"] + t["2.3"], 600);
});

test("2.1 is read in its three parts: each missing part is its own step, naming what is there and what is not", () => {
  n = 0;
  const nature = e("action-learning", "action learning is revans idea, L=P+Q, we question each other on real problems");
  const r = of(input([nature]), "2.1");
  assert.equal(r.status, "thin");
  assert.deepEqual(
    r.steps.filter((s) => s.fills === "part").map((s) => s.text),
    [
      "2.1: you have written about what action learning is and its benefits, not yet about a member's responsibilities in the set: what do you owe the set as a member (preparing, confidentiality, questions rather than advice, doing what you agreed)? Two or three sentences will do.",
      "2.1: you have written about what action learning is and its benefits, not yet about its role in your own development: how is the set changing how you lead? Give an example. Two or three sentences will do.",
    ],
  );
  const all = of(
    input([
      nature,
      e("action-learning", "as a member i have to prepare, keep things confidential and ask questions not give advice"),
      e("action-learning", "the set changed how i run my team meetings, i ask more than i tell now. helped me as a leader"),
    ]),
    "2.1",
  );
  assert.deepEqual(
    all.steps.filter((s) => s.fills === "part"),
    [],
  );
  assert.equal(all.status, "thin", "all three parts, but under 160 words");
  assert.equal(all.steps[0]?.fills, "words");
});

test("2.2 is read problem by problem: the question that helped, the actions, how they went, how effective, what was learned", () => {
  n = 0;
  const problem = e("problem", "my team ignore the new rota");
  const action = e("action", "talk to each of them 1 to 1", { problem: 1 });
  const act = (over: Partial<DraftAction>): DraftAction => ({
    number: action.number,
    text: action.text,
    createdAt: action.createdAt,
    meetingNumber: null,
    due: day("2027-02-20"),
    status: "open",
    outcome: null,
    effectiveness: null,
    outcomeAt: null,
    ...over,
  });
  const steps = (entries: DraftEntry[], a: DraftAction) =>
    of(input(entries, [a]), "2.2")
      .steps.filter((s) => s.fills === "part")
      .map((s) => s.command);
  assert.deepEqual(steps([problem, action], act({})), [
    '/log question text:"…" problem:1',
    '/action done action:2 text:"…" effective:very|somewhat|not',
  ]);
  // An action not yet due is asked nothing, not even how effective it was.
  assert.deepEqual(steps([problem, action], act({ due: day("2027-03-20") })), ['/log question text:"…" problem:1']);
  const q = e("question", "what do they gain from it?", { problem: 1 });
  assert.deepEqual(steps([problem, q, action], act({ status: "done", outcome: "did it", outcomeAt: at("2027-02-10T10:00:00Z") })), [
    "/action done action:2 effective:very|somewhat|not",
    '/log reflect text:"…" problem:1',
  ]);
  const learned = e("reflect", "asking first works better than telling", { problem: 1 });
  assert.deepEqual(
    steps(
      [problem, q, action, learned],
      act({ status: "done", outcome: "did it", effectiveness: "very", outcomeAt: at("2027-02-10T10:00:00Z") }),
    ),
    [],
  );
});

test("2.3 is read goal by goal, and waits for the programme's last month before it is the next step", () => {
  n = 0;
  const base = [
    e("strength", "good listener", { source: "360" }),
    e("limitation", "avoid hard talks", { source: "my review" }),
    e("goal", "hold one hard talk a month by june"),
    e("goal", "delegate the rota by april"),
  ];
  const early = readLog(input(base));
  assert.notEqual(early.next?.criterion, "2.3");
  const review = of(input(base), "2.3");
  assert.deepEqual(
    review.steps.map((s) => s.command),
    ['/log review goal:1 text:"…"', '/log review goal:2 text:"…"'],
  );
  const late = { now: at("2027-07-20T09:00:00Z"), programmeEnd: day("2027-08-10") };
  const reviewed = [
    ...base,
    e(
      "review",
      "goal 1 met: four hard talks since march, my manager saw the change in my team's sickness figures. next i will coach my deputy to do the same.",
      { goal: 3, createdAt: at("2027-07-15T20:00:00Z") },
    ),
    e("review", "partly", { goal: 4, createdAt: at("2027-07-15T20:00:00Z") }),
  ];
  const r = of(input(reviewed, [], late), "2.3");
  assert.equal(r.status, "thin");
  assert.deepEqual(
    r.steps.filter((s) => s.fills === "part").map((s) => s.command),
    ['/log review goal:2 text:"…"'],
    "goal 1's review is enough; goal 2's one word is short",
  );
});

test("a thin log's reply line names the next step and its exact command", () => {
  const r = readLog(fixtureInput());
  assert.equal(r.complete, false);
  assert.equal(nextStepLine(r), `Next for your draft: ${r.next!.text} Type: ${r.next!.command}`);
});

test("the advisors' digest counts, per criterion, the sharing members whose draft is thin or missing there: counts only", () => {
  n = 0;
  const empty = readLog(input([]));
  const some = readLog(input([e("strength", "i listen well", { source: "360" })]));
  assert.equal(
    sharedDraftsLine([empty, some]),
    "Drafts of the 2 members who share their log: 1.1 1 thin, 1 missing; 1.2 0 thin, 2 missing; 2.1 0 thin, 2 missing; 2.2 0 thin, 2 missing; 2.3 0 thin, 2 missing.",
  );
});
