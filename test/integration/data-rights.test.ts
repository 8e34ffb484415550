import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("forgetting takes a person's own words everywhere, and what was written about them (docs/user-guide.md, 'Your data')", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`clock 2027-01-04T09:00Z
${FIVE_MEMBER_SET}
/set advisor user:@Zoe
/review member:@Ana text:"Your actions are specific"
/review member:@Ben text:"Bring evidence next time"
as Ana
/review reply text:"I will ask the leads for the rota data"
/feedback text:"The questioning round works for me"
/feedback text:"Nobody knows this was me" anonymous:yes
as Ben
/review reply text:"Ben replies to Sam"
/feedback text:"Ben thinks the set is useful"
as Zoe
/facilitation reflect text:"Zoe filled silences too quickly"
/review member:@Cleo text:"Zoe reviews Cleo"
as Cleo
/review reply text:"Cleo replies to Zoe"`);
  });
  afterAll(() => h.close());

  test("a member's review replies and named feedback go, with the reviews of them; anonymous feedback and others' words stay", async () => {
    await h.run("as Ana\n/log forget confirm:yes");
    const words = JSON.stringify([await h.db.review.findMany(), await h.db.feedback.findMany()]);
    for (const gone of ["I will ask the leads", "The questioning round works", "Your actions are specific"]) {
      assert.doesNotMatch(words, new RegExp(gone), `"${gone}" is Ana's or about her: it goes`);
    }
    for (const kept of ["Nobody knows this was me", "Ben replies to Sam", "Ben thinks the set is useful", "Bring evidence next time"]) {
      assert.match(words, new RegExp(kept), `"${kept}" stays`);
    }
    const list = await say("as Sam\n/feedback list");
    assert.doesNotMatch(list, /a former member/);
    assert.match(list, /anonymous: Nobody knows this was me/);
  });
});
