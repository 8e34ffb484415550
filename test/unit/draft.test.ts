import assert from "node:assert/strict";
import JSZip from "jszip";
import { test } from "vitest";
import { actionLearningParts } from "../../src/domain/action-learning-parts.ts";
import { calendarDate } from "../../src/domain/calendar-date.ts";
import {
  compileDraft,
  countWords,
  DECLARATION,
  type Draft,
  type DraftBlock,
  type DraftEntry,
  type DraftInput,
  evidenceRows,
  FACTS_LABEL,
  DRAFT_HEADINGS as H,
  MEETING_CATEGORY,
  PROMPT_LABEL,
  UNIT,
} from "../../src/domain/draft.ts";
import { readSmartGoal } from "../../src/domain/smart-goal.ts";
import { evidenceCsv } from "../../src/export/draft-csv.ts";
import { draftToDocx } from "../../src/export/draft-docx.ts";
import { draftToMarkdown } from "../../src/export/draft-markdown.ts";
import {
  day,
  EXPECTED_SECTION,
  FIXTURE_ENTRIES,
  FIXTURE_OUTCOMES,
  fixtureEntries,
  fixtureInput,
  fixtureMeetings,
} from "../support/draft-fixture.ts";

/** Every string a block shows. */
function strings(b: DraftBlock): string[] {
  switch (b.kind) {
    case "heading":
    case "paragraph":
      return [b.text];
    case "bullets":
    case "prompt":
    case "facts":
      return b.items;
    case "table":
      return [...b.header, ...b.rows.flat()];
  }
}
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
/** Indexes of the blocks that contain `text`, each as many times as it occurs there (tables and prompts left out). */
function where(d: Draft, text: string, kinds: DraftBlock["kind"][] = ["paragraph", "bullets"]): number[] {
  const at: number[] = [];
  d.blocks.forEach((b, i) => {
    if (!kinds.includes(b.kind)) return;
    for (const s of strings(b)) for (let k = 0; k < occurrences(s, text); k++) at.push(i);
  });
  return at;
}
/** The heading of the given level that a block sits under. */
function under(d: Draft, index: number, level: 1 | 2 | 3 | 4): string | null {
  for (let i = index; i >= 0; i--) {
    const b = d.blocks[i]!;
    if (b.kind === "heading" && b.level < level) return null;
    if (b.kind === "heading" && b.level === level) return b.text;
  }
  return null;
}
const headings = (d: Draft, level: 1 | 2 | 3 | 4, blocks = d.blocks) =>
  blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));
const cov = (d: Draft, c: string) => d.coverage.find((x) => x.criterion === c)!;
const field = (d: Draft, label: string) => d.header.find((f) => f.label === label)?.value;
/** The blocks from the heading that starts with `title` up to the next heading of the same or a higher level. */
function section(d: Draft, title: string): DraftBlock[] {
  const start = d.blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith(title));
  assert.ok(start >= 0, `no section ${title}`);
  const level = (d.blocks[start] as { level: number }).level;
  const end = d.blocks.findIndex((b, i) => i > start && b.kind === "heading" && b.level <= level);
  return d.blocks.slice(start, end < 0 ? undefined : end);
}
const text = (blocks: DraftBlock[]) => blocks.flatMap(strings).join("\n");
const at = (iso: string) => new Date(iso);
const entry = (number: number, kind: DraftEntry["kind"], when: string, words: string, more: Partial<DraftEntry> = {}): DraftEntry => ({
  number,
  kind,
  text: words,
  createdAt: at(when),
  meetingNumber: null,
  ...more,
});

const draft = compileDraft(fixtureInput());

test("sections in the task's order: action plan (1.1, 1.2, 2.1), log (2.2 by problem, 2.3 by goal); the appendix apart", () => {
  assert.deepEqual(headings(draft, 1), [H.plan, H.log]);
  assert.deepEqual(headings(draft, 2), [H.strengths, H.goals, H.method, H.used, H.review]);
  assert.deepEqual(headings(draft, 3), [
    "Strengths",
    "Limitations",
    "Goal 1",
    "Goal 2",
    "Goal 3",
    H.unlinked,
    H.support,
    "Problem 1: presented at meeting 2, 8 Feb 2027",
    "Problem 2: presented at meeting 3, 1 Mar 2027",
    "Problem 3: presented at meeting 5, 12 Apr 2027",
    "Goal 1",
    "Goal 2",
    "Goal 3",
    H.overall,
  ]);
  assert.deepEqual(headings(draft, 4, section(draft, "Problem 1:")), [
    "Questions that helped",
    "Actions agreed and how they went",
    "What I learned",
  ]);
  assert.deepEqual(headings(draft, 1, draft.appendix), [H.appendix]);
  assert.deepEqual(headings(draft, 2, draft.appendix), [H.words, H.warnings]);
  assert.match(draft.title, /M3\.37.*Priya Shah/);
});

test("header: the mark sheet's fields, the unit, the learner's own period, meetings of held, words, the declaration", () => {
  assert.deepEqual(
    draft.header.map((f) => f.label),
    [
      "Learner name",
      "Learner registration number",
      "Centre number",
      "Centre name",
      "Unit",
      "Set",
      "Period covered",
      "Meetings attended",
      "Word count",
      "Declaration",
      "Compiled",
    ],
  );
  assert.equal(field(draft, "Learner name"), "Priya Shah");
  assert.equal(field(draft, "Learner registration number"), "R0337122");
  assert.equal(field(draft, "Centre number"), "004512");
  assert.equal(field(draft, "Centre name"), "Riverside College");
  assert.equal(field(draft, "Unit"), UNIT);
  assert.equal(field(draft, "Declaration"), DECLARATION);
  assert.equal(DECLARATION, "By submitting I confirm that this assessment is my own work");
  assert.equal(field(draft, "Set"), "Riverside team leaders; set advisor: Helen Okafor");
  assert.equal(
    field(draft, "Period covered"),
    "11 Jan 2027 to 5 Aug 2027 (6 months and 26 days), my membership of the set so far: meets the 6–12 months M3.37 requires",
  );
  assert.equal(
    field(draft, "Meetings attended"),
    "9 of 10 held (22 hours 30 minutes in the set), the first on 18 Jan 2027 and the last on 26 Jul 2027",
  );
  assert.equal(field(draft, "Word count"), `${draft.wordCount.toLocaleString("en-GB")} (suggested 1,000–2,000, nominal 1,200)`);

  const bare = compileDraft(fixtureInput({ details: { registration: null, centreNumber: null, centreName: null } }));
  assert.equal(field(bare, "Learner registration number"), "not given yet: /log details registration:…");
  assert.equal(field(bare, "Centre name"), 'not given yet: /log details centre_name:"…"');
});

