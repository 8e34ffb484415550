import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ENTRY_MAX_CHARS } from "../../commands/log.ts";
import { interpret } from "../../src/app/interpret.ts";
import { formHolds, keptFormButton } from "../../src/app/kept-form.ts";

describe("a refusal's kept words open a form only when the form holds every option given, whole", () => {
  test("the entry form holds an action's text and fields; the command forms hold their own fields", () => {
    assert.equal(formHolds("log action", { text: "Agree one rota", due: "someday soon", goal: "" }), true);
    assert.equal(formHolds("feedback", { text: "We run late", about: "advisor" }), true);
    assert.equal(formHolds("review reply", { text: "I will", review: "two" }), true);
  });

  test("an option the form has no field for, or a text longer than its field, gets no button: nothing would be cut", () => {
    assert.equal(formHolds("log reflect", { text: "I listen more", meeting: "9" }), false, "the entry form does not ask the meeting");
    assert.equal(formHolds("log reflect", { text: "x".repeat(ENTRY_MAX_CHARS + 1) }), false);
    assert.equal(formHolds("action done", { text: "It worked", action: "x" }), false, "no form for /action done");
  });

  test("the button's line opens the kept form on platforms with forms; it names the kept row only", () => {
    const button = keptFormButton("ckeptrow123");
    assert.equal(button.command, "/form kept:ckeptrow123");
    assert.deepEqual(interpret({ kind: "pressed", line: button.command }, { forms: true }), { kind: "open-kept-form", id: "ckeptrow123" });
  });
});
