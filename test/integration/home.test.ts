import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type Home, homeAudience, loadHome } from "../../src/app/home.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

// The home page's read model (src/app/home.ts) on a real database: what a member and an advisor are shown, the
// silence and unclosed-meeting rules, and that looking writes nothing. The Slack rendering is tested through
// Bolt in test/adapters/slack-home.test.ts.

const viewer = (userId: string) => ({ platform: "console", workspaceId: "local", userId });
const sets = (home: Home) => {
  assert.equal(home.kind, "sets");
  return home as Extract<Home, { kind: "sets" }>;
};

describe("the home page's read model", () => {
  let h: Harness;
  const home = (who: string) => loadHome(h.db, viewer(who), h.clock.now());

  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      [
        FIVE_MEMBER_SET,
        "as Ana",
        '/meeting schedule when:"2027-01-12 10:00" duration:2h',
        '/log action text:"Ask for a weekly slot with her" due:2027-01-08',
        '/log action text:"Draft the new rota with the team"',
        '/log strength text:"I listen before I decide"',
        "/meeting rsvp answer:yes",
        "as Ben",
        "/away until:2027-01-20",
      ].join("\n"),
    );
  });
  afterAll(() => h.close());

  test("a member sees their next meeting and answer, their open actions soonest due first, and their criteria", async () => {
    const ana = sets(await home("Ana"));
    assert.deepEqual(ana.advises, []);
    const [blue] = ana.member;
    assert.equal(blue!.setName, "Leading change");
    assert.equal(blue!.next?.number, 1);
    assert.equal(blue!.next?.startsAt.toISOString(), "2027-01-12T10:00:00.000Z");
    assert.equal(blue!.next?.answer, "yes");
    assert.equal(blue!.next?.presenting, blue!.next!.presenters.includes("Ana"));
    assert.deepEqual(
      blue!.actions.map((a) => [a.number, a.text, a.due?.date ?? null, a.overdue]),
      [
        [1, "Ask for a weekly slot with her", "2027-01-08", false],
        [2, "Draft the new rota with the team", null, false],
      ],
    );
    assert.deepEqual(
      blue!.coverage.map((c) => [c.criterion, c.status, c.words]),
      [
        ["1.1", "thin", 5],
        ["1.2", "missing", 0],
        ["2.1", "missing", 0],
        ["2.2", "missing", 14],
        ["2.3", "missing", 0],
      ],
    );
    assert.equal(blue!.awayUntil, null);
    // Ben is away: he sees until when, and his apologies are his answer.
    const ben = sets(await home("Ben")).member[0]!;
    assert.equal(ben.awayUntil?.date, "2027-01-20");
    assert.equal(ben.next?.answer, "no");
    assert.equal(ben.next?.presenting, false, "someone away does not present");
  });

  test("an action past its due day is overdue", async () => {
    h.clock.set(new Date("2027-01-09T09:00:00Z"));
    const [first] = sets(await home("Ana")).member[0]!.actions;
    assert.equal(first!.overdue, true);
  });

  test("an advisor sees counts and dates: unclosed meetings, members silent for 30 days, coverage by status", async () => {
    h.clock.set(new Date("2027-02-05T12:00:00Z"));
    const sam = sets(await home("Sam"));
    assert.deepEqual(sam.member, []);
    const [set] = sam.advises;
    assert.deepEqual(
      set!.unclosed.map((m) => m.number),
      [1],
      "meeting 1 ended and was never closed",
    );
    assert.equal(set!.next, null);
    // Ana's last entry was on 4 January, the others joined then and wrote nothing: all silent by 5 February.
    assert.deepEqual(
      set!.silent.map((m) => [m.name, m.hasEntries]),
      [
        ["Ana", true],
        ["Ben", false],
        ["Cleo", false],
        ["Dev", false],
        ["Eve", false],
      ],
    );
    assert.deepEqual(set!.coverage[0], { name: "Ana", covered: 0, thin: 1, missing: 4 });
    assert.ok(!JSON.stringify(sam).includes("weekly slot") && !JSON.stringify(sam).includes("listen before"), "no member's words");
    await h.run('as Cleo\n/log reflect text:"I ask more than I tell now"');
    const after = sets(await home("Sam")).advises[0]!;
    assert.ok(!after.silent.some((m) => m.name === "Cleo"), "an entry ends a silence");
  });

  test("someone never seen, or in no set, gets the welcome; looking writes nothing", async () => {
    const before = await h.snapshot();
    assert.deepEqual(await home("Zed"), { kind: "welcome", known: false });
    for (const who of ["Ana", "Ben", "Sam", "Zed"]) await home(who);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a change in a set's channel may show on the Homes of the actor and of everyone in the set", async () => {
    const place = { platform: "console", workspaceId: "local", userId: "Ana" };
    const channel = (await h.db.learningSet.findFirstOrThrow()).channelId;
    assert.deepEqual((await homeAudience(h.db, { ...place, channelId: channel })).sort(), ["Ana", "Ben", "Cleo", "Dev", "Eve", "Sam"]);
    assert.deepEqual(await homeAudience(h.db, { ...place, channelId: "elsewhere" }), ["Ana"]);
  });
});
