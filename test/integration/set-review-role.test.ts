import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/**
 * Issue 21: with the set-review DMs, each member is asked what they owe the set and how the set is changing how they
 * lead (2.1), while their log lacks those parts; a member who has written them is not asked again.
 */
describe("set review DMs ask for the member's own role in the set (2.1) while it is missing", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  /** The DM to `name` about meeting 3, with its continuation lines and buttons. */
  const dmTo = (out: string, name: string) => out.split(/\n(?=\[)/).find((block) => block.startsWith(`[DM ${name}] Meeting 3 of`)) ?? "";
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`clock 2027-01-04T09:00Z\n${FIVE_MEMBER_SET}\n/meeting schedule when:"2027-01-12 10:00" every:weekly count:4`);
    for (const day of ["2027-01-12", "2027-01-19"]) await h.run(`clock ${day}T12:05Z\nas Dev\n/meeting close`);
    await h.run(
      "as Ana\n/log action-learning text:as a member i owe the set prep and confidentiality. its changed how i run my huddles, i now ask before i tell",
    );
    await h.run("as Cleo\n/log action-learning text:you get to work on a real problem with peers asking questions");
  });
  afterAll(() => h.close());

  test("at the review's close: asked of those who lack the parts, with the button that opens the entry", async () => {
    const out = await say("clock 2027-01-26T12:05Z\nas Dev\n/meeting close\nclock 2027-01-26T12:10Z");
    const ben = dmTo(out, "Ben");
    assert.match(ben, /time for a short set review/);
    assert.match(
      ben,
      /And for your own log \(2\.1\), a sentence or two each: what do you owe the set as a member .*And how is the set changing how you lead\? Give an example\. Record it with \/log action-learning text:"…"\./,
    );
    // Cleo wrote what action learning is, not her own part in it: she is asked both parts still.
    assert.match(dmTo(out, "Cleo"), /what do you owe the set as a member.*how is the set changing how you lead/);
    assert.match(ben, /\[button coach-next: Write about action learning\]/);
    assert.doesNotMatch(dmTo(out, "Ana"), /for your own log/);
    assert.match(dmTo(out, "Ana"), /time for a short set review/);
  });
});
