import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

/** Issue 12, item 5: control characters never reach storage or files; the evidence CSV cannot run a formula. */
describe("unsafe text: control characters stripped on input, spreadsheet formulas neutralised in the CSV", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  const texts = async () => (await h.db.entry.findMany({ orderBy: { number: "asc" } })).map((e) => e.text);
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana`);
  });
  afterAll(() => h.close());

  test("NUL, BEL and ESC are stripped from a command line's text; tabs stay", async () => {
    await say("/log reflect text:bell\u0007 esc\u001b[2J nul\u0000 end\tok");
    assert.deepEqual(await texts(), ["bell esc[2J nul end\tok"]);
  });

  test("the same for a platform's typed option or a form: line breaks stay, a carriage return becomes one", async () => {
    const result = await executeCommand(h.deps, handlers, {
      platform: "console",
      workspaceId: "local",
      channelId: "set",
      user: { externalId: "Ana", displayName: "Ana" },
      readMention: readConsoleMention,
      key: "log reflect",
      raw: { text: "first\r\nsecond\u001b]0;title\u0007\nthird" },
    });
    assert.ok(result.ok);
    assert.equal((await texts()).at(-1), "first\nsecond]0;title\nthird");
  });

  test("text that is only control characters is refused as empty, and nothing is written", async () => {
    const before = await h.snapshot();
    assert.match((await say("/log reflect text:\u0007\u001b\u0000")).join("\n"), /Option text: .*must not be empty/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("formula-like entries are stored as written, and the CSV shows them as text", async () => {
    const risky = ['=HYPERLINK("http://evil.example","Click")', "+SUM(A1)", "-1+2 went well", "@SUM(A1)"];
    for (const t of risky) await say(`/log reflect text:${t}`);
    assert.deepEqual((await texts()).slice(-4), risky);
    const csv = readFileSync(fileOf(await say("/log draft format:csv"))!, "utf8");
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"",""Click"")"`), csv);
    for (const t of risky.slice(1)) assert.ok(csv.includes(`,'${t},`), `${t} is neutralised:\n${csv}`);
    for (const t of risky) assert.ok(!csv.includes(`,${t}`) && !csv.includes(`,"${t.replace(/"/g, '""')}"`), `${t} as it is`);
    const md = readFileSync(fileOf(await say("/log draft"))!, "utf8");
    assert.match(md, /bell esc\[2J nul end/);
    assert.doesNotMatch(md.replace(/[\n\t]/g, ""), /\p{Cc}/u, "no control characters in the Markdown draft");
  });
});
