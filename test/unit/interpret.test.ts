import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { commandFormByKey } from "../../src/app/command-form.ts";
import { interpret } from "../../src/app/interpret.ts";

// What an event means is decided once, in the app (src/app/interpret.ts), for every platform.
describe("interpret: form or command", () => {
  const forms = { forms: true };
  const console = { forms: false };

  test("/log typed alone opens the entry form to choose a kind; other lines run as typed", () => {
    assert.deepEqual(interpret({ kind: "typed", line: "/log" }, forms), { kind: "open-entry-form", given: {} });
    assert.deepEqual(interpret({ kind: "typed", line: "/log problem" }, forms), { kind: "run", request: { text: "/log problem" } });
    assert.deepEqual(interpret({ kind: "typed", line: "/feedback" }, forms), { kind: "run", request: { text: "/feedback" } });
  });

  test("a command chosen without its form option opens its form, filled with what was given", () => {
    assert.deepEqual(interpret({ kind: "chosen", key: "log action", raw: { due: "friday" } }, forms), {
      kind: "open-entry-form",
      entryKind: "action",
      given: { due: "friday" },
    });
    const feedback = interpret({ kind: "chosen", key: "feedback", raw: { about: "advisor" } }, forms);
    assert.equal(feedback.kind, "open-command-form");
    assert.deepEqual(feedback.kind === "open-command-form" && feedback.given, { about: "advisor" });
    assert.deepEqual(interpret({ kind: "chosen", key: "log action", raw: { text: "Ask" } }, forms), {
      kind: "run",
      request: { key: "log action", raw: { text: "Ask" } },
    });
  });

  test("a button asking for an entry or a command form opens it; others run", () => {
    assert.deepEqual(interpret({ kind: "pressed", line: "/log outcome" }, forms), {
      kind: "open-entry-form",
      entryKind: "outcome",
      given: {},
    });
    assert.equal(interpret({ kind: "pressed", line: "/feedback" }, forms).kind, "open-command-form");
    // "/log" alone (the Home tab's "Add an entry"): the entry form, with the kind to choose, as when typed.
    assert.deepEqual(interpret({ kind: "pressed", line: "/log" }, forms), { kind: "open-entry-form", given: {} });
    assert.deepEqual(interpret({ kind: "pressed", line: "/nudge snooze for:1d" }, forms), {
      kind: "run",
      request: { text: "/nudge snooze for:1d" },
    });
  });

  test("the console has no forms: everything runs as written, and its answer says what to type", () => {
    for (const event of [
      { kind: "typed", line: "/log" },
      { kind: "pressed", line: "/log outcome" },
      { kind: "pressed", line: "/feedback" },
    ] as const)
      assert.deepEqual(interpret(event, console), { kind: "run", request: { text: event.line } });
  });

  test("a submitted entry form runs /log KIND, or is refused on the field it is about", () => {
    assert.deepEqual(interpret({ kind: "entry-form", entryKind: undefined, text: "x", fields: {} }, forms), {
      kind: "refuse-form",
      message: "Choose what you are recording.",
      field: "kind",
    });
    const wrong = interpret({ kind: "entry-form", entryKind: "problem", text: "The rota", fields: { due: "friday" } }, forms);
    assert.equal(wrong.kind === "refuse-form" && wrong.field, "due");
    assert.deepEqual(
      interpret({ kind: "entry-form", entryKind: "action", text: "Ask the leads", fields: { due: " friday " }, meeting: "2" }, forms),
      { kind: "run", request: { key: "log action", raw: { text: "Ask the leads", due: "friday", meeting: "2" } } },
    );
  });

  test("a submitted command form runs its command with the filled fields", () => {
    const form = commandFormByKey("feedback")!;
    assert.deepEqual(interpret({ kind: "command-form", form, values: { text: "Good", about: "set", anonymous: "" } }, forms), {
      kind: "run",
      request: { key: "feedback", raw: { text: "Good", about: "set" } },
    });
  });
});
