import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { commandKey } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/**
 * Read-only commands never write (issue 11 §5, issue 12 item 6): every command declared `readOnly` runs, in
 * each of its documented forms, as a member, an advisor, a non-member known to the bot and someone it has
 * never seen, and the whole database must be the same afterwards, row for row.
 */
const readOnly = allCommands.filter((d) => d.readOnly);

/** Each read-only command bare, as its examples show it, and for a member (a sharing member's own). */
const lines = [
  ...new Set(
    readOnly.flatMap((d) => [`/${commandKey(d)}`, ...d.examples, ...("member" in d.options ? [`/${commandKey(d)} member:@Ana`] : [])]),
  ),
];

/** Ana (a member, sharing her log), Sam (the advisor), Zed (a non-member with a set elsewhere), Nia (never seen). */
const people = ["Ana", "Sam", "Zed", "Nia"];

describe("read-only commands leave the database unchanged", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      [
        FIVE_MEMBER_SET,
        "/set programme start:2027-01-04 end:2027-07-31",
        "as Ana",
        '/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:3',
        '/log action text:"Call both leads" due:"2027-01-20"',
        "/log share on",
        '/feedback text:"Good questions" about:advisor',
        '/feedback text:"We run late" anonymous:yes',
        "as Sam",
        '/review member:@Ana text:"Specific actions; bring evidence"',
        "as Ana",
        '/review reply text:"I will"',
        "in #other",
        "as Zed",
        '/set create name:"Another set"',
        "in #set",
        // Meeting 1 has been and gone without being closed, so meeting 2 is next and not announced yet:
        // a read that announced presenters would write here.
        "clock 2027-01-13T09:00Z",
      ].join("\n"),
    );
  });
  afterAll(() => h.close());

  test("the list comes from the declarations and covers the views", () => {
    const keys = readOnly.map(commandKey);
    for (const key of ["set info", "meeting next", "meeting list", "rotation show", "log list", "review list", "feedback list", "help"])
      assert.ok(keys.includes(key), `${key} is declared readOnly`);
    assert.ok(!keys.includes("meeting rsvp"), "a command that writes is not read-only");
    // It stores a member's calendar subscriptions the first time (test/integration/calendar-feed.test.ts).
    assert.ok(!keys.includes("meeting calendar"), "the calendar stores subscriptions, so it is not read-only");
  });

  for (const who of people) {
    for (const line of lines) {
      test(`${line} as ${who}`, async () => {
        const before = await h.snapshot();
        const out = replies(await h.run(`as ${who}\n${line}`));
        assert.ok(out.length >= 1, `${line} answers`);
        assert.deepEqual(await h.snapshot(), before, `${line} as ${who} changed the database:\n${out.join("\n")}`);
      });
    }
  }
});
