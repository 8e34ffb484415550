import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";

describe("membership: several members at once, pair labels, advisors", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run('as Sam\n/set create name:"Leading change"');
  });
  afterEach(() => h.close());

  const members = async () =>
    (
      await h.db.membership.findMany({
        where: { role: "member", leftAt: null },
        include: { person: true },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      })
    ).map((m) => [m.person.displayName, m.pairLabel]);

  test("/set add takes several people at once, with or without member:", async () => {
    const out = replies(await h.run("/set add member:@Ana @Ben @Cleo"));
    assert.deepEqual(out, [
      "[#set] Welcome Ana, Ben and Cleo: added to the set. The set has 3 members.",
      "  The set has 3 members: ILM requires at least 4 (4–6 recommended).",
    ]);
    const bare = replies(await h.run("/set add @Dev, @Eve"));
    assert.match(bare[0]!, /^\[#set\] Welcome Dev and Eve: added to the set\. The set has 5 members\.$/);
    assert.equal((await members()).length, 5);
  });

  test("each person is reported: already a member, an advisor, or no room left (at most 8)", async () => {
    await h.run("/set add member:@Ana @Ben @Cleo @Dev @Eve @Fay");
    const out = replies(await h.run("/set add member:@Ana @Sam @Gus @Hal @Ivy")).join("\n");
    assert.match(out, /^\[#set\] Welcome Gus and Hal: added to the set\. The set has 8 members\./);
    assert.match(
      out,
      /Not added: Ana is already a member of the set; Sam is an advisor of this set; .*; Ivy: the set already has 8 members: ILM allows at most 8/,
    );
    assert.equal((await members()).length, 8);
    assert.equal(await h.db.person.count({ where: { externalId: "Ivy" } }), 0, "nobody is stored for a person not added");
  });

  test("when nobody can be added, it is a refusal that changes nothing", async () => {
    await h.run("/set add member:@Ana");
    const before = await h.snapshot();
    const out = replies(await h.run("/set add member:@Ana @Sam"));
    assert.deepEqual(out, [
      "[#set → Sam] Ana is already a member of the set. Sam is an advisor of this set; advisors are not members (they are not in the rotation).",
    ]);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("pair: applies to everyone added; /set pair changes or clears one member's label", async () => {
    await h.run("/set add member:@Ana @Ben pair:ward-7\n/set add member:@Cleo @Dev");
    assert.deepEqual(await members(), [
      ["Ana", "ward-7"],
      ["Ben", "ward-7"],
      ["Cleo", null],
      ["Dev", null],
    ]);
    const moved = replies(await h.run("/set pair member:@Cleo pair:ward-7"));
    assert.match(moved[0]!, /^\[#set\] Cleo is now in pair "ward-7" with Ana and Ben: pair partners present together\./);
    const alone = replies(await h.run("/set pair member:@Dev pair:theatres"));
    assert.match(alone[0]!, /Dev is now in pair "theatres", so far the only member in it/);
    const cleared = replies(await h.run("/set pair member:@Ana pair:none"));
    assert.match(cleared[0]!, /Ana is no longer in a pair \(was "ward-7"\): they present on their own\./);
    assert.deepEqual(await members(), [
      ["Ana", null],
      ["Ben", "ward-7"],
      ["Cleo", "ward-7"],
      ["Dev", "theatres"],
    ]);
    const info = replies(await h.run("/set info")).join("\n");
    assert.match(info, /Ben \(pair ward-7\), Cleo \(pair ward-7\), Dev \(pair theatres\)/);
  });

  test("/set pair refuses a non-member and an unchanged label, changing nothing", async () => {
    await h.run("/set add member:@Ana pair:ops");
    const before = await h.snapshot();
    assert.match(replies(await h.run("/set pair member:@Zed pair:ops"))[0]!, /Zed is not a member of this set\./);
    assert.match(replies(await h.run("/set pair member:@Sam pair:ops"))[0]!, /Sam is not a member of this set\./);
    assert.match(replies(await h.run("/set pair member:@Ana pair:ops"))[0]!, /Ana is already in pair "ops"\./);
    assert.match(replies(await h.run("as Ana\n/set pair member:@Ana pair:x"))[0]!, /Only the set's advisors can use \/set pair/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("an advisor can be removed, never the last one", async () => {
    const before = await h.snapshot();
    const last = replies(await h.run("/set remove-advisor user:@Sam"));
    assert.deepEqual(last, [
      "[#set → Sam] Sam is the set's only advisor, and a set needs one. Add another advisor first (/set advisor user:@Name), then remove Sam.",
    ]);
    assert.deepEqual(await h.snapshot(), before);
    await h.run("/set advisor user:@Tom\n/set add member:@Ana");
    assert.match(replies(await h.run("/set remove-advisor user:@Ana"))[0]!, /Ana is not an advisor of this set\. Advisors: Sam and Tom\./);
    const removed = replies(await h.run("/set remove-advisor user:@Tom"));
    assert.deepEqual(removed, ["[#set] Sam removed Tom as an advisor of the set. Advisors: Sam."]);
    await h.run("/set advisor user:@Uma");
    const stepped = replies(await h.run("/set remove-advisor user:@Sam"));
    assert.deepEqual(stepped, ["[#set] Sam stepped down as an advisor of the set. Advisors: Uma."]);
    assert.match(replies(await h.run("/set rename name:X"))[0]!, /Only the set's advisors can use \/set rename\. Advisors: Uma\./);
  });
});

describe("a new person's time zone", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z", "Europe/London");
  });
  afterEach(() => h.close());

  const zoneOf = async (name: string) => (await h.db.person.findFirstOrThrow({ where: { displayName: name } })).timeZone;

  test("people added, made advisor or first seen take DEFAULT_TIME_ZONE, not the zone of the set's creator", async () => {
    await h.run('as Sam\n/nudge settings tz:America/New_York\n/set create name:"Leading change"');
    assert.equal(await zoneOf("Sam"), "America/New_York");
    await h.run("/set add member:@Ana @Ben\n/set advisor user:@Kim\nas Zoe\n/meeting list");
    for (const name of ["Ana", "Ben", "Kim"]) assert.equal(await zoneOf(name), "Europe/London", name);
    const zoe = await h.db.person.findFirst({ where: { displayName: "Zoe" } });
    assert.ok(zoe === null || zoe.timeZone === "Europe/London");
    await h.run("as Zoe\n/nudge settings");
    assert.equal(await zoneOf("Zoe"), "Europe/London");
  });
});
