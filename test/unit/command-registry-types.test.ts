/**
 * Compile-time guarantees of the command registry. The `@ts-expect-error` lines are checked by `tsc --noEmit`
 * (`npm run check`, the first step of `npm test`): if one of them stops being an error, tsc fails with
 * "Unused '@ts-expect-error' directive". vitest runs the runtime half of each test.
 */
import assert from "node:assert/strict";
import { expectTypeOf, test } from "vitest";
import { command, opt } from "../../commands/define.ts";
import { type CommandKey, commands } from "../../commands/index.ts";
import { handlerWithoutSet } from "../../src/app/context.ts";
import type { HandlerIndex } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { toActor } from "../../src/app/reply.ts";
import { success } from "../../src/app/result.ts";

test("the handler index has exactly the registry's keys, each with its declaration's handler", () => {
  expectTypeOf(handlers).toExtend<HandlerIndex>();
  expectTypeOf<keyof typeof handlers>().toEqualTypeOf<CommandKey>();
  assert.deepEqual(Object.keys(handlers), Object.keys(commands));
});

test("an index without one command's handler does not compile", () => {
  const { help: _removed, ...withoutHelp } = handlers;
  // @ts-expect-error Property 'help' is missing: every declared command needs its handler.
  const incomplete: HandlerIndex = withoutHelp;
  assert.equal(Object.keys(incomplete).length, Object.keys(commands).length - 1);
});

test("a handler filed under another command's key does not compile", () => {
  // @ts-expect-error /meeting list's handler is bound to /meeting list's declaration, not /meeting next's.
  const swapped: HandlerIndex = { ...handlers, "meeting next": handlers["meeting list"] };
  assert.notEqual(swapped["meeting next"].decl, commands["meeting next"]);
});

test("a handler whose options differ from the declaration's does not compile", () => {
  const otherOptions = command({
    name: "meeting",
    sub: "next",
    summary: "The next meeting, with a count: option the real declaration does not have.",
    who: "anyone",
    options: { count: opt.integer({ description: "How many", min: 1, max: 5 }) },
    examples: ["/meeting next count:2"],
  });
  const wrong = handlerWithoutSet(otherOptions, async (_ctx, { count }) => success([toActor({ text: `${count} meetings` })]));
  // @ts-expect-error the handler needs count:, which /meeting next does not declare.
  const mistyped: HandlerIndex = { ...handlers, "meeting next": wrong };
  assert.equal(mistyped["meeting next"].decl.options, otherOptions.options);
});
