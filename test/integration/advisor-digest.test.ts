import assert from "node:assert/strict";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test } from "vitest";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/store/open-database.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const SECRET = "My manager undermines me in front of the team";
const ACTION = "Ask HR about the rota policy";

describe("the advisor's weekly digest, through the outbox", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(`${FIVE_MEMBER_SET}
/nudge settings tz:America/New_York
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:weekly count:12
/log problem text:"${SECRET}"
/log action text:"${ACTION}" due:2027-01-08`);
  });
  afterEach(() => h.close());

  const digests = async () =>
    (await h.db.outbox.findMany({ where: { kind: "advisor-digest" }, orderBy: { sendAt: "asc" } })).map((r) => ({
      key: r.key,
      sendAt: r.sendAt.toISOString(),
      status: r.status,
      text: (JSON.parse(r.payload) as { reply: { text: string } }).reply.text,
    }));

  test("Monday 09:00 in the advisor's zone, once a week: meetings, silences, overdue actions, reviews due and feedback as counts and dates", {
    timeout: 120_000,
  }, async () => {
    await h.run(
      'clock 2027-01-12T12:05Z\nas Dev\n/meeting close\nas Ben\n/feedback text:"Good" \nas Cleo\n/feedback text:"Too long" about:advisor anonymous:yes\nas Sam\n/review member:@Ben text:"Fine work"',
    );
    await h.run("clock 2027-03-08T15:00Z");
    const rows = await digests();
    assert.equal(rows.length, 10, "one a week from Monday 4 January (09:00 in New York is after the set was made) to 8 March");
    assert.equal(new Set(rows.map((r) => r.key)).size, 10);
    // 09:00 in New York: 14:00 UTC in winter (EST), 13:00 once clocks go forward (14 March, after these).
    for (const r of rows) assert.match(r.sendAt, /T14:00:00\.000Z$/, r.key);
    assert.ok(rows.every((r) => r.status === "sent"));
    const set = await h.db.learningSet.findFirstOrThrow();
    const sam = await h.db.person.findFirstOrThrow({ where: { externalId: "Sam" } });
    assert.equal(rows[0]!.key, `advisor-digest:${set.id}:${sam.id}:${set.id}:2027-W01`);

    const week3 = rows[2]!.text;
    assert.match(week3, /^Your weekly digest for "Leading change" \(week 2027-W03\):/);
    assert.match(week3, /Held last week: meeting 1 \(<time:\d+:full>\)\./);
    assert.match(week3, /Coming this week: meeting 2 \(<time:\d+:full>\)\./);
    assert.match(week3, /Overdue actions: Ana 1\./);
    assert.match(week3, /New feedback since last week: 1 about the set, 1 about you\./);
    assert.match(week3, /Silent for 30 days or more: nobody\./);

    const last = rows.at(-1)!.text;
    assert.match(
      last,
      /Silent for 30 days or more: Ana \(last entry <time:\d+:date>, 2 entries in all\), Ben \(no entry yet\), Cleo \(no entry yet\), Dev \(no entry yet\), Eve \(no entry yet\)\./,
    );
    assert.match(
      last,
      /Reviews due \(not reviewed for 8 weeks\): Ana \(never\), Cleo \(never\), Dev \(never\), Eve \(never\)\./,
      "Ben was reviewed",
    );
    assert.match(last, /New feedback since last week: none\./);
    for (const r of rows) {
      for (const words of [SECRET, ACTION, "Too long", "Fine work"]) assert.ok(!r.text.includes(words), `${r.key} carries "${words}"`);
      assert.doesNotMatch(r.text, /Cleo[^\n]*about you|anonymous/i);
    }
  });

  test("planned once per advisor per week across a restart, even when the restarted bot plans that moment again", async () => {
    // The first run sends the digest of week 2 (Monday 11 January, 09:00 New York = 14:00 UTC), then stops.
    const first = replies(await h.run("clock 2027-01-11T14:00:30Z")).join("\n");
    assert.match(first, /\[DM Sam\] Your weekly digest for "Leading change" \(week 2027-W02\)/);
    // A second run on the same database: its own client, clock and chat. Its tick mark is set back before the
    // digest's moment, as a process whose last tick was earlier would have it, so it plans that moment again.
    const db = await openDatabase(h.databaseUrl);
    try {
      await db.schedulerState.updateMany({ data: { lastTickAt: new Date("2027-01-11T13:58:00Z") } });
      const clock = new ManualClock(new Date("2027-01-11T13:59:00Z"));
      const chat = new ConsoleChat(
        { db, clock, logger: pino({ level: "silent" }), defaultTimeZone: "Europe/London" },
        handlers,
        join(h.dir, "files-2"),
      );
      const second = (await chat.handle("clock 2027-01-18T14:00:30Z")).join("\n");
      assert.doesNotMatch(second, /week 2027-W02/, "not sent again");
      assert.match(second, /\[DM Sam\] Your weekly digest for "Leading change" \(week 2027-W03\)/);
    } finally {
      await db.$disconnect();
    }
    const rows = await digests();
    assert.deepEqual(
      rows.map((r) => [r.key.split(":").at(-1), r.status]),
      [
        ["2027-W01", "sent"],
        ["2027-W02", "sent"],
        ["2027-W03", "sent"],
      ],
    );
  });
});