test("every entry appears, in the member's words, in the section it belongs to", () => {
  for (const [number, , , , words] of FIXTURE_ENTRIES) {
    const found = where(draft, words);
    assert.ok(found.length >= 1, `entry #${number} is missing`);
    const [h2, h3] = EXPECTED_SECTION[number]!;
    assert.equal(under(draft, found[0]!, 2), h2, `entry #${number}`);
    if (h3) assert.ok(under(draft, found[0]!, 3)?.startsWith(h3), `entry #${number} is under "${under(draft, found[0]!, 3)}", not ${h3}`);
    // Only a goal is shown again as prose (at its review); every other entry once.
    const kind = FIXTURE_ENTRIES.find(([n]) => n === number)![1];
    assert.equal(found.length, kind === "goal" ? 2 : 1, `entry #${number} appears ${found.length} times`);
  }
  for (const [n, words] of Object.entries(FIXTURE_OUTCOMES)) {
    const found = where(draft, words);
    assert.equal(found.length, 1, `outcome of #${n}`);
    assert.ok(under(draft, found[0]!, 3)!.startsWith(n === "13" ? "Problem 1:" : "Problem 3:"));
  }
  // The checklist refers to numbers and counts only.
  const appendix = text(draft.appendix);
  for (const [, , , , words] of FIXTURE_ENTRIES) assert.ok(!appendix.includes(words));
});

