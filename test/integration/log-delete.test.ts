import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("/log delete shows the entry and asks first", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(() => h.close());

  const long = `I keep taking over when the team is slow to decide, ${"and then nobody else owns the decision ".repeat(3).trim()}.`;

  test("asking shows the whole entry, with a button to confirm, and changes nothing", async () => {
    await h.run(`as Ana\n/log reflect text:"${long}"`);
    const before = await h.snapshot();
    const asked = replies(await h.run("/log delete entry:1"));
    assert.deepEqual(asked, [
      "[#set → Ana] Delete this entry? It cannot be undone.",
      `  #1 Mon 4 Jan 2027 · reflect: ${long}`,
      "  [button log-delete-1: Delete entry #1]",
    ]);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("the button deletes it and the reply shows the whole entry deleted; a second press changes nothing", async () => {
    await h.run(`as Ana\n/log reflect text:"${long}"\n/log delete entry:1`);
    assert.deepEqual(replies(await h.run("click log-delete-1")), [`[#set → Ana] Entry #1 deleted: the reflect "${long}".`]);
    assert.equal(await h.db.entry.count(), 0);
    assert.match(replies(await h.run("click log-delete-1"))[0]!, /You have no entry #1/);
  });

  test("a deleted entry's number is never given again: the next entry takes a new one (numbers are cited in reviews)", async () => {
    await h.run('as Ana\n/log reflect text:"One"\n/log reflect text:"Two"\n/log delete entry:2\nclick log-delete-2');
    assert.match(replies(await h.run('/log reflect text:"Three"')).join("\n"), /entry #3\b/);
    assert.deepEqual(
      (await h.db.entry.findMany({ orderBy: { number: "asc" } })).map((e) => [e.number, e.text]),
      [
        [1, "One"],
        [3, "Three"],
      ],
    );
    assert.match(replies(await h.run("/log delete entry:2"))[0]!, /You have no entry #2/);
  });

  test("an action with an outcome: the question about its outcome shows both whole, and is the confirmation", async () => {
    await h.run(`as Ana\n/log action text:"${long}"\n/action done action:1 text:"Let Ben chair the next huddle"`);
    const asked = replies(await h.run("/log delete entry:1"));
    assert.equal(
      asked[0],
      `[#set → Ana] Action #1 "${long}" has an outcome: "Let Ben chair the next huddle". Delete the outcome too, or keep it as an entry of its own?`,
    );
    const deleted = replies(await h.run("click delete-both-1"));
    assert.deepEqual(deleted, [`[#set → Ana] Entry #1 deleted: the action "${long}", with its outcome.`]);
  });
});
