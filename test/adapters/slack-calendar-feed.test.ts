import assert from "node:assert/strict";
import ICAL from "ical.js";
import { pino } from "pino";
import { afterAll, beforeAll, describe, test } from "vitest";
import { calendarFeedRoute } from "../../src/adapters/calendar/feed-route.ts";
import { createSlackAdapter, type SlackAdapter } from "../../src/adapters/slack/create-slack-adapter.ts";
import type { Deps } from "../../src/app/context.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { FakeSlack, type SlackCall } from "../support/fake-slack.ts";
import { freePort } from "../support/http-probe.ts";
import { type SlackTarget, slashCommand } from "../support/slack-requests.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { textOf } from "./contract/slack-driver.ts";

// The calendar feed through Bolt's customRoutes, as a Slack process serves it (src/main.ts): the real Bolt
// HTTPReceiver on one port for Slack's requests and the feed, against a local Slack.

const SECRET = "calendar-signing-secret";
const CHANNEL = "C0CAL";
const ANA = { userId: "U0ANA", userName: "ana", channelId: CHANNEL };

describe("Slack: the calendar feed is served by Bolt beside Slack's own endpoint", () => {
  let fake: FakeSlack;
  let database: TestDatabase;
  let db: Database;
  let adapter: SlackAdapter;
  let target: SlackTarget;
  let base: string;

  /** Runs `/als <text>` as Ana and returns the text of its reply (to her alone, or in the channel). */
  const run = async (text: string): Promise<string> => {
    const from = fake.calls.length;
    const res = await slashCommand(target, { text, ...ANA });
    assert.equal(res.status, 200, res.body);
    const [reply] = await fake.waitForCall(
      `the reply to ${text}`,
      (c: SlackCall) => fake.calls.indexOf(c) >= from && (c.method === "chat.postEphemeral" || c.method === "chat.postMessage"),
    );
    return textOf(reply!);
  };

  beforeAll(async () => {
    fake = await FakeSlack.start();
    database = await createTestDatabase();
    db = await openDatabase(database.url);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const deps: Deps = {
      db,
      clock: new ManualClock(new Date("2027-01-04T09:00:00Z")),
      logger: pino({ level: "silent" }),
      defaultTimeZone: "Europe/London",
      feedBaseUrl: base,
    };
    adapter = createSlackAdapter(deps, handlers, {
      botToken: "xoxb-test",
      signingSecret: SECRET,
      apiUrl: fake.url,
      port,
      routes: [calendarFeedRoute(deps)],
    });
    await adapter.start();
    target = { url: `${base}/slack/events`, signingSecret: SECRET };
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await db?.$disconnect();
    await database?.drop();
  });

  test("/als meeting calendar gives an address on Bolt's port that serves the feed; other tokens get 404", async () => {
    await run('set create name:"Blue set"');
    await run('meeting schedule when:"2027-02-09 10:00" duration:2h');
    const text = await run("meeting calendar");
    // The fallback text and the blocks both carry the reply: each address once, in order.
    const urls = [...new Set([...text.matchAll(/http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics/g)].map((m) => m[0]))];
    assert.equal(urls.length, 2, text);
    assert.ok(urls[0]!.startsWith(`${base}/calendar/`), "served where Slack's requests arrive");

    const res = await fetch(urls[0]!);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "Blue set");
    const [event] = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    assert.equal(event?.startDate.toJSDate().toISOString(), "2027-02-09T10:00:00.000Z");
    assert.equal(event?.sequence, 0);

    await run('meeting move meeting:1 when:"2027-02-10 10:00"');
    const moved = new ICAL.Component(ICAL.parse(await (await fetch(urls[0]!)).text()));
    assert.equal(new ICAL.Event(moved.getFirstSubcomponent("vevent")!).sequence, 1);

    for (const path of [`/calendar/${"A".repeat(43)}.ics`, "/calendar/nope"]) {
      const wrong = await fetch(`${base}${path}`);
      assert.equal(wrong.status, 404);
      assert.equal(await wrong.text(), "not found\n");
    }
  });
});
