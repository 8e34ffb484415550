import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Issue 12, item 10: values without option names, unquoted, as docs/user-guide.md promises. */
describe("the first option, given without its name, takes the rest of the line", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z"); // a Monday
    await h.run(`${FIVE_MEMBER_SET}\nas Ana`);
  });
  afterAll(() => h.close());

  test("/meeting schedule tomorrow 10am", async () => {
    const out = await say("/meeting schedule tomorrow 10am");
    assert.match(out, /Ana scheduled a meeting:\n {2}Meeting 1 · Tue 5 Jan 2027, 10:00 GMT · 2h/);
  });

  test("/meeting schedule next thursday 3pm", async () => {
    const out = await say("/meeting schedule next thursday 3pm");
    assert.match(out, /Ana scheduled a meeting:\n {2}Meeting 2 · Thu \d+ Jan 2027, 15:00 GMT · 2h/);
  });

  test("a last word that reads as the next option goes to it: /meeting schedule friday 2pm 90m", async () => {
    // Fri 8 Jan comes before Thu 14 Jan (meeting 2, not announced yet), so it takes number 2 (meeting numbers follow dates).
    assert.match(await say("/meeting schedule friday 2pm 90m"), /Meeting 2 · Fri 8 Jan 2027, 14:00 GMT · 1h 30m/);
  });

  test("named options after the unnamed words still count", async () => {
    // 18:00, not 15:00: meeting 3 is at 15:00 that Thursday, and a set's meetings may not overlap.
    assert.match(
      await say("/meeting schedule next thursday 6pm every:monthly count:2"),
      /Ana scheduled 2 meetings, monthly on the 14th, from Thu 14 Jan 2027, 18:00 GMT/,
    );
  });
});
