import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const SCHEDULED = `${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:3`;

describe("advisors hear of meetings nobody can attend and of meetings never closed, through the outbox", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(SCHEDULED);
  });
  afterEach(() => h.close());

  const keysOf = async (kind: string) =>
    (await h.db.outbox.findMany({ where: { kind }, orderBy: { key: "asc" } })).map((r) => [r.key, r.status]);

  test("a meeting never closed: the set is asked a day after it ended, then the advisors a day later", async () => {
    const day1 = replies(await h.run("clock 2027-01-13T12:30Z")).join("\n");
    assert.match(
      day1,
      /\[clock\] Wed 13 Jan 2027, 12:00 GMT\n\[#set\] Meeting 1 \(Tue 12 Jan 2027, 10:00 GMT\) has ended but was never closed\. Close it to record who came/,
    );
    assert.match(day1, /\[button meeting-close-1: Close meeting 1\]/);
    assert.doesNotMatch(
      day1,
      /\[DM Sam\] Set "Leading change": meeting 1/,
      "the advisors are told only a day later (the weekly digest aside)",
    );
    const day2 = replies(await h.run("clock 2027-01-14T12:30Z")).join("\n");
    assert.match(day2, /\[DM Sam\] Set "Leading change": meeting 1 \(Tue 12 Jan 2027, 10:00 GMT\) was never closed/);
    assert.match(day2, /\[button stop-advisor-unclosed: Stop these\]/);
    await h.run("clock 2027-01-20T12:00Z");
    const set = await h.db.learningSet.findFirstOrThrow();
    const sam = await h.db.person.findFirstOrThrow({ where: { externalId: "Sam" } });
    const meeting = await h.db.meeting.findFirstOrThrow({ where: { number: 1 } });
    assert.deepEqual(await keysOf("meeting-unclosed"), [[`meeting-unclosed:${set.id}:channel:${meeting.id}:1`, "sent"]]);
    assert.deepEqual(await keysOf("advisor-unclosed"), [[`advisor-unclosed:${set.id}:${sam.id}:${meeting.id}:1`, "sent"]]);
  });

  test("closing the meeting after the set was asked means the advisors are not told", async () => {
    await h.run("clock 2027-01-13T12:30Z");
    const closed = replies(await h.run("as Ben\nclick meeting-close-1")).join("\n");
    assert.match(closed, /Meeting 1 closed by Ben/);
    const later = replies(await h.run("clock 2027-01-15T12:00Z")).join("\n");
    assert.doesNotMatch(later, /never closed/);
    assert.deepEqual(await keysOf("advisor-unclosed"), []);
  });

  test("every member away for a meeting: each advisor is told once, a week before it", async () => {
    await h.run("clock 2027-01-12T12:05Z\nas Dev\n/meeting close\nas Sam\n/set advisor user:@Tom\nclock 2027-01-20T09:00Z");
    for (const who of ["Ana", "Ben", "Cleo", "Dev", "Eve"]) await h.run(`as ${who}\n/away until:2027-02-20`);
    const out = replies(await h.run("clock 2027-02-06T12:00Z")).join("\n");
    // Sorted: reminders due at one moment may be claimed in any order (PostgreSQL).
    const told = out
      .split("\n")
      .filter((l) => /every member is away/.test(l))
      .sort();
    assert.deepEqual(told, [
      '[DM Sam] Set "Leading change": every member is away for meeting 2 (Fri 12 Feb 2027, 10:00 GMT), so nobody can come. Agree another date with the set and move it (/meeting move meeting:2 when:"…"), or cancel it (/meeting cancel meeting:2).',
      '[DM Tom] Set "Leading change": every member is away for meeting 2 (Fri 12 Feb 2027, 10:00 GMT), so nobody can come. Agree another date with the set and move it (/meeting move meeting:2 when:"…"), or cancel it (/meeting cancel meeting:2).',
    ]);
    assert.match(out, /\[clock\] Fri 5 Feb 2027, 10:00 GMT\n\[DM (Sam|Tom)\] Set "Leading change": every member is away/);
    await h.run("clock 2027-02-12T09:00Z");
    assert.equal((await keysOf("advisor-all-away")).length, 2, "one per advisor, never repeated");
  });

  test('every member away: the channel\'s day-before post says the meeting has nobody to come, not "Will you come?"', async () => {
    await h.run("clock 2027-01-12T12:05Z\nas Dev\n/meeting close\nclock 2027-01-20T09:00Z");
    for (const who of ["Ana", "Ben", "Cleo", "Dev", "Eve"]) await h.run(`as ${who}\n/away until:2027-02-20`);
    const out = replies(await h.run("clock 2027-02-12T09:00Z")).join("\n");
    const post = out.split("\n").find((l) => l.startsWith("[#set] Meeting 2 is tomorrow"));
    assert.equal(
      post,
      '[#set] Meeting 2 is tomorrow: Fri 12 Feb 2027, 10:00 GMT. Every member is away that day, so nobody can come: move it (/meeting move meeting:2 when:"…") or cancel it (/meeting cancel meeting:2).',
    );
    assert.doesNotMatch(out, /Will you come\?/);
    assert.doesNotMatch(out, /\[button rsvp-yes/);
  });

  test("nobody is told while at least one member can come", async () => {
    await h.run("clock 2027-01-12T12:05Z\nas Dev\n/meeting close\nclock 2027-01-20T09:00Z");
    for (const who of ["Ana", "Ben", "Cleo", "Dev"]) await h.run(`as ${who}\n/away until:2027-02-20`);
    const out = replies(await h.run("clock 2027-02-12T09:00Z")).join("\n");
    assert.doesNotMatch(out, /every member is away/);
  });
});
