import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The meetings' numbers by start time, cancelled ones included: `[[1, "2027-01-12"], …]`. */
async function numbersByTime(h: Harness): Promise<[number, string][]> {
  const rows = await h.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
  return rows.map((m) => [m.number, m.startsAt.toISOString().slice(0, 10)]);
}

/** The meeting numbers /meeting list prints, in the order it prints them. */
const listed = (out: string[]) => [...out.join("\n").matchAll(/^\s*Meeting (\d+) · /gm)].map((m) => Number(m[1]));

describe("meeting numbers follow the meetings' order in time, and a number people were given keeps its meeting", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(() => h.close());

  test("a next meeting agreed at close, before the series' next dates, takes the next number; the later ones move up and the set is told", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\nclock 2027-01-12T12:05Z');
    const closed = replies(await h.run('/meeting close next:"2027-01-26 10:00"')).join("\n");
    assert.deepEqual(await numbersByTime(h), [
      [1, "2027-01-12"],
      [2, "2027-01-26"],
      [3, "2027-02-12"],
      [4, "2027-03-12"],
    ]);
    assert.match(closed, /Next: Meeting 2 · Tue 26 Jan 2027/);
    assert.match(
      closed,
      /Meeting numbers follow dates: meeting 2 \(Fri 12 Feb 2027, 10:00 GMT\) is now meeting 3, meeting 3 \(Fri 12 Mar 2027, 10:00 GMT\) is now meeting 4\./,
    );
    assert.deepEqual(listed(replies(await h.run("/meeting list"))), [2, 3, 4]);
    // `meeting:` takes the numbers printed.
    const rsvp = replies(await h.run("/meeting rsvp answer:no meeting:3")).join("\n");
    assert.match(rsvp, /Fri 12 Feb 2027/);
    // The reminder the day before names the meeting by the number the list gave.
    const reminders = replies(await h.run("clock 2027-01-25T12:00Z")).join("\n");
    assert.match(reminders, /Meeting 2 is tomorrow: Tue 26 Jan 2027/);
  });

  test("a meeting moved before another that is not announced yet swaps numbers with it, and the move says so", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-02-02 10:00" every:"first tuesday" count:3');
    const moved = replies(await h.run('/meeting move meeting:3 when:"2027-02-16 10:00"')).join("\n");
    assert.match(
      moved,
      /Ana moved meeting 3 from Tue 6 Apr 2027, 10:00 BST to Tue 16 Feb 2027, 10:00 GMT\.\n\s*Meeting 2 · Tue 16 Feb 2027/,
    );
    assert.match(
      moved,
      /Meeting numbers follow dates: meeting 3 \(Tue 16 Feb 2027, 10:00 GMT\) is now meeting 2, meeting 2 \(Tue 2 Mar 2027, 10:00 GMT\) is now meeting 3\./,
    );
    assert.deepEqual(await numbersByTime(h), [
      [1, "2027-02-02"],
      [2, "2027-02-16"],
      [3, "2027-03-02"],
    ]);
    assert.deepEqual(listed(replies(await h.run("/meeting list"))), [1, 2, 3]);
  });

  test("numbers of meetings held or announced never change: an earlier meeting scheduled after them numbers on from them", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\nclock 2027-01-12T12:05Z');
    // Meeting 1 is held; closing announces meeting 2 (12 Feb), and the set is told its number.
    await h.run("/meeting close");
    const out = replies(await h.run('/meeting schedule when:"2027-02-05 10:00"')).join("\n");
    assert.deepEqual(await numbersByTime(h), [
      [1, "2027-01-12"],
      [3, "2027-02-05"],
      [2, "2027-02-12"],
      [4, "2027-03-12"],
    ]);
    assert.match(out, /Meeting 3 · Fri 5 Feb 2027/);
    assert.match(out, /Meeting numbers follow dates: meeting 3 \(Fri 12 Mar 2027, 10:00 GMT\) is now meeting 4\./);
    const rsvp = replies(await h.run("/meeting rsvp answer:yes meeting:2")).join("\n");
    assert.match(rsvp, /Fri 12 Feb 2027/, "meeting 2 is still the meeting announced as meeting 2");
  });

  test("a series scheduled after another gets numbers in time order among the meetings not yet announced", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-02-02 10:00" every:"first tuesday" count:2');
    await h.run('/meeting schedule when:"2027-02-16 10:00" every:"third tuesday" count:2');
    assert.deepEqual(await numbersByTime(h), [
      [1, "2027-02-02"],
      [2, "2027-02-16"],
      [3, "2027-03-02"],
      [4, "2027-03-16"],
    ]);
  });
});
