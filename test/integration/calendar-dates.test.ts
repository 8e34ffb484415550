import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, test } from "vitest";
import { BASE, createHarness, type Harness, replies } from "../support/harness.ts";

/** The set every scenario starts from (issue 12's BASE script). */

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

describe("calendar dates read exactly as the learner gave them", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeEach(async () => {
    h = await createHarness();
    await h.run(BASE);
  });
  afterEach(() => h.close());

  test("a due date is the same day in /action list and in the draft", async () => {
    await h.run(`/log action text:X due:"2027-01-20"`);
    assert.match((await say("/action list")).join("\n"), /action #1: X \(agreed at meeting 1, due Wed 20 Jan 2027\)/);
    const draft = readFileSync(fileOf(await say("/log draft"))!, "utf8");
    assert.match(draft, /Action #1 \(agreed 4 Jan 2027, due 20 Jan 2027\): X/);
    assert.doesNotMatch(draft, /21 Jan 2027/);
  });

  test("a Berlin member's leave is announced with the last day they gave", async () => {
    const out = await say("as Eve\n/nudge settings tz:Europe/Berlin\n/away until:2027-02-20");
    assert.match(out.join("\n"), /\[#set\] Eve is away until Sat 20 Feb 2027: out of the rotation/);
  });

  test("due dates in every zone: the draft, the list and the reminder show the day given", async () => {
    for (const [who, zone] of [
      ["Ben", "Europe/Berlin"],
      ["Cleo", "America/New_York"],
      ["Dev", "Pacific/Auckland"],
    ] as const) {
      await h.run(`as ${who}\n/nudge settings tz:${zone} quiet:none\n/log action text:"Ring the lead" due:2027-03-28`);
      assert.match((await say("/action list")).join("\n"), /due Sun 28 Mar 2027/, zone);
      const draft = readFileSync(fileOf(await say("/log draft"))!, "utf8");
      assert.match(draft, /due 28 Mar 2027\): Ring the lead/, zone);
      const csv = readFileSync(fileOf(await say("/log draft format:csv"))!, "utf8");
      assert.doesNotMatch(csv, /2027-03-29/, zone);
    }
  });

  test("a due date passes at the end of that day in the owner's zone: not before, and the reminder names the day", async () => {
    await h.run("as Dev\n/nudge settings tz:Pacific/Auckland quiet:none\n/log action text:Ring due:2027-01-20");
    // The end of 20 Jan in Auckland (NZDT, UTC+13) is 2027-01-20T11:00Z.
    const before = await say("clock 2027-01-20T10:59Z");
    assert.doesNotMatch(before.join("\n"), /was due/);
    const after = await say("clock 2027-01-20T11:01Z");
    assert.match(after.join("\n"), /\[DM Dev\] Action #1 "Ring" was due Wed 20 Jan 2027\. How did it go\?/);
    assert.match((await say("as Sam\n/progress member:@Dev")).join("\n"), /1 overdue/);
  });

  test("a day already over in the learner's zone is refused as past, with the day as given", async () => {
    // At 12:00 UTC it is already 01:00 on 5 Jan in Auckland: 4 Jan is over there, still running in London.
    const nz = await say("clock 2027-01-04T12:00Z\nas Dev\n/nudge settings tz:Pacific/Auckland\n/log action text:Ring due:2027-01-04");
    assert.match(nz.join("\n"), /Option due: Mon 4 Jan 2027 is in the past/);
    const london = await say("as Ana\n/log action text:Ring due:2027-01-04");
    assert.match(london.join("\n"), /Action recorded/);
  });

  test("a leave ends at the end of its last day in the member's zone, and /away off ends it early", async () => {
    await h.run("as Eve\n/nudge settings tz:Europe/Berlin\n/away until:2027-02-20");
    assert.match((await say("clock 2027-02-20T22:30Z\n/set info")).join("\n"), /Eve \(away\)/);
    assert.doesNotMatch((await say("clock 2027-02-20T23:00Z\n/set info")).join("\n"), /Eve \(away\)/);
    await h.run("/away until:2027-03-31");
    assert.match((await say("/away off")).join("\n"), /Welcome back, Eve/);
    assert.doesNotMatch((await say("/set info")).join("\n"), /Eve \(away\)/);
    assert.match((await say("/away off")).join("\n"), /Eve is not marked as away/);
  });

  test("programme dates are kept as given, whatever the advisor's zone", async () => {
    const out = await say("as Sam\n/nudge settings tz:Pacific/Auckland\n/set programme start:2027-02-01 end:2027-07-31\n/set info");
    assert.match(out.join("\n"), /Programme: 2027-02-01 to 2027-07-31\./);
    assert.match(out.join("\n"), /Programme: 2027-02-01 to 2027-07-31\n/);
  });

  test("/log export holds the due date as a calendar date with its zone", async () => {
    await h.run("as Eve\n/nudge settings tz:Europe/Berlin\n/log action text:Ring due:2027-01-20\n/away until:2027-02-20");
    const data = JSON.parse(readFileSync(fileOf(await say("/log export"))!, "utf8"));
    assert.deepEqual(
      data.actions.map((a: { dueDate: string; dueTimeZone: string }) => [a.dueDate, a.dueTimeZone]),
      [["2027-01-20", "Europe/Berlin"]],
    );
    assert.equal(data.absences[0].lastDay, "2027-02-20");
    assert.equal(data.absences[0].timeZone, "Europe/Berlin");
  });
});
