import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("/action done on a done action never replaces its outcome without asking", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/log action text:"Call both leads"
/action done action:1 text:"Both leads now use one rota sheet, after two calls"`);
  });
  afterAll(() => h.close());

  test("new text asks first, changing nothing, and offers to replace or keep both", async () => {
    const before = await h.snapshot();
    const out = await say("/action done action:1 text:Short");
    assert.match(
      out,
      /already has an outcome: "Both leads now use one rota sheet, after two calls"\. Replace it with "Short", or keep both/,
    );
    assert.match(out, /\[button outcome-replace-1: Replace it\]/);
    assert.match(out, /\[button outcome-keep-both-1: Keep both\]/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("effective: alone updates the effectiveness, keeps the outcome and asks for no text", async () => {
    const out = await say("/action done action:1 effective:very");
    // The reply may go on to the learner's next step (coaching), but it asks for no text for this action.
    assert.match(out, /Action #1 marked done \(very effective\)\./);
    assert.doesNotMatch(out, /Add what happened with text:/);
    const a = await h.db.action.findFirstOrThrow();
    assert.deepEqual([a.outcome, a.effectiveness], ["Both leads now use one rota sheet, after two calls", "very"]);
  });

  test("keeping both keeps the earlier words as an outcome entry beside the new one", async () => {
    await h.run("/action done action:1 text:Short");
    const out = await say("click outcome-keep-both-1");
    assert.match(out, /Its earlier outcome "Both leads now use one rota sheet, after two calls" stays too, as entry #2\./);
    const texts = (await h.db.entry.findMany({ where: { kind: "outcome" }, orderBy: { number: "asc" } })).map((e) => e.text);
    assert.deepEqual(texts, ["Both leads now use one rota sheet, after two calls", "Short"]);
  });

  test("replacing, once confirmed, replaces", async () => {
    await h.run('/log action text:"Book the room"\n/action done action:4 text:"Booked room 4"\n/action done action:4 text:"Booked room 5"');
    assert.match(await say("click outcome-replace-4"), /Action #4 marked done\./);
    const a = await h.db.action.findFirstOrThrow({ where: { entry: { text: "Book the room" } } });
    assert.equal(a.outcome, "Booked room 5");
  });
});
