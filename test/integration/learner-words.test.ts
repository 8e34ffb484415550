import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** Issue 12, item 4: a learner's words are evidence and are stored exactly as written. */
describe("a learner's words are kept exactly as written", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  /** The text of Ana's latest entry as stored. */
  const latest = async () =>
    (await h.db.entry.findFirstOrThrow({ where: { author: { displayName: "Ana" } }, orderBy: { number: "desc" } })).text;

  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana`);
  });
  afterAll(() => h.close());

  const kept: [string, string][] = [
    ["typographic quotes", "He said “no” to me"],
    ["a lone straight quote", 'She said "maybe and left'],
    ["a word ending in a colon that is not an option", "Lesson learned: listen more"],
    ["apostrophes, straight and curly", "It's Tom’s call, not mine"],
    ["straight quotes around a word inside the text", 'The "quick win" took a month'],
    ["spacing inside the text", "two  spaces,\tand a tab"],
    ["a URL", "Read https://example.org/a:b before Friday"],
  ];
  for (const [what, words] of kept) {
    test(`text: keeps ${what}`, async () => {
      const out = await say(`/log reflect text:${words}`);
      assert.match(out, /Reflection recorded as entry #\d+/, out);
      assert.equal(await latest(), words);
    });
  }

  test("the first option, given without its name, keeps its words too (a colon, quotes)", async () => {
    assert.match(await say("/log reflect Lesson learned: it’s “fine”"), /Reflection recorded/);
    assert.equal(await latest(), "Lesson learned: it’s “fine”");
  });

  test("the last option's value runs to the end of the line; real option names still start an option", async () => {
    await h.run('/meeting schedule when:"2027-01-12 10:00"');
    assert.match(await say('/log action text:Call both leads: "today" due:2027-01-20'), /Action recorded/);
    const action = await h.db.action.findFirstOrThrow({ include: { entry: true }, orderBy: { createdAt: "desc" } });
    assert.equal(action.entry.text, 'Call both leads: "today"');
    assert.equal(action.dueDate, "2027-01-20", "due: started its own option");
  });

  test("a value wholly in straight quotes is taken without them, and an option name inside the quotes is text", async () => {
    assert.match(await say('/log reflect text:"Next time, due: sooner" meeting:1'), /Reflection recorded as entry #\d+ \(meeting 1\)/);
    assert.equal(await latest(), "Next time, due: sooner");
  });

  test("a set name with a lone quote is kept, not refused", async () => {
    const out = await say('as Tom\nin #other\n/set create name:"Oops');
    assert.match(out, /Created the action learning set ""Oops"/);
    assert.equal((await h.db.learningSet.findFirstOrThrow({ where: { channelId: "other" } })).name, '"Oops');
  });

  test("typed options (Discord, forms) reach the handler as written", async () => {
    const words = 'He said "no" – and “meant it”: lesson learned';
    const result = await executeCommand(h.deps, handlers, {
      platform: "console",
      workspaceId: "local",
      channelId: "set",
      user: { externalId: "Ana", displayName: "Ana" },
      readMention: readConsoleMention,
      key: "log reflect",
      raw: { text: words },
    });
    assert.ok(result.ok, result.outgoing.map((o) => o.reply.text).join("\n"));
    assert.equal(await latest(), words);
  });
});
