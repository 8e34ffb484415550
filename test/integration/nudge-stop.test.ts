import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Five members; meeting 1 on 12 Jan closed at 12:05, so everyone is asked for their actions at 14:05 and again a day later. */
const CLOSED_MEETING = `${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:3
clock 2027-01-12T12:05Z
as Dev
/meeting close
clock 2027-01-12T14:06Z`;

describe("the reminders' Stop these button stops that kind only, and can be undone", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
  });
  afterEach(() => h.close());

  test("Stop these on an actions reminder stops the follow-up, not the presenter reminder; Undo brings it back", async () => {
    const first = replies(await h.run(CLOSED_MEETING)).join("\n");
    assert.match(first, /\[DM Eve\] Meeting 1 has closed[^\n]*\n(?: {2}\[button [^\n]*\n)*? {2}\[button stop-log-action: Stop these\]/);
    const stopped = replies(await h.run("as Eve\nclick stop-log-action")).join("\n");
    assert.match(
      stopped,
      /^\[#set → Eve\] Stopped: you will get no more "log-action" reminders \(after a meeting: record the actions you agreed\)\./,
    );
    assert.match(stopped, /\[button nudge-on-log-action: Undo\]/);
    assert.equal((await h.db.person.findFirstOrThrow({ where: { externalId: "Eve" } })).stoppedNudges, "log-action");

    const followUp = replies(await h.run("clock 2027-01-14T09:00Z")).join("\n");
    assert.match(followUp, /\[DM Ben\] Following up: you have recorded no action from meeting 1/, "the others still get the follow-up");
    assert.doesNotMatch(followUp, /\[DM Eve\]/, "Eve does not");
    const presenter = replies(await h.run("clock 2027-02-10T11:00Z")).join("\n");
    assert.match(presenter, /\[DM Eve\] You present at meeting 2/, "other kinds still reach Eve");

    const undone = replies(await h.run("click nudge-on-log-action"));
    assert.deepEqual(undone, ['[#set → Eve] The "log-action" reminders are back on (after a meeting: record the actions you agreed).']);
    assert.equal((await h.db.person.findFirstOrThrow({ where: { externalId: "Eve" } })).stoppedNudges, "");
    // Eve presented at meeting 2, so her first DM after it asks for her problem (log-problem); the log-action follow-up is hers again.
    const closedAgain = replies(await h.run("clock 2027-02-12T12:05Z\nas Ana\n/meeting close\nclock 2027-02-13T14:06Z")).join("\n");
    assert.match(closedAgain, /\[DM Eve\] Following up: you have recorded no action from meeting 2/);
  });

  test("/nudge settings lists the stopped kinds; /nudge on without kind: turns everything back on", async () => {
    await h.run("as Eve\n/nudge off kind:log-action\n/nudge off kind:action-due");
    const settings = replies(await h.run("/nudge settings")).join("\n");
    assert.match(
      settings,
      /Stopped: log-action \(after a meeting: record the actions you agreed\): \/nudge on kind:log-action\n {4}action-due/,
    );
    const on = replies(await h.run("/nudge on"));
    assert.match(on[0]!, /Reminders are on\. That includes the kinds you had stopped: log-action, action-due\./);
    assert.doesNotMatch(replies(await h.run("/nudge settings")).join("\n"), /Stopped/);
  });

  test("stopping a kind twice, undoing one not stopped, or naming no real kind is refused and changes nothing", async () => {
    await h.run("as Eve\n/nudge off kind:log-action");
    const before = await h.snapshot();
    assert.match(
      replies(await h.run("/nudge off kind:log-action"))[0]!,
      /The "log-action" reminders are already stopped\. \/nudge on kind:log-action/,
    );
    assert.match(replies(await h.run("/nudge on kind:action-due"))[0]!, /You had not stopped the "action-due" reminders/);
    assert.match(
      replies(await h.run("/nudge off kind:everything"))[0]!,
      /Option kind: "everything" is not one of presenter-prep, log-action/,
    );
    assert.deepEqual(await h.snapshot(), before);
  });

  test("/nudge off still stops every kind", async () => {
    const [setup, rest] = CLOSED_MEETING.split("as Ana\n");
    const out = replies(await h.run(`${setup}as Eve\n/nudge off\nas Ana\n${rest}`)).join("\n");
    assert.match(out, /\[DM Dev\] Meeting 1 has closed/);
    assert.doesNotMatch(out, /\[DM Eve\]/);
  });
});
