import assert from "node:assert/strict";
import { test } from "vitest";
import { commandKey } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { parseDay } from "../../src/domain/time/day.ts";
import { parseWhen } from "../../src/domain/time/when.ts";

/** Words of zod's own messages: a person is never shown them. */
const VALIDATOR_WORDS = /Too (small|big)|expected|Invalid|<=|>=|9007199254740991/;

/** Values at and past the edge of each kind of option, as the option's converter would hand them to its schema. */
const EDGES: Record<string, unknown[]> = {
  integer: [0, -1, 1.5, 1e20, Number.MAX_SAFE_INTEGER + 2],
  meeting: [0, -1, 1.5, 1e20],
  text: ["", "x".repeat(100_001)],
  users: [[], Array.from({ length: 21 }, (_, i) => ({ externalId: `U${i}`, displayName: `U${i}` }))],
  user: [{ externalId: "", displayName: "" }],
  cadence: [""],
};

test("every option's refusal is in plain words: no validator internals for any value at or past its edge", () => {
  let checked = 0;
  for (const decl of allCommands) {
    for (const [name, spec] of Object.entries(decl.options)) {
      for (const value of EDGES[spec.kind] ?? []) {
        const result = spec.schema.safeParse(value);
        if (result.success) continue;
        checked++;
        const message = result.error.issues[0]?.message ?? "";
        assert.doesNotMatch(message, VALIDATOR_WORDS, `/${commandKey(decl)} ${name}: ${JSON.stringify(value)} → "${message}"`);
      }
    }
  }
  assert.ok(checked > 50, `checked ${checked} refusals`);
});

test("a date far in the future or the past is refused with the range, wherever a day or a time is read", () => {
  const opts = { now: new Date("2027-01-04T09:00:00Z"), timeZone: "Europe/London" };
  for (const text of ["9999-12-31", "in 3000000 days", "1 Jan 1990", "2032-01-05"]) {
    const day = parseDay(text, opts);
    assert.ok(
      !day.ok && /more than 5 years (ahead|ago): give a date between 4 Jan 2022 and 4 Jan 2032/.test(day.message),
      `${text}: ${JSON.stringify(day)}`,
    );
  }
  for (const text of ["9999-12-31 10:00", "in 3000000 days", "in 300000000 minutes"]) {
    const when = parseWhen(text, opts);
    assert.ok(!when.ok && /more than 5 years ahead/.test(when.message), `${text}: ${JSON.stringify(when)}`);
  }
  assert.ok(parseDay("2032-01-04", opts).ok, "the range's last day is inside it");
});
