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

  test("asking shows the whole entry, with the outcome that would go with it, and changes nothing", async () => {
    await h.run(`as Ana\n/log action text:"${long}"\n/action done action:1 text:"Let Ben chair the next huddle"`);
    const before = await h.snapshot();
    const asked = replies(await h.run("/log delete entry:1"));
    assert.deepEqual(asked, [
      "[#set → Ana] Delete this entry? It cannot be undone.",
      `  #1 Mon 4 Jan 2027 · action: ${long}`,
      "  Its outcome (done) goes with it: Let Ben chair the next huddle",
      "  [button log-delete-1: Delete entry #1]",
    ]);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("the button deletes it and the reply shows what was deleted, so it can be recorded again", async () => {
    await h.run(`as Ana\n/log reflect text:"${long}"\n/log delete entry:1`);
    const deleted = replies(await h.run("click log-delete-1"));
    assert.deepEqual(deleted, [
      "[#set → Ana] Deleted entry #1. If that was a mistake, record it again with /log reflect:",
      `  #1 Mon 4 Jan 2027 · reflect: ${long}`,
    ]);
    assert.equal(await h.db.entry.count(), 0);
    assert.match(replies(await h.run("click log-delete-1"))[0]!, /You have no entry #1/, "a second press changes nothing");
  });
});
