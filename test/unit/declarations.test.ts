import assert from "node:assert/strict";
import { test } from "vitest";
import { commandKey, isOptionsOf } from "../../commands/define.ts";
import { allCommands, commands, isCommandKey, meetingMove } from "../../commands/index.ts";
import { type ConvertContext, convertOptions, parseLine } from "../../src/app/parse-command.ts";

/** A fixed moment before every date used in the examples, and console-style @Name mentions. */
const ctx: ConvertContext = {
  now: new Date("2027-01-01T09:00:00Z"),
  timeZone: "Europe/London",
  readMention: (token) => {
    const m = /^@([\p{L}\p{N}_.-]+)$/u.exec(token.trim());
    return m ? { externalId: m[1]!, displayName: m[1]! } : null;
  },
};

test("declaration keys are unique", () => {
  const keys = allCommands.map(commandKey);
  const dups = keys.filter((k, i) => keys.indexOf(k) !== i);
  assert.deepEqual(dups, [], `declared more than once: ${dups.join(", ")}`);
});

test("every declaration has at least one example", () => {
  const without = allCommands.filter((d) => d.examples.length === 0).map(commandKey);
  assert.deepEqual(without, [], `no examples: ${without.join(", ")}`);
});

test("every example parses, and resolves to the declaration it illustrates", () => {
  for (const decl of allCommands) {
    for (const example of decl.examples) {
      const parsed = parseLine(example);
      assert.ok(parsed.ok, `/${commandKey(decl)}: example ${example} does not parse: ${parsed.ok ? "" : parsed.message}`);
      assert.equal(commandKey(parsed.value.decl), commandKey(decl), `example ${example} resolves to /${commandKey(parsed.value.decl)}`);
    }
  }
});

test("every example's option values are valid for its declaration", () => {
  for (const decl of allCommands) {
    for (const example of decl.examples) {
      const parsed = parseLine(example);
      if (!parsed.ok) continue; // reported by the test above
      const options = convertOptions(parsed.value, ctx);
      assert.ok(options.ok, `/${commandKey(decl)}: example ${example} is refused: ${options.ok ? "" : options.message}`);
    }
  }
});

test("every registry key is its declaration's own key", () => {
  for (const [key, decl] of Object.entries(commands)) assert.equal(commandKey(decl), key);
});

test("the handler index has one handler per declared command, in help order, bound to that declaration", async () => {
  const { handlers } = await import("../../src/app/handlers/index.ts");
  assert.deepEqual(Object.keys(handlers), Object.keys(commands));
  for (const key of Object.keys(commands)) {
    assert.ok(isCommandKey(key));
    assert.equal(handlers[key].decl, commands[key], `the handler under "${key}" is for /${commandKey(handlers[key].decl)}`);
  }
});

test("isOptionsOf accepts exactly what the declaration's schemas accept: required present, nothing undeclared", () => {
  const when = new Date("2027-03-16T10:00:00Z");
  assert.ok(isOptionsOf(meetingMove, { meeting: 3, when }));
  assert.ok(isOptionsOf(meetingMove, { meeting: "next", when }));
  assert.equal(isOptionsOf(meetingMove, { meeting: 3 }), false, "when: is required");
  assert.equal(isOptionsOf(meetingMove, { meeting: 3, when, count: 2 }), false, "count: is not declared");
  assert.equal(isOptionsOf(meetingMove, { meeting: "soon", when }), false, "meeting: is a number or next");
  assert.equal(isOptionsOf(meetingMove, { meeting: 3, when: "tuesday" }), false, "when: is a Date once converted");
  for (const decl of allCommands) {
    for (const example of decl.examples) {
      const parsed = parseLine(example);
      const options = parsed.ok ? convertOptions(parsed.value, ctx) : parsed;
      if (options.ok) assert.ok(isOptionsOf(decl, options.value.values), `${example}: converted options fail isOptionsOf`);
    }
  }
});

test("/help set archive names every command that still runs in an archived set", async () => {
  const { setArchive } = await import("../../commands/index.ts");
  const { handlers } = await import("../../src/app/handlers/index.ts");
  const runs = allCommands.filter(
    (d) => (d.readOnly || d.inArchivedSet) && isCommandKey(commandKey(d)) && handlers[commandKey(d) as keyof typeof handlers].needsSet,
  );
  assert.ok(runs.length > 5);
  for (const d of runs) assert.ok(setArchive.details?.includes(`/${commandKey(d)}`), `/set archive's help does not name /${commandKey(d)}`);
});
