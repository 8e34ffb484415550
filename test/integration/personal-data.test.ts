import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("a member's own data: export it, or forget it after confirming", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00"
/log problem text:"My rota keeps being overridden"
/log action text:"Ask for a weekly slot" due:2027-01-20 problem:1 support:"My manager"
/log details registration:A1234567 centre:012345 centre_name:"Northgate College"
/meeting rsvp yes
as Ben
/log problem text:"Tickets fall between offices"`);
  });
  afterAll(() => h.close());

  test("/log export is a JSON file of everything about the member, and nothing of anyone else's", async () => {
    const out = await say("as Ana\n/log export");
    assert.match(out[0]!, /2 entries, 1 membership, 0 reviews, 1 RSVP and more/);
    const path = out
      .find((l) => l.trim().startsWith("[file "))!
      .trim()
      .slice(6, -1);
    const data = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(data.person.displayName, "Ana");
    assert.deepEqual(
      data.entries.map((e: { text: string }) => e.text),
      ["My rota keeps being overridden", "Ask for a weekly slot"],
    );
    assert.equal(data.actions.length, 1);
    assert.deepEqual(
      [data.entries[1].problem, data.entries[1].support],
      [{ number: 1 }, "My manager"],
      "links and support are the member's data too",
    );
    assert.deepEqual(
      [data.memberships[0].registrationNumber, data.memberships[0].centreNumber, data.memberships[0].centreName],
      ["A1234567", "012345", "Northgate College"],
    );
    assert.doesNotMatch(JSON.stringify(data), /Tickets fall between offices/);
  });

  test("/log forget asks first and changes nothing until confirmed", async () => {
    const before = await h.snapshot();
    const out = await say("as Ana\n/log forget");
    assert.match(out.join("\n"), /cannot be undone/i);
    assert.ok(out.includes("  [button forget-confirm: Delete all my data]"));
    assert.deepEqual(await h.snapshot(), before);
  });

  test("confirming deletes the member's content and name, keeps others' data, and leaves the set", async () => {
    const { id } = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    // Words of a refused command, as a platform with forms keeps them for the refusal's button: they go with her.
    const raw = JSON.stringify({ text: "Ana's refused words" });
    await h.db.keptText.create({ data: { personId: id, channelId: "set", key: "log reflect", raw, createdAt: new Date() } });
    const out = await say("as Ana\nclick forget-confirm");
    assert.match(out.join("\n"), /Done: 2 entries and everything else about you deleted/);
    const ana = await h.db.person.findUniqueOrThrow({ where: { id } });
    assert.equal(ana.displayName, "a former member");
    assert.equal(await h.db.person.count({ where: { externalId: "Ana" } }), 0, "nothing links the row to Ana's user id");
    assert.equal(await h.db.entry.count({ where: { authorId: ana.id } }), 0);
    assert.equal(await h.db.action.count({ where: { ownerId: ana.id } }), 0);
    assert.equal(await h.db.rsvp.count({ where: { personId: ana.id } }), 0);
    assert.equal(await h.db.keptText.count({ where: { personId: ana.id } }), 0, "her kept words are deleted");
    const memberships = await h.db.membership.findMany({ where: { personId: ana.id } });
    assert.ok(memberships.every((m) => m.registrationNumber === null && m.centreNumber === null && m.centreName === null));
    assert.equal(await h.db.entry.count(), 1, "Ben's entry stays");
    assert.match((await say("as Sam\n/set info")).join("\n"), /Members: 4: Ben, Cleo, Dev, Eve/);
  });
});

describe("forgetting erases the person in every set: each is named, kept with an advisor, and told", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`clock 2027-01-04T09:00Z
as Sam
/set create name:"First set"
/set add member:@Ana
in #second
as Tom
/set create name:"Second set"
/set add member:@Sam
as Sam
/log reflect text:"Listening before answering"`);
  });
  afterAll(() => h.close());

  test("it is refused while the person is the only advisor of a set, naming it and saying how to add another", async () => {
    const before = await h.snapshot();
    for (const line of ["/log forget", "/log forget confirm:yes"]) {
      const out = await say(`in #second\nas Sam\n${line}`);
      assert.match(
        out,
        /^\[#second → Sam\] You are the only advisor of "First set": forgetting you would leave it with nobody to run it\./,
      );
      assert.match(
        out,
        /First add another advisor there \(in that set's channel: \/set advisor user:@Name\), then run \/log forget again\./,
      );
    }
    assert.deepEqual(await h.snapshot(), before);
    assert.match(await say("in #set\n/set info"), /Advisors: Sam/);
  });

  test("the confirmation names every set affected, and confirming tells each set's channel", async () => {
    await h.run("in #set\nas Sam\n/set advisor user:@Zed");
    const asked = await say("in #second\nas Sam\n/log forget");
    assert.match(asked, /and takes you out of the sets: "First set" \(advisor\), "Second set" \(member\)\./);
    const done = replies(await h.run("click forget-confirm"));
    assert.deepEqual(done, [
      '[#second → Sam] Done: 1 entry and everything else about you deleted, in 2 sets ("First set", "Second set"). Thank you for taking part.',
      "[#set] An advisor has left the set and had their data deleted.",
      "[#second] A member has left the set and had their data deleted.",
    ]);
    assert.match(await say("in #set\nas Zed\n/set info"), /Advisors: Zed\n/);
  });

  test("a person re-added after forgetting comes back as new: their own name, reminders on", async () => {
    const out = await say("in #second\nas Tom\n/set add member:@Sam");
    assert.match(out, /^\[#second\] Welcome Sam: added to the set\./);
    const sam = await h.db.person.findFirstOrThrow({ where: { externalId: "Sam" } });
    assert.deepEqual({ name: sam.displayName, nudgesOn: sam.nudgesOn }, { name: "Sam", nudgesOn: true });
    assert.match(await say("/set info"), /Members: 1: Sam\n/);
    assert.match(await say("as Sam\n/log list"), /Your log is empty/);
  });
});
