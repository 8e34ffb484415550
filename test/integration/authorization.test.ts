import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type CommandDecl, commandKey } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

/** Who may not run a command, and the refusal they get. */
const refusedFor: Record<CommandDecl["who"], { actor: string; reply: RegExp }[]> = {
  anyone: [],
  participant: [{ actor: "Zed", reply: /Only the set's members and advisors can use/ }],
  member: [
    { actor: "Sam", reply: /Only members of the set can use .* Advisors facilitate the set but are not members of it/ },
    { actor: "Zed", reply: /Only members of the set can use/ },
  ],
  advisor: [
    { actor: "Ana", reply: /Only the set's advisors can use .* Advisors: Sam\./ },
    { actor: "Zed", reply: /Only the set's advisors can use/ },
  ],
};

describe("authorisation matrix: every command, run by everyone who may not, is refused and changes nothing", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\n/log problem text:"Private"\nas Zed\n/nudge settings`,
    );
  });
  afterAll(() => h.close());

  const run = (actor: string, text: string, workspaceId = "local") =>
    executeCommand(h.deps, handlers, {
      platform: "console",
      workspaceId,
      channelId: "set",
      user: { externalId: actor, displayName: actor },
      readMention: readConsoleMention,
      text,
    });

  for (const decl of allCommands) {
    for (const { actor, reply } of refusedFor[decl.who]) {
      for (const example of decl.examples) {
        test(`${actor} running ${example}`, async () => {
          const before = await h.snapshot();
          const result = await run(actor, example);
          assert.equal(result.ok, false, `/${commandKey(decl)} was allowed for ${actor}`);
          assert.match(result.outgoing[0]!.reply.text, reply);
          assert.deepEqual(await h.snapshot(), before);
        });
      }
    }
  }

  test("the same channel and user ids in another workspace see nothing of this set", async () => {
    const before = await h.snapshot();
    for (const text of ["/set info", "/meeting next", "/log list", "/rotation show", "/progress", "/log draft"]) {
      const result = await run("Sam", text, "another-workspace");
      assert.match(result.outgoing[0]!.reply.text, /This channel has no action learning set yet/, text);
    }
    const asAna = await run("Ana", "/log list member:@Ana", "another-workspace");
    assert.doesNotMatch(JSON.stringify(asAna), /Private/);
    const rows = await h.snapshot();
    assert.deepEqual(rows.LearningSet, before.LearningSet);
    assert.deepEqual(rows.Entry, before.Entry);
  });
});
