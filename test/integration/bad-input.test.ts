import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Each case: who sends what, and a pattern the reply must match. The database must not change. */
const cases: { name: string; as: string; line: string; reply: RegExp }[] = [
  { name: "an unknown command", as: "Ana", line: "/meetign next", reply: /Unknown command \/meetign\. Did you mean \/meeting\?/ },
  {
    name: "an unknown subcommand",
    as: "Ana",
    line: "/meeting reschedule",
    reply: /Unknown subcommand "reschedule" for \/meeting: one of schedule, next/,
  },
  { name: "an unknown option", as: "Ana", line: "/meeting schedule when:tomorrow 10am room:4", reply: /has no option "room"/ },
  { name: "a missing required option", as: "Ana", line: "/meeting schedule duration:2h", reply: /Missing option when:/ },
  {
    name: "a malformed duration",
    as: "Ana",
    line: '/meeting schedule when:"2027-02-01 10:00" duration:lots',
    reply: /^\[#set → Ana\] Option duration:/,
  },
  {
    name: "a duration out of range",
    as: "Ana",
    line: '/meeting schedule when:"2027-02-01 10:00" duration:10m',
    reply: /Option duration: .*at least 30 minutes/,
  },
  { name: "an unreadable date", as: "Ana", line: "/meeting schedule when:someday", reply: /Option when: .*couldn't read "someday"/i },
  { name: "a date in the past", as: "Ana", line: '/meeting schedule when:"2026-12-01 10:00"', reply: /Option when: .* is in the past/ },
  {
    name: "quiet hours that start and end at the same time",
    as: "Ana",
    line: "/nudge settings quiet:08:00-08:00",
    reply:
      /^\[#set → Ana\] Option quiet: "08:00-08:00" starts and ends at 08:00: quiet hours must have a length\. Write it like 22:00-08:00, or quiet:none for reminders at any hour\.$/,
  },
  { name: "an unknown cadence", as: "Ana", line: '/meeting schedule when:"2027-02-01 10:00" every:sometimes', reply: /Option every:/ },
  { name: "count without every", as: "Ana", line: '/meeting schedule when:"2027-02-01 10:00" count:3', reply: /need every: too/ },
  {
    name: "an option given twice",
    as: "Ana",
    line: "/meeting schedule when:tomorrow 10am when:monday 9am",
    reply: /Option when: is given twice/,
  },
  { name: "an unknown option where a number is expected", as: "Ana", line: "/meeting list bogus:3", reply: /has no option "bogus"/ },
  {
    name: "swapping with someone not in the set",
    as: "Ana",
    line: "/rotation swap with:@Ghost",
    reply: /Ghost is not a member of this set/,
  },
  { name: "removing someone not in the set", as: "Sam", line: "/set remove member:@Ghost", reply: /Ghost is not a member of this set/ },
  {
    name: "a mention that is not a person",
    as: "Sam",
    line: "/set remove member:Tom",
    reply: /is not a mention of a person: write it as @Name/,
  },
  {
    name: "a member running an advisor command",
    as: "Ana",
    line: "/set add member:@Zed",
    reply: /Only the set's advisors can use \/set add\. Advisors: Sam\./,
  },
  {
    name: "a member changing slot length",
    as: "Ana",
    line: "/rotation slot minutes:40",
    reply: /Only the set's advisors can use \/rotation slot/,
  },
  {
    name: "an advisor using a member-only command",
    as: "Sam",
    line: "/rotation skip",
    reply: /Only members of the set can use \/rotation skip\. Advisors facilitate/,
  },
  {
    name: "an outsider scheduling",
    as: "Zed",
    line: '/meeting schedule when:"2027-02-01 10:00"',
    reply: /Only the set's members and advisors can use \/meeting schedule/,
  },
  { name: "a second set in the same channel", as: "Zed", line: "/set create name:Another", reply: /already has a set, "Leading change"/ },
  { name: "adding a member twice", as: "Sam", line: "/set add member:@Ana", reply: /Ana is already a member/ },
  {
    name: "a programme ending before it starts",
    as: "Sam",
    line: "/set programme start:2027-03-01 end:2027-02-01",
    reply: /must end after it starts/,
  },
  {
    name: "moving a meeting that does not exist",
    as: "Ana",
    line: '/meeting move meeting:42 when:"2027-03-01 10:00"',
    reply: /There is no meeting 42/,
  },
  { name: "closing before any meeting started", as: "Ana", line: "/meeting close", reply: /No meeting has started yet/ },
  {
    name: "an advisor setting someone else's leave for a non-member",
    as: "Sam",
    line: "/away until:2027-03-01 member:@Zed",
    reply: /Zed is not a member/,
  },
  {
    name: "a member setting another member's leave",
    as: "Ana",
    line: "/away until:2027-03-01 member:@Ben",
    reply: /Only the set's advisors can set another member's leave/,
  },
  { name: "too many positional values", as: "Ana", line: "/meeting rsvp yes 3 extra", reply: /Too many values/ },
];

describe("bad input gets a specific reply and changes nothing", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\n/set add member:@Fay\n/set add member:@Gus\n/set add member:@Hal\nas Zed\n/nudge settings`);
  });
  afterAll(() => h.close());

  for (const c of cases) {
    test(c.name, async () => {
      const before = await h.snapshot();
      const out = replies(await h.run(`as ${c.as}\n${c.line}`));
      assert.equal(out.length >= 1, true);
      assert.match(out.join("\n"), c.reply);
      assert.ok(out[0]!.startsWith(`[#set → ${c.as}]`), `only ${c.as} sees the refusal: ${out[0]}`);
      assert.deepEqual(await h.snapshot(), before);
    });
  }

  test("a 9th member is refused: ILM allows at most 8", async () => {
    const before = await h.snapshot();
    const out = replies(await h.run("as Sam\n/set add member:@Ivy"));
    assert.match(out.join("\n"), /already has 8 members: ILM allows at most 8/);
    assert.deepEqual(await h.snapshot(), before);
  });
});
