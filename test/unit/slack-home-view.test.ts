import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ENTRY_MAX_CHARS } from "../../commands/log.ts";
import { homeView } from "../../src/adapters/slack/home-view.ts";
import type { Home } from "../../src/app/home.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";
import { homeViewProblems } from "../support/fake-slack.ts";

type Block = { type: string; text?: { text: string }; elements?: { value: string }[] };
const blocksOf = (home: Home) => homeView(home).blocks as unknown as Block[];

/** A member's set with `n` open actions of the longest text an entry may have. */
const memberSet = (i: number, n: number) => ({
  setName: `Set ${i} ${"s".repeat(200)}`,
  channelId: `C${i}`,
  archived: false,
  next: {
    number: 1,
    startsAt: new Date("2027-01-12T10:00:00Z"),
    durationMinutes: 120,
    presenters: "Ana",
    expected: true,
    presenting: true,
    answer: null,
  },
  awayUntil: null,
  actions: Array.from({ length: n }, (_, k) => ({
    number: k + 1,
    text: `${k} ${"w".repeat(ENTRY_MAX_CHARS - 5)}`,
    due: calendarDate("2027-02-01", "Europe/London"),
    overdue: false,
  })),
  moreActions: 0,
  coverage: [],
  words: 0,
});

describe("the Slack Home tab stays within Block Kit's limits for views", () => {
  test("a person in many sets with many long actions gets at most 100 blocks, cut with a pointer, that Slack accepts", () => {
    const home: Home = {
      kind: "sets",
      displayName: "Ana",
      timeZone: "Europe/London",
      member: Array.from({ length: 8 }, (_, i) => memberSet(i, 10)),
      advises: [],
    };
    const blocks = blocksOf(home);
    assert.equal(blocks.length, 100);
    assert.deepEqual(homeViewProblems(homeView(home) as unknown as Record<string, unknown>), []);
    assert.match(JSON.stringify(blocks.at(-1)), /more than this page can show/);
    // Each action's words are shown whole, in sections of at most 3,000 characters.
    const first = blocks.map((b) => b.text?.text ?? "").join("");
    assert.ok(first.includes(`0 ${"w".repeat(ENTRY_MAX_CHARS - 5)}`));
  });

  test("a small Home is not cut, and each button carries its own set's channel", () => {
    const home: Home = {
      kind: "sets",
      displayName: "Ana",
      timeZone: "Europe/London",
      member: [{ ...memberSet(1, 1), moreActions: 3 }, memberSet(2, 0)],
      advises: [],
    };
    const blocks = blocksOf(home);
    assert.ok(blocks.length < 100);
    assert.doesNotMatch(JSON.stringify(blocks), /more than this page can show/);
    assert.match(JSON.stringify(blocks), /…and 3 more: `\/als action list`/);
    const values = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []).map((e) => e.value) : []));
    assert.ok(values.includes("C1|/action done action:1"));
    assert.ok(values.filter((v) => v.startsWith("C2|")).length > 0 && !values.includes("C2|/action done action:1"));
  });

  test("someone in no set is welcomed with how to start; someone never seen is told what the app is first", () => {
    const text = (home: Home) => JSON.stringify(homeView(home));
    assert.match(text({ kind: "welcome", known: true }), /You are not in an action learning set yet/);
    assert.match(text({ kind: "welcome", known: false }), /Welcome! This app runs action learning sets/);
    for (const known of [true, false])
      assert.match(text({ kind: "welcome", known }), /How to start.*set create.*set add member.*\/als help/);
  });
});
