import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("input that forgives what people type: printed numbers, option words in prose, words after a number", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  const lastEntry = () => h.db.entry.findFirstOrThrow({ orderBy: { number: "desc" } });
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Sam
/review member:@Ana text:"Your actions are specific"
as Ana
/log goal text:"Hold monthly one-to-ones"
/log problem text:"The rota keeps being overridden"
/log action text:"Ask for a weekly slot"`);
  });
  afterAll(() => h.close());

  test("a text with one of the command's option words in prose is stored as written", async () => {
    await say("/log reflect text:the real problem: I didnt trust her");
    const e = await lastEntry();
    assert.deepEqual([e.kind, e.text, e.problemId], ["reflect", "the real problem: I didnt trust her", null]);
    await say("/log reflect the real problem: I didnt trust her either");
    assert.equal((await lastEntry()).text, "the real problem: I didnt trust her either");
  });

  test("an option word already given, met again in a text with a space after it, is prose", async () => {
    const out = await say("/log action due:2027-03-01 text:Ask both leads: due: whenever they can, text: in writing");
    assert.doesNotMatch(out, /given twice/);
    const e = await lastEntry();
    assert.deepEqual([e.kind, e.text], ["action", "Ask both leads: due: whenever they can, text: in writing"]);
    assert.match(
      await say("/log action due:2027-03-01 text:Ask due:2027-03-02"),
      /Option due: is given twice/,
      "close up, it is the option",
    );
  });

  test("an option word followed by a valid value still sets the option", async () => {
    await say("/log reflect text:I listen more now problem:1");
    const e = await lastEntry();
    assert.equal(e.text, "I listen more now");
    assert.ok(e.problemId);
  });

  test("bare words after a numeric option go to the text", async () => {
    const out = await say("/log review goal:1 it went well overall");
    assert.doesNotMatch(out, /not a whole number|Unexpected|Too many/);
    const e = await lastEntry();
    assert.deepEqual([e.kind, e.text], ["review", "it went well overall"]);
    assert.ok(e.goalId);
    await say("/log review 1 the second review");
    assert.equal((await lastEntry()).text, "the second review");
  });

  test("the numbers the bot prints are accepted back: #6, Goal 1, review:#1", async () => {
    assert.match(await say("/log review goal:Goal 1 text:Third review"), /Recorded|as entry/i);
    assert.equal((await lastEntry()).text, "Third review");
    assert.match(await say("/action done action:#3 effective:very"), /Action #3 marked done/);
    assert.match(await say('/log edit entry:#1 text:"Hold monthly one-to-ones with each lead"'), /#1/);
    assert.equal((await h.db.entry.findFirstOrThrow({ where: { number: 1 } })).text, "Hold monthly one-to-ones with each lead");
    assert.doesNotMatch(await say('/review reply review:#1 text:"Thank you"'), /not a whole number/);
  });
});

describe("a named value that is unclear is asked about, with a button per choice that runs the command with the words kept", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/log goal text:"Hold monthly one-to-ones"
/log goal text:"Delegate the rota"
/log problem text:"The rota keeps being overridden"
/log action text:"Ask for a weekly slot"`);
  });
  afterAll(() => h.close());

  test("words that name no number are answered with the choices, matched ones only when the words mention them; nothing is stored", async () => {
    const before = await h.snapshot();
    const asked = await say("/log review goal:the first one text:it went well: the leads agreed");
    assert.match(
      asked,
      /Which goal do you mean by "the first one"\? Your goals:\n\s*• Goal 1: Hold monthly one-to-ones\n\s*• Goal 2: Delegate the rota\n/,
    );
    assert.match(asked, /\[button which-goal-1: Goal 1: Hold monthly one-to-ones\]\n\s*\[button which-goal-2: Goal 2: Delegate the rota\]/);
    assert.doesNotMatch(asked, /not a whole number/);
    const matched = await say("/log reflect text:I listen now problem:the rota one");
    assert.match(matched, /Which problem do you mean by "the rota one"\? Your problems that mention it:\n\s*• Problem 1: The rota/);
    assert.match(await say("/action done action:the slot one"), /\[button which-action-4: action #4 "Ask for a weekly slot"\]/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a choice's button runs the command with that choice and the text exactly as written", async () => {
    await say("/log review goal:the first one text:it went well: the leads agreed");
    assert.match(await say("click which-goal-2"), /Review recorded as entry #\d+/);
    const e = await h.db.entry.findFirstOrThrow({ orderBy: { number: "desc" }, include: { goal: true } });
    assert.deepEqual([e.kind, e.text, e.goal?.text], ["review", "it went well: the leads agreed", "Delegate the rota"]);
  });

  test("a number that is not found stays the handler's refusal; a member with no goals gets the plain one", async () => {
    assert.match(await say("/log review goal:9 text:x"), /Option goal: there is no Goal 9/);
    assert.match(await say("as Ben\n/log review goal:the first one text:x"), /Option goal: "the first one" is not a whole number/);
  });
});

describe("a refused entry answers with the words kept, as a command to copy", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana`);
  });
  afterAll(() => h.close());

  test("a refused option and a refusal by the handler both give back the text, and the copy runs once corrected", async () => {
    const before = await h.snapshot();
    const bad = await say('/log action text:"Agree one rota with both leads: weekly" due:someday soon');
    assert.match(bad, /Option due:/);
    assert.match(
      bad,
      /Your words are kept here, not stored yet; correct and send again:\n\s*\/log action due:"someday soon" text:Agree one rota with both leads: weekly$/,
    );
    const missing = await say("/log reflect text:I listen before answering now problem:9");
    assert.match(missing, /\n\s*\/log reflect problem:9 text:I listen before answering now$/);
    // A line that cannot be parsed at all gives the words back as typed.
    const twice = await say("/log reflect text:I rewrote the rota text:twice, then gave up");
    assert.match(twice, /Option text: is given twice/);
    assert.match(
      twice,
      /Your command as you typed it, not stored; correct and send again:\n\s*\/log reflect text:I rewrote the rota text:twice, then gave up$/,
    );
    assert.doesNotMatch(await say("/meeting list bogus:3"), /as you typed it/, "a command that carries no words adds nothing");
    assert.deepEqual(await h.snapshot(), before);
    await say("/log action due:2027-02-01 text:Agree one rota with both leads: weekly");
    assert.equal((await h.db.entry.findFirstOrThrow()).text, "Agree one rota with both leads: weekly");
  });
});
