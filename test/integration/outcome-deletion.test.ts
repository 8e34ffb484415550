import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The Markdown draft's text, read from the file the reply names. */
function draftText(out: string[]): string {
  const line = out.find((l) => l.trim().startsWith("[file "))!;
  return readFileSync(line.trim().slice(6, -1), "utf8");
}

describe("an outcome and its action stay consistent when either is deleted", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00"`);
  });
  afterAll(() => h.close());

  test("deleting an outcome reopens its action, says so, and the action list and draft no longer show it", async () => {
    await h.run('as Ana\n/log action text:"Call both leads"\n/log outcome text:"Called them both" action:1');
    assert.match((await say("/action list")).join("\n"), /action #1: Call both leads \(agreed at meeting 1\) → done: Called them both/);
    const before = await h.snapshot();
    assert.deepEqual(await say("/log delete entry:2"), [
      "[#set → Ana] Delete this entry? It cannot be undone.",
      "  #2 Mon 4 Jan 2027 · outcome: Called them both",
      '  Action #1 "Call both leads" will be open again: it will have no outcome.',
      "  [button log-delete-2: Delete entry #2]",
    ]);
    assert.deepEqual(await h.snapshot(), before, "asking first changes nothing");
    assert.deepEqual(await say("click log-delete-2"), [
      '[#set → Ana] Entry #2 deleted: the outcome "Called them both". Action #1 "Call both leads" is open again: it has no outcome now.',
    ]);
    const list = (await say("/action list")).join("\n");
    assert.match(list, /Open:\n\s+action #1: Call both leads/);
    assert.doesNotMatch(list, /Called them both/);
    assert.doesNotMatch(draftText(await say("/log draft")), /Called them both/);
  });

  test("editing an outcome entry changes the action's outcome with it", async () => {
    await h.run('/log outcome text:"Called them" action:1\n/log edit entry:3 text:"Called them both, in the end"');
    assert.match(
      (await say("/action list")).join("\n"),
      /action #1: Call both leads \(agreed at meeting 1\) → done: Called them both, in the end/,
    );
  });

  test("deleting an action that has an outcome first asks what becomes of the outcome, changing nothing", async () => {
    const before = await h.snapshot();
    const out = await say("/log delete entry:1");
    assert.deepEqual(out, [
      '[#set → Ana] Action #1 "Call both leads" has an outcome (entry #3): "Called them both, in the end". Delete the outcome too, or keep it as an entry of its own?',
      "  [button delete-both-1: Delete both]",
      "  [button keep-outcome-1: Keep the outcome]",
    ]);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("keeping the outcome deletes the action only; the outcome entry stays as a plain entry", async () => {
    assert.deepEqual(await say("click keep-outcome-1"), [
      '[#set → Ana] Entry #1 deleted: the action "Call both leads". Its outcome stays, as entry #3 (an outcome).',
    ]);
    assert.match((await say("/log list")).join("\n"), /#3 .* · outcome: Called them both, in the end/);
    assert.match((await say("/action list")).join("\n"), /You have no actions yet/);
  });

  test("an outcome given with /action done is kept as a new outcome entry, or deleted with its action", async () => {
    await h.run('/log action text:"Book the room"\n/action done action:4 text:"Booked it"');
    assert.deepEqual(await say("/log delete entry:4 outcome:keep"), [
      '[#set → Ana] Entry #4 deleted: the action "Book the room". Its outcome stays, as entry #5 (an outcome).',
    ]);
    assert.match((await say("/log list")).join("\n"), /#5 .* · outcome: Booked it/);
    await h.run('/log action text:"Write the memo"\n/log outcome text:"Memo sent" action:6');
    assert.deepEqual(await say("/log delete entry:6\nclick delete-both-6"), [
      '[#set → Ana] Action #6 "Write the memo" has an outcome (entry #7): "Memo sent". Delete the outcome too, or keep it as an entry of its own?',
      "  [button delete-both-6: Delete both]",
      "  [button keep-outcome-6: Keep the outcome]",
      '[#set → Ana] Entry #6 deleted: the action "Write the memo", with its outcome (entry #7).',
    ]);
    const entries = (await say("/log list")).join("\n");
    assert.doesNotMatch(entries, /Memo sent|Write the memo/);
  });
});

describe("an action with two outcome entries stays done while either stands", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/log action text:"Call both leads"
/log outcome text:"Called the first lead" action:1
/log outcome text:"Called the second lead" action:1`);
  });
  afterAll(() => h.close());

  test("deleting the later outcome keeps the action done, its outcome the earlier one, still linked", async () => {
    const asked = (await say("/log delete entry:3")).join("\n");
    assert.match(asked, /Action #1 "Call both leads" stays done: entry #2 is its outcome\./);
    assert.doesNotMatch(asked, /open again/);
    const done = (await say("click log-delete-3")).join("\n");
    assert.match(
      done,
      /Entry #3 deleted: the outcome "Called the second lead"\. Action #1 "Call both leads" stays done: its outcome is entry #2 "Called the first lead"\./,
    );
    assert.match((await say("/action list")).join("\n"), /action #1: Call both leads → done: Called the first lead/);
    const action = await h.db.action.findFirstOrThrow();
    assert.deepEqual([action.status, action.outcomeEntryId], ["done", (await h.db.entry.findFirstOrThrow({ where: { number: 2 } })).id]);
  });

  test("deleting the earlier one of two leaves the later one the outcome; deleting the last reopens the action", async () => {
    await h.run('/log outcome text:"Called the second lead again" action:1');
    assert.match(
      (await say("/log delete entry:2 confirm:yes")).join("\n"),
      /stays done: its outcome is entry #4 "Called the second lead again"/,
    );
    assert.match((await say("/action list")).join("\n"), /→ done: Called the second lead again/);
    assert.match(
      (await say("/log delete entry:4 confirm:yes")).join("\n"),
      /Action #1 "Call both leads" is open again: it has no outcome now\./,
    );
  });
});

describe("an outcome linked afterwards (/log edit action:) keeps its link beside the action's other outcomes", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/log action text:"Call both leads"
/log outcome text:"Called the first lead" action:1
/log outcome text:"Called the second lead"
/log edit entry:3 action:1`);
  });
  afterAll(() => h.close());

  test("deleting the relinked outcome leaves the earlier one the outcome; unlinking removes only its own link", async () => {
    assert.equal(await h.db.outcomeLink.count(), 2);
    assert.match(await say("/log delete entry:3 confirm:yes"), /stays done: its outcome is entry #2 "Called the first lead"/);
    await h.run('/log outcome text:"Called both again" action:1');
    assert.match(await say("/log edit entry:4 action:0"), /stays done: its outcome is entry #2/);
    assert.deepEqual(await h.db.action.findFirstOrThrow({ select: { status: true, outcome: true } }), {
      status: "done",
      outcome: "Called the first lead",
    });
    assert.deepEqual(
      (await h.db.outcomeLink.findMany({ include: { entry: true } })).map((l) => l.entry.text),
      ["Called the first lead"],
    );
  });
});
