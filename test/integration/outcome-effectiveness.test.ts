import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The Markdown draft's text, read from the file the reply names. */
function draftText(out: string[]): string {
  const line = out.find((l) => l.trim().startsWith("[file "))!;
  return readFileSync(line.trim().slice(6, -1), "utf8");
}

describe("outcomes carry how effective they were, in the words people use, and can be linked to their action", () => {
  let h: Harness;
  const say = async (script: string) => (await replies(await h.run(script))).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00"`);
  });
  afterAll(() => h.close());

  test("/log outcome takes effective: in people's words, mapped onto the draft's scale, and says how it read them", async () => {
    await h.run('as Ana\n/log action text:"Call both leads"\n/log action text:"Write the rota rule down"');
    const out = await say('/log outcome text:"Called them both; one agreed at once" action:1 effective:mostly');
    assert.match(out, /Action #1 is marked done \(very effective\)\./);
    assert.match(out, /"mostly" read as very\./);
    assert.match(await say("/action list"), /action #1: Call both leads .*→ done: Called them both; one agreed at once/);
    assert.match(draftText(await say("/log draft").then((t) => t.split("\n"))), /How effective: very effective \(done/);
  });

  test("/action done takes the same words: 'kind of', 'not really', 'not at all', 'very effective'", async () => {
    for (const [word, step] of [
      ["kind of", "somewhat"],
      ["not really", "not"],
      ["not at all", "not"],
      ["very effective", "very"],
      ["partly", "somewhat"],
      ["yes", "very"],
      ["no", "not"],
    ] as const)
      assert.match(await say(`/action done action:2 effective:${word}`), new RegExp(`Action #2 marked done \\(${step} effective\\)`), word);
  });

  test("a word it cannot read is refused with the accepted words and the rest of the command kept; nothing changes", async () => {
    const before = await h.snapshot();
    const out = await say('/log outcome text:"Wrote it down at last" action:2 effective:brilliant');
    assert.match(out, /Option effective: "brilliant" is not a word I can read here\. The words it takes: very \(or yes, mostly/);
    assert.match(out, /somewhat \(or partly, partially, kind of/);
    assert.match(out, /not \(or no, not really, not at all/);
    assert.match(out, /Your command, with the rest kept: \/log outcome text:Wrote it down at last action:2 effective:$/m);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("an outcome on its own keeps how effective it was, and the draft shows it", async () => {
    await h.run('/log outcome text:"The huddle now starts on time" effective:"somewhat"');
    assert.match(draftText((await say("/log draft")).split("\n")), /- The huddle now starts on time \(somewhat effective\)/);
  });

  test("an outcome whose words name an action is offered the link as a button, never linked silently", async () => {
    await h.run('/log action text:"Ask Ben to cover Fridays"');
    const before = await say("/action list");
    const out = await say('/log outcome text:"re action 5: Ben said yes for March"');
    assert.match(out, /It mentions action #5 "Ask Ben to cover Fridays": link it to that action to close it\?/);
    assert.match(out, /\[button link-outcome-6-5: Link to action #5\]/);
    assert.equal(await say("/action list"), before, "not linked until the button is pressed");
    for (const words of ["action #5 went fine", "#5 went fine"]) {
      const offered = await say(`/log outcome text:"${words}"`);
      assert.match(offered, /Link to action #5/, words);
    }
    assert.doesNotMatch(await say('/log outcome text:"Spoke to 6 people"'), /Link to action/);
  });

  test("/log edit entry:N action:M relinks an outcome: the action closes with its words; action:0 reopens it", async () => {
    const linked = await say("click link-outcome-6-5");
    assert.match(linked, /Entry #6 \(outcome\) updated: now the outcome of action #5, which is marked done\./);
    assert.match(await say("/action list"), /action #5: Ask Ben to cover Fridays .*→ done: re action 5: Ben said yes for March/);
    // The outcome that was free and rated keeps its rating on the action it moves to.
    await h.run('/log action text:"Trial a start-time rule"');
    const moved = await say("/log edit entry:4 action:10");
    assert.match(moved, /now the outcome of action #10, which is marked done \(somewhat effective\)/);
    const draft = draftText((await say("/log draft")).split("\n"));
    assert.match(
      draft,
      /Action #10 [^\n]*: Trial a start-time rule\n\nHow I put it into effect: The huddle now starts on time\n\nHow effective: somewhat effective/,
    );
    const unlinked = await say("/log edit entry:4 action:0");
    assert.match(unlinked, /no longer the outcome of action #10, which is open again/);
    assert.match(await say("/action list"), /Open:[\s\S]*action #10: Trial a start-time rule/);
    // An action whose outcome is in other words is not overwritten.
    await h.run('/action done action:2 text:"Wrote it on the board"');
    const before = await h.snapshot();
    assert.match(await say("/log edit entry:4 action:2"), /Action #2 already has an outcome in your words: "Wrote it on the board"\./);
    assert.deepEqual(await h.snapshot(), before);
  });
});
