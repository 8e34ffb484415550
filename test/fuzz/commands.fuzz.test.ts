import assert from "node:assert/strict";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, test } from "vitest";
import { allCommands } from "../../commands/index.ts";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { sqlitePath } from "../../src/store/open-database.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

/** Inputs per command family: 300 for the edit-test loop, FUZZ_RUNS=10000 on CI (.ci/run). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const nasty = [
  '\'; DROP TABLE "Entry"; --',
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<@U123|x> <!channel> @everyone",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-looking string is the hostile input
  "${process.env.SECRET}",
  "\u0000\u0001\u001b[2J",
  "‮gnp.exe",
  "👩‍👩‍👧‍👦".repeat(50),
  "x".repeat(5000),
  "-1",
  "0",
  "99999999999999999999",
  "NaN",
  "2027-02-30 25:61",
  "next tuesday 10am",
  "in 3 days 9am",
  "2h",
  "@Ana",
  "@Ghost",
  "#3",
  "next",
  "yes",
  "on",
  "weekly",
  "first tuesday",
  "none",
  "America/New_York",
  "22:00-08:00",
];

const value = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
);
const quoted = (v: string) => (/\s|"/.test(v) ? `"${v.replace(/"/g, "")}"` : v);

function lineFor(family: string) {
  const decls = allCommands.filter((d) => d.name === family);
  const subs = [...decls.map((d) => d.sub ?? ""), "bogus"];
  const optionNames = [...new Set(decls.flatMap((d) => Object.keys(d.options))), "bogus"];
  return fc
    .record({
      sub: fc.constantFrom(...subs),
      positional: fc.array(value, { maxLength: 2 }),
      named: fc.array(fc.tuple(fc.constantFrom(...optionNames), value), { maxLength: 4 }),
      actor: fc.constantFrom("Sam", "Ana", "Zed"),
    })
    .map(({ sub, positional, named, actor }) => ({
      actor,
      text: [`/${family}`, sub, ...positional.map(quoted), ...named.map(([n, v]) => `${n}:${quoted(v)}`)].filter(Boolean).join(" "),
    }));
}

const families = [...new Set(allCommands.map((d) => d.name))];

describe(`fuzz: ${RUNS} generated inputs per command family`, () => {
  let h: Harness;
  let probe: Database.Database;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\n/log action text:"An action" due:2027-01-20\nas Zed\n/nudge settings`,
    );
    probe = new Database(sqlitePath(h.databaseUrl), { readonly: true });
  });
  afterAll(async () => {
    probe.close();
    await h.close();
  });

  /** SQLite bumps data_version for this connection whenever another connection commits a change. */
  const version = () => probe.pragma("data_version", { simple: true }) as number;

  for (const family of families) {
    test(`/${family}: never crashes, always answers, and changes nothing when it refuses`, {
      timeout: Math.max(30_000, RUNS * 200),
    }, async () => {
      await fc.assert(
        fc.asyncProperty(lineFor(family), async ({ actor, text }) => {
          const before = version();
          const result = await executeCommand(h.deps, handlers, {
            platform: "console",
            workspaceId: "local",
            channelId: "set",
            user: { externalId: actor, displayName: actor },
            readMention: readConsoleMention,
            text,
          });
          assert.ok(result.outgoing.length > 0, `no reply to ${JSON.stringify(text)}`);
          const all = result.outgoing.map((o) => o.reply.text).join("\n");
          assert.doesNotMatch(all, /something went wrong on our side/, `internal error for ${JSON.stringify(text)}`);
          if (!result.ok) {
            assert.equal(version(), before, `a refusal changed the database: ${JSON.stringify(text)} → ${all}`);
            assert.ok(all.length > 15, `a refusal says what is wrong: ${JSON.stringify(text)} → ${all}`);
          }
        }),
        { numRuns: RUNS, seed: 42 },
      );
    });
  }
});
