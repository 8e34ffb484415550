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
    assert.match(out[0]!, /2 entries, 1 membership, 1 RSVP and more/);
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
    const out = await say("as Ana\nclick forget-confirm");
    assert.match(out.join("\n"), /Done: 2 entries and everything else about you deleted/);
    const ana = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    assert.equal(ana.displayName, "a former member");
    assert.equal(await h.db.entry.count({ where: { authorId: ana.id } }), 0);
    assert.equal(await h.db.action.count({ where: { ownerId: ana.id } }), 0);
    assert.equal(await h.db.rsvp.count({ where: { personId: ana.id } }), 0);
    const memberships = await h.db.membership.findMany({ where: { personId: ana.id } });
    assert.ok(memberships.every((m) => m.registrationNumber === null && m.centreNumber === null && m.centreName === null));
    assert.equal(await h.db.entry.count(), 1, "Ben's entry stays");
    assert.match((await say("as Sam\n/set info")).join("\n"), /Members: 4: Ben, Cleo, Dev, Eve/);
  });
});
