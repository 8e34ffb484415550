import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("ending a leave early withdraws the apologies the bot sent for it", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  /** Eve's answers, by meeting number. */
  const eveAnswers = async () => {
    const rows = await h.db.rsvp.findMany({ where: { person: { externalId: "Eve" } }, include: { meeting: true } });
    return Object.fromEntries(rows.map((r) => [r.meeting.number, r.answer]).sort(([a], [b]) => Number(a) - Number(b)));
  };
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00" every:"second tuesday" count:6
as Eve
/meeting rsvp answer:no meeting:4`);
  });
  afterAll(() => h.close());

  test("a long leave sends apologies for the meetings in it, leaving the member's own as it was", async () => {
    const out = await say('/away until:2027-05-31 note:"secondment"');
    assert.match(out, /Apologies sent for 4 meetings \(1, 2, 3, 5\)\./);
    assert.deepEqual(await eveAnswers(), { 1: "no", 2: "no", 3: "no", 4: "no", 5: "no" });
  });

  test("/away off withdraws those still to come and says which; past meetings and her own apology stay", async () => {
    const out = await say("clock 2027-02-01T09:00Z\n/away off");
    assert.match(
      out,
      /\[#set\] Welcome back, Eve: back in the rotation\. The apologies sent for the leave are withdrawn: meeting 2 \(Tue 9 Feb 2027, 10:00 GMT\), meeting 3 \(Tue 9 Mar 2027, 10:00 GMT\), meeting 5 \(Tue 11 May 2027, 10:00 BST\)\./,
    );
    assert.deepEqual(await eveAnswers(), { 1: "no", 4: "no" });
  });

  test("an apology the member sends during a leave is theirs, and stays when the leave ends", async () => {
    await h.run("/away until:2027-03-31\n/meeting rsvp answer:no meeting:3");
    assert.deepEqual(await eveAnswers(), { 1: "no", 2: "no", 3: "no", 4: "no" });
    assert.match(await say("as Sam\n/away off member:@Eve"), /withdrawn: meeting 2 \(Tue 9 Feb 2027, 10:00 GMT\)\. /);
    assert.deepEqual(await eveAnswers(), { 1: "no", 3: "no", 4: "no" });
  });
});

describe("/away from: until: books leave ahead", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:"second tuesday" count:6`);
  });
  afterAll(() => h.close());

  test("refused when the first day is past or after the last, changing nothing", async () => {
    const before = await h.snapshot();
    assert.match(await say("as Eve\n/away from:2027-01-01 until:2027-03-31"), /Option from: Fri 1 Jan 2027 is in the past/);
    assert.match(await say("/away from:2027-04-01 until:2027-03-31"), /Option from: Thu 1 Apr 2027 is after until: Wed 31 Mar 2027/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("the leave starts on its first day: apologies only for the meetings inside it, and the member is here until then", async () => {
    const out = await say('as Eve\n/away from:2027-03-01 until:2027-04-30 note:"course"');
    assert.match(out, /^\[#set\] Eve will be away from Mon 1 Mar 2027 to Fri 30 Apr 2027 \(course\): out of the rotation for those days/);
    assert.match(out, /Apologies sent for 2 meetings \(3, 4\)\./);
    const absence = await h.db.absence.findFirstOrThrow();
    assert.equal(absence.startsAt.toISOString(), "2027-03-01T00:00:00.000Z");
    assert.match(await say("/meeting rsvp answer:yes meeting:2"), /Eve/);
    assert.match(await say("/meeting rsvp answer:yes meeting:3"), /You're marked as away for meeting 3/);
  });

  test("/away off on a leave not yet started says it is cancelled, not welcome back, and withdraws its apologies", async () => {
    const out = await say("/away off");
    assert.doesNotMatch(out, /Welcome back/);
    assert.match(
      out,
      /^\[#set\] Eve's leave booked from Mon 1 Mar 2027 to Fri 30 Apr 2027 is cancelled: Eve stays in the rotation\. The apologies sent for the leave are withdrawn: meeting 3 \(Tue 9 Mar 2027, 10:00 GMT\), meeting 4 \(Tue 13 Apr 2027, 10:00 BST\)\./,
    );
    const answers = await h.db.rsvp.findMany({ where: { person: { externalId: "Eve" } }, include: { meeting: true } });
    assert.deepEqual(
      answers.map((r) => [r.meeting.number, r.answer]),
      [[2, "yes"]],
      "her own answer stays; the leave's apologies are gone",
    );
    assert.match(await say("/away off"), /Eve is not marked as away\./);
  });

  test("/away off while away with another leave booked ahead says which ends and which is cancelled", async () => {
    await h.run("/away until:2027-01-08\n/away from:2027-03-01 until:2027-03-12");
    const out = await say("/away off");
    assert.match(
      out,
      /^\[#set\] Welcome back, Eve: back in the rotation\. The leave booked from Mon 1 Mar 2027 to Fri 12 Mar 2027 is cancelled too\./,
    );
    assert.match(out, /withdrawn: meeting 3 \(Tue 9 Mar 2027, 10:00 GMT\)\./);
  });
});