test("placement: an entry that names its problem goes under it; one that names none goes by date, and the draft says so", () => {
  const d = compileDraft(
    fixtureInput({
      entries: [
        entry(1, "question", "2027-01-10T10:00:00Z", "Asked before any problem, about nothing in particular."),
        entry(2, "problem", "2027-01-18T10:30:00Z", "The first problem."),
        entry(3, "problem", "2027-02-08T10:30:00Z", "The second problem."),
        entry(4, "question", "2027-02-09T10:00:00Z", "Asked after problem two, about problem one.", { problem: 2 }),
        entry(5, "question", "2027-02-09T10:05:00Z", "Asked after problem two, naming none."),
        entry(6, "reflect", "2027-08-01T10:00:00Z", "In the last month, about problem one.", { problem: 2 }),
        entry(7, "reflect", "2027-08-01T11:00:00Z", "In the last month, naming no problem."),
        entry(8, "action", "2027-02-09T10:10:00Z", "An action for problem one.", { problem: 2 }),
        entry(9, "outcome", "2027-03-01T10:00:00Z", "How the action went.", { problem: 2 }),
      ],
      actions: [],
      meetings: fixtureMeetings().map((m) => ({ ...m, presented: m.number <= 2 })),
    }),
  );
  const h3 = (words: string) => under(d, where(d, words)[0]!, 3);
  const one = "Problem 1: presented at meeting 1, 18 Jan 2027";
  assert.equal(h3("Asked after problem two, about problem one."), one);
  assert.equal(h3("In the last month, about problem one."), one);
  assert.equal(h3("An action for problem one."), one);
  assert.equal(h3("How the action went."), one);
  assert.equal(h3("Asked after problem two, naming none."), "Problem 2: presented at meeting 2, 8 Feb 2027");
  assert.equal(h3("Asked before any problem, about nothing in particular."), H.other);
  assert.equal(h3("In the last month, naming no problem."), H.overall);
  // Those placed by date are named where they stand, and in the checklist.
  const prompts = (title: string) =>
    section(d, title)
      .flatMap((b) => (b.kind === "prompt" ? b.items : []))
      .join("\n");
  assert.match(
    prompts("Problem 2:"),
    /Placed here by date, with no problem named: #5\. Link it to the problem it belongs to: \/log edit entry:N problem:M/,
  );
  assert.doesNotMatch(prompts("Problem 1:"), /Placed here by date/);
  assert.match(prompts(H.other), /Placed here by date, with no problem named: #1\./);
  assert.ok(cov(d, "2.2").prompts.includes("Placed by date, not linked to a problem: #5, #1: /log edit entry:N problem:M"));
});

test("presenter turns: each shows with its problem; a turn with no problem logged is flagged where it goes", () => {
  const used = section(draft, H.used);
  assert.deepEqual(used[1], {
    kind: "prompt",
    items: ['You presented at meeting 8 (14 Jun 2027) but logged no problem for it: /log problem meeting:8 text:"…"'],
  });
  assert.ok(cov(draft, "2.2").evidence.includes("3 of 4 presenter turns with a problem logged"));
  // A problem recorded two days before the turn (the presenter reminder's moment) is that turn's problem.
  const early = compileDraft(
    fixtureInput({
      entries: [entry(1, "problem", "2027-01-16T18:00:00Z", "Brought to meeting one.", { meetingNumber: null })],
      actions: [],
      meetings: fixtureMeetings().map((m) => ({ ...m, presented: m.number === 1 })),
    }),
  );
  assert.deepEqual(headings(early, 3, section(early, H.used)), ["Problem 1: presented at meeting 1, 18 Jan 2027"]);
});

test("1.2: each goal with the actions that serve it (text, due day as given, help and support, status); unlinked ones apart", () => {
  const goal1 = section(draft, "Goal 1");
  const table = goal1.find((b): b is Extract<DraftBlock, { kind: "table" }> => b.kind === "table")!;
  assert.deepEqual(table.header, ["Action", "Due", "Help and support", "Status"]);
  assert.deepEqual(table.rows, [
    [
      `#13 ${FIXTURE_ENTRIES.find(([n]) => n === 13)![4]}`,
      "21 Feb 2027",
      "Helen's notes on the feedback model, and my shift manager, who knows both pickers",
      "done",
    ],
    [`#14 ${FIXTURE_ENTRIES.find(([n]) => n === 14)![4]}`, "28 Feb 2027", "not named yet", "partly done"],
  ]);
  const unlinked = section(draft, H.unlinked);
  assert.match(text(unlinked), /#26 Ask the site manager/);
  assert.ok(unlinked.some((b) => b.kind === "prompt" && /\/log edit entry:N goal:M \(#26\)/.test(b.items[0]!)));
  // Goal 3 has no time frame or measure: advice where it stands, never a refusal.
  assert.match(text(section(draft, "Goal 3").filter((b) => b.kind === "prompt")), /seems to lack a measure and a time frame/);
  assert.doesNotMatch(text(section(draft, "Goal 1").filter((b) => b.kind === "prompt")), /seems to lack/);
  // Help and support: the member's own words; the set and advisor only as a marked fact.
  const support = section(draft, H.support);
  assert.deepEqual(
    support.find((b) => b.kind === "bullets"),
    {
      kind: "bullets",
      items: [
        "Helen's notes on the feedback model, and my shift manager, who knows both pickers (action #13)",
        "Jas herself, and Marek covering the floor while we plan (action #18)",
        "The site manager, who agreed to release thirty minutes of paid time (action #25)",
      ],
    },
  );
  assert.ok(support.some((b) => b.kind === "facts" && /Riverside team leaders: 5 members; set advisor: Helen Okafor/.test(b.items[0]!)));
  assert.ok(!support.some((b) => b.kind === "paragraph"), "no generated sentence as if in the member's words");
  assert.equal(cov(draft, "1.2").status, "thin");
  assert.ok(cov(draft, "1.2").prompts.some((p) => p.startsWith("Goal 3 (#29) seems to lack a measure and a time frame")));
});

test("an action linked to a meeting shows that meeting's date, not the day it was typed", () => {
  // #14 was typed on 9 Feb for meeting 2, held on 8 Feb.
  const log = text(section(draft, "Problem 1:"));
  assert.match(log, /Action #14 \(agreed at meeting 2, 8 Feb 2027, due 28 Feb 2027, for Goal 1\)/);
  assert.doesNotMatch(log, /agreed 9 Feb 2027/);
  // With no meeting held to link to, the day it was recorded.
  const unheld = compileDraft(
    fixtureInput({ entries: fixtureEntries().map((e) => (e.number === 14 ? { ...e, meetingNumber: null } : e)) }),
  );
  assert.match(text(section(unheld, "Problem 1:")), /Action #14 \(agreed 9 Feb 2027, due 28 Feb 2027/);
});

test("due dates are the calendar day the member gave, in every zone", () => {
  assert.match(text(section(draft, "Problem 1:")), /Action #13 \(agreed at meeting 2, 8 Feb 2027, due 21 Feb 2027, for Goal 1\)/);
  // A due date given in another zone, or read by a member far away, is still the day given.
  const input = fixtureInput();
  const far = compileDraft({
    ...input,
    timeZone: "Pacific/Auckland",
    actions: input.actions.map((a) => (a.number === 13 ? { ...a, due: calendarDate("2027-03-16", "America/New_York") } : a)),
  });
  assert.match(text(section(far, "Problem 1:")), /Action #13 \(agreed at meeting 2, 8 Feb 2027, due 16 Mar 2027, for Goal 1\)/);
  assert.equal(
    (section(far, "Goal 1").find((b) => b.kind === "table") as Extract<DraftBlock, { kind: "table" }>).rows[0]![1],
    "16 Mar 2027",
  );
});

test("1.1: strengths and limitations with their sources; a prompt for those without one", () => {
  const s = section(draft, H.strengths);
  const bullets = s.filter((b): b is Extract<DraftBlock, { kind: "bullets" }> => b.kind === "bullets").flatMap((b) => b.items);
  assert.ok(bullets[0]!.endsWith("(source: 360 feedback from my team in December)"));
  assert.ok(bullets[2]!.endsWith("(source: my Reflective Review)"));
  assert.match(text(s.filter((b) => b.kind === "prompt")), /say where these come from \(#2, #4\)/);
  assert.equal(cov(draft, "1.1").status, "covered");
  const none = compileDraft(fixtureInput({ entries: fixtureEntries().map((e) => ({ ...e, source: null })) }));
  assert.equal(cov(none, "1.1").status, "thin");
});

test("2.1: the action-learning entries in date order, the facts the bot holds marked apart, prompts for untouched parts", () => {
  const s = section(draft, H.method);
  const paragraphs = s.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
  assert.deepEqual(paragraphs, [FIXTURE_ENTRIES.find(([n]) => n === 7)![4], FIXTURE_ENTRIES.find(([n]) => n === 9)![4]]);
  const facts = s.find((b): b is Extract<DraftBlock, { kind: "facts" }> => b.kind === "facts")!;
  assert.deepEqual(facts.items, [
    "Your set, Riverside team leaders: 5 members, with Helen Okafor as set advisor (not a member of the set).",
    "The programme runs from 11 Jan 2027 to 10 Aug 2027.",
    "Meetings: 10 held between 18 Jan 2027 and 26 Jul 2027; you attended 9 (22 hours 30 minutes in the set).",
    "Each presenter has a 30-minute slot; you presented at 4 meetings: meeting 2 (8 Feb 2027), meeting 3 (1 Mar 2027), meeting 5 (12 Apr 2027), meeting 8 (14 Jun 2027).",
    "Helen Okafor: advisor at the 10 meetings held; 4 facilitation notes in the set's records.",
  ]);
  assert.equal(cov(draft, "2.1").status, "covered");

  // A reflection, however early, is not 2.1: only action-learning entries are; the prompt names the parts missing.
  const one = compileDraft(
    fixtureInput({
      entries: [
        ...fixtureEntries().filter((e) => e.kind !== "action-learning"),
        entry(40, "reflect", "2027-01-12T10:00:00Z", "Action learning is L = P + Q: the set asks questions instead of giving advice."),
        entry(
          41,
          "action-learning",
          "2027-01-13T10:00:00Z",
          "Action learning is L = P + Q: the set asks questions instead of giving advice.",
        ),
      ],
    }),
  );
  const prompt = section(one, H.method).find((b): b is Extract<DraftBlock, { kind: "prompt" }> => b.kind === "prompt")!;
  assert.deepEqual(prompt.items, [
    '2.1 asks for three things; your entries do not yet seem to touch these 2. Explain each in your own words: /log action-learning text:"…"',
    "The responsibilities of a member of a set: what a member owes the set: preparing, confidentiality, asking questions rather than giving advice, doing what you commit to.",
    "The role of action learning in your own leadership development: how the set has changed what you do as a leader, with an example.",
  ]);
  assert.equal(cov(one, "2.1").status, "thin");
  assert.equal(cov(compileDraft(fixtureInput({ entries: [], actions: [] })), "2.1").status, "missing");
  assert.deepEqual(actionLearningParts(["I keep what others bring confidential and prepare before each meeting."]), ["responsibilities"]);
});

test("2.3: goal by goal — the goal, its actions and outcomes as in the log, the member's reviews, a prompt where none", () => {
  const g1 = section(draft, "Goal 1").length; // the plan's Goal 1
  assert.ok(g1 > 0);
  const review = section(draft, H.review);
  const goal = (n: number) => {
    const start = review.findIndex((b) => b.kind === "heading" && b.text === `Goal ${n}`);
    const end = review.findIndex((b, i) => i > start && b.kind === "heading" && b.level <= 3);
    return review.slice(start, end < 0 ? undefined : end);
  };
  const words = (n: number) => FIXTURE_ENTRIES.find(([m]) => m === n)![4];
  assert.deepEqual(goal(1)[1], { kind: "paragraph", text: words(5) });
  const table = goal(1).find((b): b is Extract<DraftBlock, { kind: "table" }> => b.kind === "table")!;
  assert.deepEqual(table.rows, [
    [`#13 ${words(13)}`, "done 19 Feb 2027, see Problem 1", "very effective"],
    [`#14 ${words(14)}`, "partly done 2 Mar 2027, see Problem 1", "somewhat effective"],
  ]);
  assert.ok(goal(1).some((b) => b.kind === "paragraph" && b.text === words(31)));
  assert.ok(goal(2).some((b) => b.kind === "paragraph" && b.text === words(33)));
  const goal2 = goal(2).find((b): b is Extract<DraftBlock, { kind: "table" }> => b.kind === "table")!;
  assert.deepEqual(goal2.rows[0]!.slice(1), ["no outcome recorded yet", "not recorded yet"], "the same as the log says for #18");
  assert.match(text(goal(3).filter((b) => b.kind === "prompt")), /\/log review goal:3 text:"…"/);
  assert.ok(!goal(1).some((b) => b.kind === "prompt"));
  assert.equal(cov(draft, "2.3").status, "thin");
  assert.deepEqual(cov(draft, "2.3").prompts, ['Goal 3 has no review: /log review goal:3 text:"…"']);

  // Covered only when every goal has a review; a closing reflection alone covers nothing.
  const all = compileDraft(
    fixtureInput({
      entries: [...fixtureEntries(), entry(34, "review", "2027-07-22T20:00:00Z", "Goal three: I ran the workshop.", { goal: 29 })],
    }),
  );
  assert.equal(cov(all, "2.3").status, "covered");
  const reflectionOnly = compileDraft(fixtureInput({ entries: fixtureEntries().filter((e) => e.kind !== "review") }));
  assert.equal(cov(reflectionOnly, "2.3").status, "thin");
  assert.deepEqual(cov(reflectionOnly, "2.3").evidence, ["0 of 3 goals reviewed (0 reviews)", "1 closing reflection (#32)"]);
});

test("the member's own period is their membership: one present throughout who missed the last meeting is not short", () => {
  const missedLast = compileDraft(
    fixtureInput({ meetings: fixtureMeetings().map((m) => ({ ...m, attended: m.number !== 10 })), now: at("2027-08-12T09:00:00Z") }),
  );
  assert.equal(
    field(missedLast, "Period covered"),
    "11 Jan 2027 to 10 Aug 2027 (7 months), my membership of the set: meets the 6–12 months M3.37 requires",
  );
  assert.equal(
    field(missedLast, "Meetings attended"),
    "9 of 10 held (22 hours 30 minutes in the set), the first on 18 Jan 2027 and the last on 5 Jul 2027",
  );
  assert.ok(!missedLast.warnings.some((w) => /own period/.test(w)), missedLast.warnings.join("\n"));
  // Missing the first meetings is attendance, not a shorter membership.
  const late = compileDraft(
    fixtureInput({ meetings: fixtureMeetings().map((m) => ({ ...m, attended: m.number >= 4 })), now: at("2027-08-12T09:00:00Z") }),
  );
  assert.ok(!late.warnings.some((w) => /own period/.test(w)), late.warnings.join("\n"));
  assert.ok(
    late.warnings.includes(
      "Your first set meeting attended was on 22 Mar 2027, 2 months and 11 days into your membership, after 3 meetings held without you: ask your advisor how your centre treats time away.",
    ),
    late.warnings.join("\n"),
  );
  assert.ok(!missedLast.warnings.some((w) => /time away/.test(w)), "missing only the last meeting is no time away");
  // Joining late is a shorter membership.
  const joinedLate = compileDraft(fixtureInput({ joinedAt: at("2027-03-15T09:00:00Z"), now: at("2027-08-12T09:00:00Z") }));
  assert.equal(
    field(joinedLate, "Period covered"),
    "15 Mar 2027 to 10 Aug 2027 (4 months and 27 days), my membership of the set: under the 6 months M3.37 requires",
  );
  assert.ok(
    joinedLate.warnings.includes(
      "Your own period in the set, 15 Mar 2027 to 10 Aug 2027, is 4 months and 27 days: under the 6 months M3.37 requires, even though the programme's is not. Ask your advisor how your centre treats a late start.",
    ),
    joinedLate.warnings.join("\n"),
  );
  const none = compileDraft(
    fixtureInput({ meetings: fixtureMeetings().map((m) => ({ ...m, attended: false })), now: at("2027-03-01T09:00:00Z") }),
  );
  assert.equal(
    field(none, "Period covered"),
    "11 Jan 2027 to 1 Mar 2027 (1 month and 19 days), my membership of the set so far: under the 6 months M3.37 requires so far (the programme runs to 10 Aug 2027)",
  );
  assert.equal(field(none, "Meetings attended"), "0 of 10 held (0 minutes in the set)");
  assert.ok(!none.warnings.some((w) => /own period/.test(w)), "while the programme runs, a short period so far is no warning");
  // While it runs: a warning only when even the programme's end would leave the member short.
  const joiningLate = compileDraft(fixtureInput({ joinedAt: at("2027-05-03T09:00:00Z"), now: at("2027-06-01T09:00:00Z") }));
  assert.ok(
    joiningLate.warnings.includes(
      "Even to the programme's end (10 Aug 2027), your own period in the set, from 3 May 2027, would be under the 6 months M3.37 requires. Ask your advisor how your centre treats a late start.",
    ),
    joiningLate.warnings.join("\n"),
  );
  assert.ok(!draft.warnings.some((w) => /own period/.test(w)));
});

test("a member's replies to their advisor's reviews count in their own words (2.3); the advisor's words do not", () => {
  const review = {
    advisor: "Helen Okafor",
    text: "You have moved from avoiding conversations to holding them within days: what evidence shows it?",
    createdAt: at("2027-07-01T09:00:00Z"),
    editedAt: null,
  };
  const unanswered = compileDraft(fixtureInput({ advisorReviews: [{ ...review, reply: null, repliedAt: null }] }));
  const reply = "The timekeeping figures since March, and the fact that nobody has gone to the formal process.";
  const answered = compileDraft(fixtureInput({ advisorReviews: [{ ...review, reply, repliedAt: at("2027-07-02T09:00:00Z") }] }));
  assert.equal(unanswered.wordCount, draft.wordCount, "the advisor's words are not the member's");
  assert.equal(answered.wordCount, draft.wordCount + countWords(reply));
  const log = (d: Draft) => d.sections.find((x) => x.criteria.includes("2.3"))!.words;
  assert.equal(log(answered), log(draft) + countWords(reply));
});

test("advisor reviews that name a third party get a prompt to anonymise before submission", () => {
  const review = (text: string, reply: string | null) => ({
    advisor: "Helen Okafor",
    text,
    createdAt: at("2027-07-01T09:00:00Z"),
    editedAt: null,
    reply,
    repliedAt: reply ? at("2027-07-02T09:00:00Z") : null,
  });
  const anonymise = (d: Draft) => d.blocks.flatMap((b) => (b.kind === "prompt" ? b.items : [])).filter((p) => /anonymise/.test(p));
  const naming = compileDraft(
    fixtureInput({
      otherMembers: ["Tom Reyes", "Ana Silva"],
      advisorReviews: [review("Priya, you dealt with Kerry's lateness well; Helen noticed.", "Tom asked the question that helped.")],
    }),
  );
  assert.deepEqual(anonymise(naming), [
    'These reviews name Kerry, Tom: before you submit, anonymise them (a role or an initial: "a team lead", "K."), unless your centre says otherwise.',
  ]);
  const plain = compileDraft(fixtureInput({ advisorReviews: [review("Priya, you now open with a question.", null)] }));
  assert.deepEqual(anonymise(plain), []);
});

test("word counts: the member's words per section against about 480 and 720, saying which to expand", () => {
  const expected =
    FIXTURE_ENTRIES.reduce((n, [, , , , words]) => n + countWords(words), 0) +
    countWords(FIXTURE_OUTCOMES[13]) +
    countWords(FIXTURE_OUTCOMES[25]) +
    Object.values({
      1: "360 feedback from my team in December",
      3: "my Reflective Review",
      13: "Helen's notes on the feedback model, and my shift manager, who knows both pickers",
      18: "Jas herself, and Marek covering the floor while we plan",
      25: "The site manager, who agreed to release thirty minutes of paid time",
    }).reduce((n, words) => n + countWords(words), 0);
  assert.equal(draft.wordCount, expected);
  assert.deepEqual(
    draft.sections.map((s) => [s.section, s.target]),
    [
      [H.plan, 480],
      [H.log, 720],
    ],
  );
  assert.equal(draft.sections[0]!.words + draft.sections[1]!.words, draft.wordCount);
  assert.equal(draft.sections[0]!.words < 480, true);
  const advice = text(draft.appendix.filter((b) => b.kind === "paragraph"));
  assert.match(
    advice,
    /Expand the Leadership action plan \(\d+ of about 480 words: 1\.2 has \d+ words, 2\.1 has \d+ words\), in your own words\./,
  );

  const few = compileDraft(fixtureInput({ entries: fixtureEntries().filter((e) => e.number <= 12), actions: [] }));
  assert.ok(
    few.warnings.some((w) =>
      new RegExp(
        `^The draft has ${few.wordCount} words of your own: M3.37 suggests 1,000–2,000 \\(nominal 1,200\\)\\. Expand the Leadership action plan .* and the Leadership log`,
      ).test(w),
    ),
    few.warnings.join("\n"),
  );
  const extra: DraftEntry[] = fixtureEntries().map((e, i) => ({
    ...e,
    number: 100 + i,
    kind: "reflect",
    problem: null,
    text: `${e.text} (Second thoughts.)`,
    createdAt: new Date(e.createdAt.getTime() + 60_000),
  }));
  const long = compileDraft(fixtureInput({ entries: [...fixtureEntries(), ...extra] }));
  assert.ok(long.wordCount > 2000);
  assert.ok(
    long.warnings.some((w) =>
      /^The draft has 2,\d{3} words of your own: .*Shorten it before submission, starting with the Leadership log/.test(w),
    ),
    long.warnings.join("\n"),
  );
});

test("a programme under 6 months, over 12 months, or not set is flagged", () => {
  const short = compileDraft(fixtureInput({ programmeEnd: day("2027-06-30") }));
  assert.ok(
    short.warnings.some((w) => /requires at least 6 months/.test(w)),
    short.warnings.join("\n"),
  );
  const long = compileDraft(fixtureInput({ programmeEnd: day("2028-03-01") }));
  assert.ok(long.warnings.some((w) => /allows at most 12 months/.test(w)));
  const unset = compileDraft(fixtureInput({ programmeStart: null, programmeEnd: null }));
  assert.ok(unset.warnings.some((w) => /No programme period is set/.test(w)));
  assert.ok(!draft.warnings.some((w) => /programme/i.test(w)));
});

test("an empty log: every criterion missing, each prompt standing where the words will go", () => {
  const empty = compileDraft(fixtureInput({ entries: [], actions: [] }));
  assert.deepEqual(
    empty.coverage.map((c) => c.status),
    ["missing", "missing", "missing", "missing", "missing"],
  );
  const promptsIn = (title: string) => text(section(empty, title).filter((b) => b.kind === "prompt"));
  assert.match(promptsIn(H.strengths), /\/log strength text:"…" source:"360 feedback"/);
  assert.match(promptsIn(H.goals), /\/log goal text:"…"/);
  assert.match(
    promptsIn(H.method),
    /2\.1 asks you to explain three things .*\nThe nature and benefits of action learning: .*\nThe responsibilities of a member of a set: .*\nThe role of action learning in your own leadership development: /,
  );
  assert.match(promptsIn(H.used), /\/log problem text:"…"/);
  assert.match(promptsIn(H.review), /\/log goal text:"…"/);
  assert.equal(empty.wordCount, 0);
});

test("SMART reading: what a goal's words seem to lack, as advice with an example", () => {
  assert.deepEqual(readSmartGoal("Be a better leader").lacks, ["specific", "measurable", "time-bound"]);
  assert.deepEqual(readSmartGoal("Read more books this year").lacks, ["specific", "measurable", "relevant"]);
  assert.deepEqual(readSmartGoal("By June, hold a monthly one-to-one with each of my five band 6 nurses").lacks, []);
  assert.deepEqual(readSmartGoal("Delegate more of the rota to my deputies so they can run the store").lacks, ["measurable", "time-bound"]);
  assert.deepEqual(readSmartGoal("Always give praise to my team by the end of March, every single day").lacks, ["achievable"]);
  assert.match(readSmartGoal("Be a better leader").advice.at(-1)!, /^time-bound: by when\? e\.g\. "by the end of June"/);
  assert.deepEqual(readSmartGoal("I may ask my team for feedback on three meetings").lacks, ["time-bound"], "'may' the verb is no month");
  // Named days and month ends are time frames.
  for (const when of [
    "by christmas",
    "before half term",
    "by friday",
    "next tuesday",
    "at the end of the month",
    "by month end",
    "by the 22nd",
  ])
    assert.ok(
      !readSmartGoal(`hold a one-to-one with each of my three supervisors ${when}`).lacks.includes("time-bound"),
      `"${when}" is a time frame`,
    );
  assert.ok(readSmartGoal("have more one-to-ones with each of my three supervisors").lacks.includes("time-bound"));
});

test("evidence rows: meetings attended with their length, entries with their criterion, outcomes not already an entry", () => {
  const all = evidenceRows(fixtureInput());
  const meetings = all.filter((r) => r.category === MEETING_CATEGORY);
  assert.equal(meetings.length, 9);
  assert.deepEqual(meetings[1], {
    date: "2027-02-08",
    durationMinutes: 150,
    category: MEETING_CATEGORY,
    text: "Action learning set meeting 2: Riverside team leaders (presented)",
    criteria: "2.2",
  });
  const rows = all.filter((r) => r.category !== MEETING_CATEGORY);
  assert.equal(rows.length, FIXTURE_ENTRIES.length + 2);
  assert.deepEqual(
    all.map((r) => r.date),
    [...all.map((r) => r.date)].sort(),
  );
  const known = [...FIXTURE_ENTRIES.map(([, , , , t]) => t), ...Object.values(FIXTURE_OUTCOMES)];
  for (const t of known) assert.equal(rows.filter((r) => r.text === t).length, 1, t);
  const row = (n: number) => rows.find((r) => r.text === FIXTURE_ENTRIES.find(([m]) => m === n)![4])!;
  assert.deepEqual(
    [1, 7, 13, 15, 31, 32].map((n) => [row(n).category, row(n).criteria]),
    [
      ["Strength", "1.1"],
      ["Action learning", "2.1"],
      ["Action (Goal 1)", "2.2"],
      ["Reflection", "2.2"],
      ["Goal review (Goal 1)", "2.3"],
      ["Reflection", "2.3"],
    ],
  );
  assert.equal(row(19).category, "Action outcome (#14, partly done, somewhat effective)");
});

/** RFC 4180 parser: records of fields. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let cell = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < csv.length) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i += 2;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\r")) cell += c;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (csv[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      cell = "";
      record = [];
      i++;
    } else cell += c;
    i++;
  }
  return records;
}

test("evidence CSV: RFC 4180 header, CRLF, quoting that round-trips", () => {
  const rows = evidenceRows(fixtureInput());
  const csv = evidenceCsv(rows);
  assert.ok(csv.startsWith("date,duration_minutes,category,text,criteria\r\n"));
  assert.ok(csv.endsWith("\r\n"));
  assert.deepEqual(
    parseCsv(csv).slice(1),
    rows.map((r) => [r.date, String(r.durationMinutes), r.category, r.text, r.criteria]),
  );
  const tricky = 'She said "no, not yet", then:\nline two,\r\nline three ""quoted""';
  const one = evidenceCsv([{ date: "2027-03-01", durationMinutes: 30, category: "Reflection", text: tricky, criteria: "2.2" }]);
  assert.equal(one.split("\r\n")[1], '2027-03-01,30,Reflection,"She said ""no, not yet"", then:\nline two,');
  assert.deepEqual(parseCsv(one), [
    ["date", "duration_minutes", "category", "text", "criteria"],
    ["2027-03-01", "30", "Reflection", tricky, "2.2"],
  ]);
});

test("evidence CSV: a cell a spreadsheet would run as a formula starts with a single quote (OWASP); others are as written", () => {
  const risky = ['=HYPERLINK("http://evil.example","Click")', "+SUM(A1)", "-2+3", "@cmd", "\tleading tab", "\rleading return"];
  const safe = ["a=b", "Plain text", "'already quoted", "2+2=4"];
  const csv = evidenceCsv(
    [...risky, ...safe].map((text) => ({
      date: "2027-03-01",
      durationMinutes: "" as const,
      category: "Reflection",
      text,
      criteria: "2.2",
    })),
  );
  const texts = parseCsv(csv)
    .slice(1)
    .map((r) => r[3]);
  assert.deepEqual(texts, [...risky.map((t) => `'${t}`), ...safe]);
});

test("Markdown: prompts and facts say they are not the member's words; the appendix follows a rule, marked not for submission", () => {
  const md = draftToMarkdown(draft);
  assert.ok(md.startsWith("# Leadership action plan and learning log (ILM M3.37): Priya Shah\n\n- **Learner name:** Priya Shah\n"));
  const heads = [...md.matchAll(/^(#{2,5}) (.+)$/gm)].map((m) => `${m[1]!.length - 1} ${m[2]}`);
  const fromBlocks = [...draft.blocks, ...draft.appendix].flatMap((b) => (b.kind === "heading" ? [`${b.level} ${b.text}`] : []));
  assert.deepEqual(heads, fromBlocks);
  assert.match(md, new RegExp(`^> \\*\\*${PROMPT_LABEL.replace(/[()]/g, "\\$&")}\\*\\* You presented at meeting 8`, "m"));
  assert.match(md, new RegExp(`^> \\*\\*${FACTS_LABEL.replace(/[()]/g, "\\$&")}\\*\\*\\n> - Your set, Riverside team leaders`, "m"));
  const rule = md.indexOf("\n---\n");
  assert.ok(rule > 0 && md.indexOf(`## ${H.appendix}`) > rule, "the appendix is after the rule");
  assert.ok(md.indexOf(H.review) < rule);
  for (const [, , , , words] of FIXTURE_ENTRIES) assert.ok(occurrences(md, words) >= 1, words);
  const odd = draftToMarkdown({
    ...draft,
    appendix: [],
    blocks: [
      { kind: "paragraph", text: "# not a heading\n- nor a list" },
      { kind: "table", header: ["a"], rows: [["x | y\nz"]] },
    ],
  });
  assert.match(odd, /^\\# not a heading\n\\- nor a list$/m);
  assert.match(odd, /^\| x \\\| y<br>z \|$/m);
  assert.ok(!odd.includes("\n---\n"), "no appendix, no rule");
});

/** The document's paragraphs (outside and inside tables) as style and text, and its tables as rows of cell texts. */
async function openDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const textOf = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join("");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
    bullet: m[0].includes("<w:numPr>"),
    shaded: m[0].includes("<w:shd"),
    pageBreak: m[0].includes('<w:br w:type="page"/>'),
  }));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  return { xml, paragraphs, tables };
}

test(".docx: real headings 1–4 in order, prompts shaded and labelled, facts boxed, the appendix on its own page", async () => {
  const bytes = await draftToDocx(draft);
  assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), "PK");
  const { paragraphs, tables } = await openDocx(bytes);
  const all = paragraphs.filter((p) => /^Heading[1-4]$/.test(p.style ?? "")).map((p) => `${p.style!.slice(7)} ${p.text}`);
  assert.deepEqual(
    all,
    [...draft.blocks, ...draft.appendix].flatMap((b) => (b.kind === "heading" ? [`${b.level} ${b.text}`] : [])),
  );
  const prompt = paragraphs.find((p) => p.text.startsWith(`${PROMPT_LABEL} You presented at meeting 8`));
  assert.ok(prompt?.shaded, "a prompt is a shaded paragraph that says what it is");
  assert.ok(
    tables.some((t) => t.length === 1 && t[0]!.length === 1 && t[0]![0]!.startsWith(FACTS_LABEL)),
    "facts are a one-cell box",
  );
  const breakAt = paragraphs.findIndex((p) => p.pageBreak);
  const appendixAt = paragraphs.findIndex((p) => p.style === "Heading1" && p.text === H.appendix);
  assert.ok(breakAt > 0 && appendixAt === breakAt + 1, "the appendix starts on a new page");
  const [header] = tables;
  assert.deepEqual(header![0], ["Learner name", "Priya Shah"]);
  assert.ok(tables.some((t) => t[0]![0] === "Criterion" && t.length === 6));
  const body = paragraphs.map((p) => p.text).join("\n");
  for (const [, , , , words] of FIXTURE_ENTRIES) assert.ok(body.includes(words), words);
});

test(".docx: line breaks and characters XML forbids do not break the document", async () => {
  const d: Draft = {
    ...draft,
    appendix: [],
    blocks: [
      { kind: "heading", level: 1, text: "A & B <c>" },
      { kind: "paragraph", text: "one\ntwo\u0007 three" },
    ],
  };
  const { paragraphs, xml } = await openDocx(await draftToDocx(d));
  assert.ok(paragraphs.some((p) => p.style === "Heading1" && p.text === "A & B <c>"));
  assert.ok(paragraphs.some((p) => p.text === "onetwo three"));
  assert.match(xml, /<w:br\/>/);
});

test("an input shaped for one zone shows local dates: a late-evening entry is that evening's day", () => {
  const late = compileDraft(
    fixtureInput({ entries: [entry(1, "problem", "2027-07-01T23:30:00Z", "Logged just before midnight.")], actions: [], meetings: [] }),
  );
  assert.deepEqual(headings(late, 3, section(late, H.used)), ["Problem 1: 2 Jul 2027"]);
  const input: DraftInput = fixtureInput({
    timeZone: "America/New_York",
    entries: [entry(1, "problem", "2027-07-02T01:30:00Z", "x")],
    actions: [],
    meetings: [],
  });
  assert.deepEqual(headings(compileDraft(input), 3, section(compileDraft(input), H.used)), ["Problem 1: 1 Jul 2027"]);
});

/** A write-up (`/log write`) as the draft input holds it. */
const writeUp = (number: number, section: string, text: string, link: { problem?: number; goal?: number } = {}): DraftEntry => ({
  number,
  kind: "write",
  text,
  createdAt: at("2027-08-03T19:00:00Z"),
  meetingNumber: null,
  section,
  ...link,
});

test("a written section replaces its fragments in the draft, which move to the 'my notes' appendix; words and coverage count it", async () => {
  const method =
    "Action learning, as Revans described it, is learning from real problems with peers who question rather than advise. My part in the set is to come prepared, keep confidences and ask before I offer ideas. It has changed my leadership: I now ask my supervisors what they think before I tell them.";
  const problem1 =
    "The problem I brought first was two pickers who were always late. The question that helped most was what I feared would happen if I raised it. I met each of them, which worked well, and I learned that my fear was of my own discomfort.";
  const goal2 = "I partly met my delegation goal: Jas now builds the labour plan each week, and my next step is Marek.";
  const input = fixtureInput({
    entries: [
      ...fixtureEntries(),
      writeUp(40, "2.1", method),
      writeUp(41, "2.2", problem1, { problem: 10 }),
      writeUp(42, "2.3", goal2, { goal: 6 }),
    ],
  });
  const written = compileDraft(input);
  // 2.1: the paragraph, not the two entries.
  const body = (heading: string) => text(section(written, heading));
  assert.ok(body(H.method).includes(method));
  assert.ok(!body(H.method).includes(FIXTURE_ENTRIES.find(([n]) => n === 7)![4]));
  // 2.2: problem 1 is the paragraph; problem 2 keeps its fragments.
  assert.ok(body("Problem 1:").includes(problem1));
  assert.ok(!body("Problem 1:").includes("What are you afraid will happen if you raise it?"));
  assert.ok(body("Problem 2:").includes("What would good enough look like for their first plan?"));
  // 2.3: goal 2's review is the paragraph; goal 1's review stays.
  const review = text(section(written, H.review));
  assert.ok(review.includes(goal2));
  assert.ok(!review.includes("I partly met my delegation goal: Jas builds the labour plan each week and I only check it"));
  assert.ok(review.includes("I met this goal. I now hold difficult conversations within days"));
  // The fragments are in the notes appendix, as written.
  const notes = draftToMarkdown(written).split("# Appendix: my notes (not for submission)")[1] ?? "";
  assert.ok(notes.includes("What are you afraid will happen if you raise it?"), "problem 1's question is in the notes");
  assert.ok(notes.includes("Our set met for the first time this week."), "the 2.1 entries are in the notes");
  assert.ok(notes.includes("I partly met my delegation goal: Jas builds the labour plan"), "goal 2's review is in the notes");
  assert.ok(!notes.includes(method), "the write-up itself is in the body, not the notes");
  // Words: the write-ups replace the fragments they stand for.
  const replaced = [7, 9, 10, 11, 12, 13, 14, 15, 19, 8, 33].map((n) => countWords(FIXTURE_ENTRIES.find(([m]) => m === n)![4]));
  const expected =
    draft.wordCount -
    replaced.reduce((x, y) => x + y, 0) -
    countWords(FIXTURE_OUTCOMES[13]) +
    countWords(method) +
    countWords(problem1) +
    countWords(goal2);
  assert.equal(written.wordCount, expected);
  // Coverage reads the write-ups: 2.1 touches all three parts through the paragraph alone.
  const onlyWritten = compileDraft(
    fixtureInput({ entries: [...fixtureEntries().filter((e) => e.kind !== "action-learning"), writeUp(40, "2.1", method)] }),
  );
  assert.equal(cov(onlyWritten, "2.1").status, "covered", cov(onlyWritten, "2.1").prompts.join("\n"));
  const goal3 = compileDraft(fixtureInput({ entries: [...fixtureEntries(), writeUp(43, "2.3", "Goal three, reviewed.", { goal: 29 })] }));
  assert.equal(cov(goal3, "2.3").status, "covered", "a written review of the unreviewed goal completes 2.3");
  // The .docx carries the same: the paragraph in the body, the notes after.
  const xml = await (await JSZip.loadAsync(await draftToDocx(written))).file("word/document.xml")!.async("string");
  assert.ok(xml.includes("Appendix: my notes (not for submission)"));
  assert.ok(xml.indexOf("Action learning, as Revans described it") < xml.indexOf("Appendix: criteria checklist"));
  // The evidence CSV has the write-up as a row of its own, under its criterion.
  const rows = evidenceRows(input);
  assert.deepEqual(
    rows.filter((r) => r.category.startsWith("Write-up")).map((r) => [r.category, r.criteria]),
    [
      ["Write-up (2.1)", "2.1"],
      ["Write-up (2.2, Problem 1)", "2.2"],
      ["Write-up (2.3, Goal 2)", "2.3"],
    ],
  );
});

test("the copy to submit: the member's words, no prompts, facts boxes, entry numbers, status column, appendix or bot phrases", async () => {
  const input = fixtureInput({
    details: { registration: null, centreNumber: "004512", centreName: "Riverside College" },
    entries: [...fixtureEntries(), writeUp(40, "2.1", "My own paragraph on action learning and what it gives me.")],
    now: at("2027-08-12T09:00:00Z"),
  });
  const compiled = compileDraft(input);
  const final = compiled.submission;
  const md = draftToMarkdown(final);
  const xml = await (await JSZip.loadAsync(await draftToDocx(final))).file("word/document.xml")!.async("string");
  const docText = xml.replace(/<[^>]+>/g, " ");
  for (const [name, body] of [
    ["Markdown", md],
    [".docx", docText],
  ] as const) {
    for (const scaffold of [
      PROMPT_LABEL,
      FACTS_LABEL,
      "Appendix",
      "not for submission",
      "Facts the bot holds",
      "/log ",
      "/action ",
      "not given yet",
      "(draft)",
      "my membership of the set",
      "M3.37 requires",
      "still open",
      "no outcome recorded yet",
      "not recorded yet",
      "my notes",
    ])
      assert.ok(!body.includes(scaffold), `${name} has no "${scaffold}"`);
    assert.doesNotMatch(body, /#\d+\b/, `${name}: no entry numbers`);
    assert.doesNotMatch(body, /\bStatus\b/, `${name}: no status column`);
    // The member's words are all there, as written (the ones a write-up replaces aside).
    for (const [n, , , , words] of FIXTURE_ENTRIES)
      if (n !== 7 && n !== 9) assert.ok(md.includes(words.replace(/^(\s*)([-+*]|\d+[.)]) /, "$1\\$2 ")), `${name} keeps entry ${n}`);
    assert.ok(body.includes("My own paragraph on action learning and what it gives me."));
  }
  // The header states the period plainly, and leaves a detail not given blank.
  const field = (label: string) => final.header.find((f) => f.label === label)?.value;
  assert.equal(field("Period covered"), "11 Jan 2027 to 10 Aug 2027 (7 months)");
  assert.equal(field("Meetings attended"), "9 of 10 set meetings (22 hours 30 minutes)");
  assert.equal(field("Learner registration number"), "");
  assert.equal(field("Compiled"), undefined);
  assert.equal(field("Word count"), compiled.wordCount.toLocaleString("en-GB"));
  assert.match(md, /\| Action \| Due \| Help and support \|\n/);
  assert.match(md, /How effective: very effective\.\n/);
});
