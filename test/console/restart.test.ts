import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { START_ARGS } from "../support/start-args.ts";

const script = readFileSync(new URL("./fixtures/seven-months.txt", import.meta.url), "utf8");
const [firstHalf, secondHalf] = script.split("# --- restart here ---\n") as [string, string];
const dir = mkdtempSync(join(tmpdir(), "als-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One `npm start` process (as `node --import tsx src/main.ts`) reading `input` on stdin. */
function start(input: string, db: string, env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [...START_ARGS], {
    input,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, db)}`,
      FILES_DIR: join(dir, "files"),
      DEFAULT_TIME_ZONE: "Europe/London",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** The messages the bot sent (replies and reminders), as a sorted multiset. */
const messages = (transcript: string) =>
  transcript
    .split("\n")
    .filter((l) => l.startsWith("[#") || l.startsWith("[DM "))
    .sort();

test("a restart halfway through a seven-month programme loses and doubles no reminder", { timeout: 300_000 }, () => {
  const whole = start(script, "whole.db");
  const before = start(firstHalf, "halves.db");
  const resumedAt = [...firstHalf.matchAll(/^clock (\S+)$/gm)].at(-1)![1]!;
  const afterRestart = start(secondHalf, "halves.db", { CONSOLE_START: resumedAt.replace(/Z$/, ":00Z") });
  const wholeMessages = messages(whole);
  assert.ok(wholeMessages.filter((l) => l.startsWith("[DM ")).length > 50, "the programme sends plenty of reminders");
  assert.deepEqual(messages(before + afterRestart), wholeMessages);
});
