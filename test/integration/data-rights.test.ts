import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

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

  test("an advisor's facilitation entries and the reviews they wrote go, with the replies to them", async () => {
    await h.run("as Zoe\n/log forget confirm:yes");
    const zoe = await h.db.person.findFirstOrThrow({
      where: { displayName: "a former member", NOT: { entries: { some: {} } } },
      orderBy: { createdAt: "desc" },
    });
    assert.equal(await h.db.facilitationEntry.count({ where: { authorId: zoe.id } }), 0);
    const words = JSON.stringify(await h.db.review.findMany());
    assert.doesNotMatch(words, /Zoe reviews Cleo|Cleo replies to Zoe/);
    assert.match(words, /Bring evidence next time/, "Sam's review of Ben stays");
  });
});

describe("the own-data commands work for anyone the bot holds data about, wherever they ask", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`clock 2027-01-04T09:00Z
${FIVE_MEMBER_SET}
as Ana
/log problem text:"Ana's rota problem"
as Sam
/set remove member:@Ana`);
  });
  afterAll(() => h.close());

  test("a member removed from the set exports their data in the set's channel and in a direct message", async () => {
    for (const where of ["", "in #dm-ana\n"]) {
      const out = await say(`${where}as Ana\n/log export`);
      const path = fileOf(out);
      assert.ok(path, `an export file (${where || "in the set's channel"}): ${out.join("\n")}`);
      assert.match(readFileSync(path, "utf8"), /Ana's rota problem/);
    }
  });

  test("someone the bot holds nothing about is told so, and nothing is stored", async () => {
    const before = await h.snapshot();
    assert.match((await say("in #elsewhere\nas Stranger\n/log export")).join("\n"), /Nothing is stored about you/);
    assert.match((await say("in #elsewhere\nas Stranger\n/log forget confirm:yes")).join("\n"), /Nothing is stored about you/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a member removed from the set forgets their data from a direct message", async () => {
    const out = (await say("in #dm-ana\nas Ana\n/log forget confirm:yes")).join("\n");
    assert.match(out, /Done: 1 entry and everything else about you deleted, in 1 set \("Leading change"\)/);
    assert.equal(await h.db.entry.count(), 0);
    assert.match(out, /A former member of the set has had their data deleted/);
  });
});
