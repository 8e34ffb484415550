import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("scheduling through the commands", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-03-01T09:00:00Z");
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(() => h.close());

  test("a weekly series keeps 10:00 London time across the clocks going forward", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-23 10:00" every:weekly count:3');
    const rows = await h.db.meeting.findMany({ orderBy: { number: "asc" } });
    assert.deepEqual(
      rows.map((m) => m.startsAt.toISOString()),
      ["2027-03-23T10:00:00.000Z", "2027-03-30T09:00:00.000Z", "2027-04-06T09:00:00.000Z"],
    );
    assert.equal(new Set(rows.map((m) => m.seriesId)).size, 1);
    const series = await h.db.meetingSeries.findFirstOrThrow();
    assert.match(series.rule, /FREQ=WEEKLY/);
    assert.equal(series.timeZone, "Europe/London");
  });

  test("natural-language dates are read in the actor's time zone", async () => {
    await h.db.person.update({
      where: { workspaceId_externalId: { workspaceId: (await h.db.workspace.findFirstOrThrow()).id, externalId: "Ana" } },
      data: { timeZone: "America/New_York" },
    });
    await h.run('as Ana\n/meeting schedule when:"next tuesday 10am" duration:90m');
    const m = await h.db.meeting.findFirstOrThrow();
    assert.equal(m.startsAt.toISOString(), "2027-03-09T15:00:00.000Z");
    assert.equal(m.durationMinutes, 90);
  });

  test('"first tuesday" gives the first Tuesday of each month, count honoured', async () => {
    const out = replies(await h.run('as Ben\n/meeting schedule "2027-04-06 14:00" 2h every:"first tuesday" count:4'));
    assert.match(out[0]!, /Ben scheduled 4 meetings, the first Tuesday of each month/);
    const rows = await h.db.meeting.findMany({ orderBy: { number: "asc" } });
    assert.deepEqual(
      rows.map((m) => m.startsAt.toISOString().slice(0, 10)),
      ["2027-04-06", "2027-05-04", "2027-06-01", "2027-07-06"],
    );
  });

  test("the help's example: a first meeting asked for on a day off the cadence is kept, the rest follow it, and the reply says so", async () => {
    const out = replies(await h.run('as Ben\n/meeting schedule "2027-04-13 14:00" 2h every:"first tuesday" count:8'));
    const rows = await h.db.meeting.findMany({ orderBy: { startsAt: "asc" } });
    assert.deepEqual(
      rows.map((m) => m.startsAt.toISOString().slice(0, 10)),
      ["2027-04-13", "2027-05-04", "2027-06-01", "2027-07-06", "2027-08-03", "2027-09-07", "2027-10-05", "2027-11-02"],
    );
    assert.match(out[0]!, /^\[#set\] Ben scheduled 8 meetings, the first Tuesday of each month, from Tue 13 Apr 2027/);
    assert.match(
      out.join("\n"),
      /The first meeting is on the day you asked for, Tue 13 Apr 2027, which is not the first Tuesday of its month; the other 7 fall on the first Tuesday of each month\./,
    );
    const plain = replies(await h.run('/meeting schedule "2027-12-07 14:00" 2h every:"first tuesday" count:2'));
    assert.doesNotMatch(plain.join("\n"), /The first meeting is on the day you asked for/);
  });

  test("until: ends a fortnightly series on that day", async () => {
    await h.run('as Ben\n/meeting schedule when:"2027-03-02 10:00" every:fortnightly until:2027-04-13');
    const rows = await h.db.meeting.findMany({ orderBy: { number: "asc" } });
    assert.deepEqual(
      rows.map((m) => m.startsAt.toISOString().slice(0, 10)),
      ["2027-03-02", "2027-03-16", "2027-03-30", "2027-04-13"],
    );
  });

  test("moving and cancelling tell the set", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-10 10:00" every:weekly count:2');
    const moved = replies(await h.run('/meeting move meeting:2 when:"2027-03-18 15:00"'));
    assert.match(moved[0]!, /^\[#set\] Ana moved meeting 2 from Wed 17 Mar 2027, 10:00 GMT to Thu 18 Mar 2027, 15:00 GMT\./);
    const cancelled = replies(await h.run("/meeting cancel meeting:next"));
    assert.match(cancelled[0]!, /^\[#set\] Ana cancelled meeting 1 .*The next meeting is meeting 2, Thu 18 Mar 2027, 15:00 GMT\./);
    const again = replies(await h.run("/meeting cancel meeting:1"));
    assert.match(again[0]!, /Meeting 1 is cancelled; only upcoming meetings can be cancelled/);
    const list = replies(await h.run("/meeting list")).join("\n");
    assert.doesNotMatch(list, /Meeting 1 /);
    assert.match(list, /Meeting 2 · Thu 18 Mar 2027, 15:00 GMT/);
  });

  test("the calendar is an .ics file with one event per meeting, cancelled ones marked", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-10 10:00" every:weekly count:3\n/meeting cancel meeting:2');
    const out = replies(await h.run("/meeting calendar"));
    const file = out
      .find((l) => l.trim().startsWith("[file "))!
      .trim()
      .slice(6, -1);
    const ics = readFileSync(file, "utf8");
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 3);
    assert.match(ics, /DTSTART:20270310T100000Z/);
    assert.match(ics, /STATUS:CANCELLED/);
    assert.match(ics, /SUMMARY:Action learning set: Leading change \(meeting 1\)/);
  });

  test("RSVP buttons answer for whoever presses them", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-03-10 10:00"');
    const next = replies(await h.run("as Cleo\n/meeting next"));
    assert.ok(next.includes("  [button rsvp-no-1: Send apologies]"));
    const click = replies(await h.run("click rsvp-no-1"));
    assert.match(click.join("\n"), /Apologies noted for meeting 1/);
    const rsvp = await h.db.rsvp.findFirstOrThrow({ include: { person: true } });
    assert.equal(rsvp.person.displayName, "Cleo");
    assert.equal(rsvp.answer, "no");
  });

  test("set info shows compliance warnings for programme length", async () => {
    await h.run("as Sam\n/set programme start:2027-03-01 end:2027-07-31");
    const out = replies(await h.run("/set info")).join("\n");
    assert.match(out, /Programme: 2027-03-01 to 2027-07-31/);
    assert.match(out, /Compliance: ✗ The programme runs 5 months \(2027-03-01 to 2027-07-31\): ILM M3.37 requires at least 6 months/);
  });
});
