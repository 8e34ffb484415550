/**
 * The end of the programme (issue 22, item 13): at the end of its last day each advisor is told once and offered to
 * archive the set, and the weekly digest and silence alerts stop then instead of going on until someone archives it.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The programme's last day, Wednesday 10 March 2027 (the set's zone, London, is on GMT then), is over at 2027-03-11T00:00Z. */
const OVER = Date.parse("2027-03-11T00:00:00Z");

describe("the programme's end, through the outbox", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    // Fay joins late: she falls silent (30 days) only after the programme has ended. A meeting after the end is left
    // on the calendar, so archiving asks to confirm first.
    await h.run(`${FIVE_MEMBER_SET}
/set programme start:2027-01-04 end:2027-03-10
as Ana
/meeting schedule when:"2027-05-04 10:00" duration:2h
clock 2027-02-20T10:00Z
as Sam
/set add member:@Fay`);
  });
  afterEach(() => h.close());

  const rows = (kind: string) => h.db.outbox.findMany({ where: { kind }, orderBy: { sendAt: "asc" } });

  test("each advisor is told once when the last day is over, with a button to archive; no digest or silence alert after it", {
    timeout: 120_000,
  }, async () => {
    const out = replies(await h.run("clock 2027-04-30T12:00Z")).join("\n");
    const told = out.split("\n").filter((l) => /the programme ended/.test(l));
    assert.equal(told.length, 1, out);
    assert.match(
      told[0]!,
      /^\[DM Sam\] Set "Leading change": the programme ended on Wed 10 Mar 2027, so its weekly digest and silence alerts have stopped\./,
    );
    assert.match(out, /\[button set-archive: Archive the set\]/);
    assert.match(out, /\[button stop-advisor-programme-end: Stop these\]/);

    const set = await h.db.learningSet.findFirstOrThrow();
    const sam = await h.db.person.findFirstOrThrow({ where: { externalId: "Sam" } });
    const ends = await rows("advisor-programme-end");
    assert.deepEqual(
      ends.map((r) => [r.key, r.status]),
      [[`advisor-programme-end:${set.id}:${sam.id}:${set.id}:2027-03-10`, "sent"]],
    );
    assert.ok(ends[0]!.sendAt.getTime() >= OVER, "not before the last day is over");

    const digests = await rows("advisor-digest");
    assert.equal(digests.at(-1)?.key.split(":").at(-1), "2027-W10", "the last digest is Monday 8 March's");
    assert.ok(digests.every((r) => r.sendAt.getTime() < OVER));
    const silent = await rows("advisor-silent");
    assert.equal(silent.length, 5, "the five first members' silences (due 3 February), not Fay's (due 22 March)");
    assert.ok(silent.every((r) => r.sendAt.getTime() < OVER));

    // The button is /set archive as typed: with a meeting still to come, it asks to confirm and changes nothing.
    const clicked = replies(await h.run("as Sam\nclick set-archive")).join("\n");
    assert.match(clicked, /^\[#set → Sam\] Archiving "Leading change" cancels meeting 1 /);
    assert.match(clicked, /\[button set-archive-confirm: Archive the set\]/);
    assert.equal((await h.db.learningSet.findFirstOrThrow()).archivedAt, null);
    await h.run("as Sam\nclick set-archive-confirm");
    assert.notEqual((await h.db.learningSet.findFirstOrThrow()).archivedAt, null);
  });

  test("an end moved later after it was told is told again for the new day, and the digest resumes until then", {
    timeout: 120_000,
  }, async () => {
    await h.run("clock 2027-03-12T12:00Z\nas Sam\n/set programme start:2027-01-04 end:2027-03-24\nclock 2027-04-10T12:00Z");
    const ends = await rows("advisor-programme-end");
    assert.deepEqual(
      ends.map((r) => r.key.split(":").at(-1)),
      ["2027-03-10", "2027-03-24"],
    );
    const weeks = (await rows("advisor-digest")).map((r) => r.key.split(":").at(-1));
    assert.deepEqual(weeks.slice(-3), ["2027-W10", "2027-W11", "2027-W12"], "15 and 22 March's are sent once the end moves to the 24th");
  });
});
