import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { commandInput } from "../../src/adapters/command-input.ts";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { readEntryForm } from "../../src/app/entry-form.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

// A refusal about one option names it as a field of the failure (src/app/result.ts), so a form puts the message on
// that option's field without reading the message: from the parser, from the option converters and from handlers.
describe("a refusal names the option it is about", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(FIVE_MEMBER_SET);
  });
  afterAll(() => h.close());

  const run = (as: string, text: string, channelId = "set") =>
    executeCommand(
      h.deps,
      handlers,
      commandInput(
        { platform: "console", workspaceId: "local", channelId, userId: as, userName: as, readMention: readConsoleMention },
        { text },
      ),
    );

  test("a missing option, a value that cannot be read, and a handler's check each name their option", async () => {
    const cases: [string, string, string][] = [
      ["Ana", "/log problem", "text"],
      ["Ana", "/meeting schedule when:gibberish", "when"],
      ["Ana", '/meeting schedule when:"2026-01-05 10:00"', "when"],
      ["Ana", '/log action text:"Ask the leads" due:2026-12-01', "due"],
      ["Ana", "/nudge settings tz:Mars/Olympus", "tz"],
    ];
    for (const [as, line, option] of cases) {
      const result = await run(as, line);
      assert.equal(result.ok, false, line);
      assert.equal(result.option, option, `${line}: ${result.outgoing[0]?.reply.text}`);
      assert.match(result.outgoing[0]!.reply.text, new RegExp(`^(Missing option|Option) ${option}:`), line);
    }
  });

  test("a refusal about no option names none", async () => {
    const outside = await run("Ana", "/set info", "elsewhere");
    assert.equal(outside.ok, false);
    assert.equal(outside.option, undefined);
    const denied = await run("Ana", "/set add member:@Zed");
    assert.equal(denied.ok, false);
    assert.equal(denied.option, undefined);
  });

  test("an entry form field the kind does not take is named", () => {
    const read = readEntryForm("problem", "The rota", { due: "friday" });
    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.option, "due");
  });
});
