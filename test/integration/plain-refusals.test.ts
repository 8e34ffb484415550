import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { BASE, createHarness, type Harness, replies } from "../support/harness.ts";

/** What a validator or a crash says: never shown to a person. */
const INTERNALS = /Too (small|big)|expected (number|int|string)|<=|>=|9007199254740991|something went wrong|Invalid|NaN/;

describe("a refused value gets a plain, specific answer, and dates are kept to a sensible range", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${BASE}
as Ana
/log action text:"Ask for a weekly slot" due:2027-01-20`);
  });
  afterAll(() => h.close());

  test.each([
    ["/action done action:0", /action: .*1/],
    ["/action done action:99999999999999999999", /action: .*100000/],
    // A minus sign is not a word naming the number ("action #1"): -1 is refused, not read as 1.
    ['/action done action:-1 text:"minus one"', /action: "-1" is not valid \(at least 1\)/],
    ['/log edit entry:-1 text:"minus one"', /entry: "-1" is not valid \(at least 1\)/],
    ["/log list last:-1", /last: "-1" is not valid \(at least 1\)/],
    ["/meeting list count:0", /count: /],
    ["as Sam\n/meeting cancel meeting:0", /meeting: .*meeting number/],
    ['/log action text:"Plan the rota" due:9999-12-31', /due: .*(years|20\d\d)/],
    ["/away until:9999-12-31", /until: .*(years|20\d\d)/],
    ['/away until:"in 3000000 days"', /until: .*(years|20\d\d)/],
    ['/meeting schedule when:"9999-12-31 10:00"', /when: .*(years|20\d\d)/],
    ["as Sam\n/set programme start:2027-01-04 end:9999-12-31", /end: .*(years|20\d\d)/],
  ])("%s", async (line, expected) => {
    const before = await h.snapshot();
    const out = replies(await h.run(line.startsWith("as ") ? line : `as Ana\n${line}`)).join("\n");
    assert.doesNotMatch(out, INTERNALS, out);
    assert.match(out, expected, out);
    assert.deepEqual(await h.snapshot(), before, "a refusal changes nothing");
  });
});
