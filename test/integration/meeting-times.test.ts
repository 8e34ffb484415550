import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("meeting times: weekends are pointed out, clashes are refused", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(() => h.close());

  test("a monthly series landing on Sundays gets a note to its author suggesting the weekday form", async () => {
    const out = replies(await h.run('as Ana\n/meeting schedule when:"2027-01-07 10:00" every:monthly count:4'));
    const note = out.find((l) => l.startsWith("[#set → Ana]"));
    assert.ok(note, out.join("\n"));
    assert.match(note, /meetings 2 and 3 fall on a weekend \(Sun 7 Feb 2027 and Sun 7 Mar 2027\)/);
    assert.match(note, /every:"first thursday" keeps the weekday/);
    assert.equal(await h.db.meeting.count(), 4, "the note is advice: the meetings are scheduled");
    assert.doesNotMatch(out.filter((l) => l.startsWith("[#set]")).join("\n"), /weekend/, "the channel post stays as it was");
  });

  test("a series on weekdays, the weekday form included, gets no note", async () => {
    const out = replies(await h.run('as Ana\n/meeting schedule when:"2027-01-07 10:00" every:"first thursday" count:6'));
    assert.doesNotMatch(out.join("\n"), /weekend/);
  });

  test("a second series over the same hours is refused, naming the meeting it clashes with, and changes nothing", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-02-02 10:00" every:"first tuesday" count:3');
    const before = await h.snapshot();
    const out = replies(await h.run('as Ben\n/meeting schedule when:"2027-02-02 10:00" every:"first tuesday" count:3'));
    assert.equal(out.length, 1);
    assert.match(
      out[0]!,
      /^\[#set → Ben\] 3 of these times overlap the set's other meetings: Tue 2 Feb 2027, 10:00 GMT overlaps meeting 1/,
    );
    assert.match(out[0]!, /A set holds one meeting at a time, so nothing was scheduled\. Choose another time/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("a one-off meeting inside another is refused; one that starts as the other ends is fine", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-02 10:00" duration:2h');
    const refused = replies(await h.run('/meeting schedule when:"2027-03-02 11:00" duration:1h'));
    assert.match(refused[0]!, /Tue 2 Mar 2027, 11:00 GMT overlaps meeting 1 \(Tue 2 Mar 2027, 10:00 GMT, 2h\)/);
    const fine = replies(await h.run('/meeting schedule when:"2027-03-02 12:00" duration:1h'));
    assert.match(fine[0]!, /Ana scheduled a meeting/);
    assert.equal(await h.db.meeting.count(), 2);
  });

  test("moving a meeting onto another is refused; moving it to a Sunday is done with a note", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-02-02 10:00" every:"first tuesday" count:3');
    const before = await h.snapshot();
    const refused = replies(await h.run('/meeting move meeting:2 when:"2027-02-02 11:00"'));
    assert.match(refused[0]!, /overlaps meeting 1 .* so meeting 2 was not moved/);
    assert.deepEqual(await h.snapshot(), before);
    const moved = replies(await h.run('/meeting move meeting:2 when:"2027-03-07 10:00"'));
    assert.match(moved[0]!, /^\[#set\] Ana moved meeting 2/);
    assert.match(moved[2]!, /^\[#set → Ana\] Note: meeting 2 falls on a weekend \(Sun 7 Mar 2027\)\. To change it/);
  });

  test("a cancelled meeting's time is free again", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-02 10:00"\n/meeting cancel meeting:1');
    const out = replies(await h.run('/meeting schedule when:"2027-03-02 10:00"'));
    assert.match(out[0]!, /Ana scheduled a meeting/);
  });

  test("closing with a next date that is already in the calendar does not schedule it twice", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:2\nclock 2027-01-12T12:05Z');
    const out = replies(await h.run('/meeting close next:"2027-02-12 10:00"')).join("\n");
    assert.match(out, /overlaps meeting 2 \(Fri 12 Feb 2027, 10:00 GMT\), already scheduled, so no meeting was added/);
    assert.match(out, /Next: Meeting 2 /);
    assert.equal(await h.db.meeting.count(), 2);
  });
});
