import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, test } from "vitest";
import { calendarFeedRoute } from "../../src/adapters/calendar/feed-route.ts";
import { feedTokenHash } from "../../src/app/calendar-tokens.ts";
import { CANCELLED_KEPT_DAYS } from "../../src/domain/set/calendar-feed.ts";
import { type HealthServer, startHealthServer } from "../../src/ops/health.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";
import { freePort } from "../support/http-probe.ts";

/**
 * The calendar subscriptions (issue 23 §3, issue 22 item 17) through the real HTTP route on the health server:
 * `/meeting calendar` gives private URLs, the feed follows a move and a cancellation (read back by ical.js, an
 * independent parser), tokens that open nothing all get the same 404, reset replaces them, and a person's feed
 * holds only their own sets.
 */

const URL_RE = /http:\/\/127\.0\.0\.1:\d+\/calendar\/([A-Za-z0-9_-]+)\.ics/g;

type Event = { uid: string; sequence: number; status: string; start: string; summary: string; description: string };

/** The feed as calendar apps read it: the calendar's properties and every event, parsed by ical.js. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events: Event[] = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue("status")),
      start: e.startDate.toJSDate().toISOString(),
      summary: e.summary,
      description: e.description,
    };
  });
  const prop = (name: string) => String(calendar.getFirstPropertyValue(name));
  return { events, prop };
}

async function get(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
}

/** The URLs a reply gives, in order (this set's, then all the person's sets'). */
const urlsIn = (out: string[]) => [...out.join("\n").matchAll(URL_RE)].map((m) => m[0]);
const tokenOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;

describe("calendar subscriptions, served on the health server", () => {
  let h: Harness;
  let server: HealthServer;
  let base: string;
  let setFeed: string;
  let allFeed: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    h = await createHarness("2027-01-04T09:00:00Z", "Europe/London", { feedBaseUrl: `${base}/` });
    server = await startHealthServer(port, [calendarFeedRoute(h.deps)]);
    await h.run(
      [
        FIVE_MEMBER_SET,
        "as Ana",
        '/meeting schedule when:"2027-02-09 10:00" duration:2h every:monthly count:3',
        // A second set Ana is in, and a third she is not.
        "in #other",
        "as Tom",
        '/set create name:"Other set"',
        "/set add member:@Ana",
        "/set add member:@Ben",
        '/meeting schedule when:"2027-02-16 14:00" duration:90m',
        "in #third",
        "as Zed",
        '/set create name:"Third set"',
        "/set add member:@Ben",
        '/meeting schedule when:"2027-02-17 09:00"',
        "in #set",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  test("/meeting calendar gives the file and two private addresses under PUBLIC_URL; only their hashes are stored", async () => {
    const out = replies(await h.run("as Ana\n/meeting calendar"));
    assert.ok(
      out.some((l) => l.trim().startsWith("[file ")),
      out.join("\n"),
    );
    const urls = urlsIn(out);
    assert.equal(urls.length, 2, out.join("\n"));
    [setFeed, allFeed] = urls as [string, string];
    assert.ok(setFeed.startsWith(`${base}/calendar/`), "one slash between PUBLIC_URL and the path");
    for (const url of urls) assert.equal(Buffer.from(tokenOf(url), "base64url").length, 32, "256 random bits");
    assert.notEqual(tokenOf(setFeed), tokenOf(allFeed));
    const dump = JSON.stringify(await h.snapshot());
    for (const url of urls) {
      assert.ok(!dump.includes(tokenOf(url)), "the database holds no token");
      assert.ok(dump.includes(feedTokenHash(tokenOf(url))), "it holds the token's hash");
    }
  });

  test("the set's feed: METHOD:PUBLISH, its name and zone, UTC times, refresh hints; SEQUENCE 0 at first", async () => {
    const r = await get(setFeed);
    assert.equal(r.status, 200);
    assert.match(r.type, /^text\/calendar; charset=utf-8$/);
    const { events, prop } = parse(r.body);
    assert.equal(prop("method"), "PUBLISH");
    assert.equal(prop("x-wr-calname"), "Leading change");
    assert.equal(prop("x-wr-timezone"), "Europe/London");
    assert.equal(prop("refresh-interval"), "PT1H");
    assert.equal(prop("x-published-ttl"), "PT1H");
    assert.deepEqual(
      events.map((e) => [e.start, e.sequence, e.status]),
      [
        ["2027-02-09T10:00:00.000Z", 0, "CONFIRMED"],
        ["2027-03-09T10:00:00.000Z", 0, "CONFIRMED"],
        ["2027-04-09T09:00:00.000Z", 0, "CONFIRMED"],
      ],
    );
    assert.match(r.body, /DTSTART:20270209T100000Z/, "times in UTC");
  });

  test("a moved, then cancelled meeting keeps its UID while SEQUENCE rises; the file says the same", async () => {
    const before = parse((await get(setFeed)).body).events[1]!;
    await h.run('as Ana\n/meeting move meeting:2 when:"2027-03-10 15:00"');
    const moved = parse((await get(setFeed)).body).events[1]!;
    assert.deepEqual([moved.uid, moved.start, moved.sequence, moved.status], [before.uid, "2027-03-10T15:00:00.000Z", 1, "CONFIRMED"]);
    await h.run('/meeting move meeting:2 when:"2027-03-11 15:00"');
    assert.equal(parse((await get(setFeed)).body).events[1]!.sequence, 2, "every change of time raises it");
    await h.run("/meeting cancel meeting:2");
    const cancelled = parse((await get(setFeed)).body).events[1]!;
    assert.deepEqual(
      [cancelled.uid, cancelled.start, cancelled.sequence, cancelled.status],
      [before.uid, "2027-03-11T15:00:00.000Z", 3, "CANCELLED"],
    );
    const out = replies(await h.run("/meeting calendar"));
    const path = out
      .find((l) => l.trim().startsWith("[file "))!
      .trim()
      .slice(6, -1);
    const file = parse(readFileSync(path, "utf8")).events.find((e) => e.uid === before.uid)!;
    assert.deepEqual([file.sequence, file.status], [3, "CANCELLED"]);
  });

  test(`a cancelled meeting stays in the feed ${CANCELLED_KEPT_DAYS} days after its time, then leaves it`, async () => {
    const start = Date.parse("2027-03-11T15:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const uids = async () => parse((await get(setFeed)).body).events.map((e) => e.status);
    h.clock.set(new Date(start + (CANCELLED_KEPT_DAYS - 1) * day));
    assert.deepEqual(await uids(), ["CONFIRMED", "CANCELLED", "CONFIRMED"]);
    h.clock.set(new Date(start + (CANCELLED_KEPT_DAYS + 1) * day));
    assert.deepEqual(await uids(), ["CONFIRMED", "CONFIRMED"]);
    h.clock.set(new Date("2027-01-04T09:00:00Z"));
  });

  test("every token that opens nothing gets the same 404, whatever its shape", async () => {
    const answers = await Promise.all(
      [
        `/calendar/${Buffer.alloc(32, 7).toString("base64url")}.ics`,
        // The real token with its last character changed (to one it is not: a token may end in A).
        `/calendar/${tokenOf(setFeed).slice(0, -1)}${tokenOf(setFeed).endsWith("A") ? "B" : "A"}.ics`,
        `/calendar/${feedTokenHash(tokenOf(setFeed))}.ics`,
        "/calendar/short",
        "/calendar/%zz.ics",
        "/calendar/.ics",
        "/nothing-here",
      ].map((p) => get(`${base}${p}`)),
    );
    for (const a of answers) assert.deepEqual(a, { status: 404, body: "not found\n", type: "text/plain" });
  });

  test("a second /meeting calendar does not show the addresses again and writes nothing", async () => {
    const before = await h.snapshot();
    const out = replies(await h.run("as Ana\n/meeting calendar"));
    assert.deepEqual(urlsIn(out), []);
    assert.match(out.join("\n"), /This set: made .*shown only then/);
    assert.match(out.join("\n"), /reset:yes/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("reset:yes replaces both addresses: the old ones answer 404, the new ones work", async () => {
    const out = replies(await h.run("as Ana\n/meeting calendar reset:yes"));
    const [newSet, newAll] = urlsIn(out) as [string, string];
    assert.ok(newSet && newAll, out.join("\n"));
    assert.match(out.join("\n"), /the old ones no longer work/);
    assert.equal((await get(setFeed)).status, 404);
    assert.equal((await get(allFeed)).status, 404);
    assert.equal((await get(newSet)).status, 200);
    assert.equal((await get(newAll)).status, 200);
    setFeed = newSet;
    allFeed = newAll;
  });

  test("a person's feed: the meetings of their sets only, their own presenter turns in the titles", async () => {
    const { events, prop } = parse((await get(allFeed)).body);
    assert.equal(prop("x-wr-calname"), "Action learning sets: Ana");
    const sets = new Set(events.map((e) => /Action learning set: (.*) \(meeting/.exec(e.summary)![1]));
    assert.deepEqual([...sets].sort(), ["Leading change", "Other set"], "not the third set, which Ana is not in");
    const mine = events.filter((e) => e.summary.endsWith(" – you present"));
    assert.ok(mine.length > 0, "Ana presents somewhere");
    for (const e of events)
      assert.equal(e.summary.endsWith(" – you present"), /Presenters: .*\bAna\b/.test(e.description), `${e.summary} / ${e.description}`);
    // The set's own feed marks nobody's turn.
    assert.ok(parse((await get(setFeed)).body).events.every((e) => !e.summary.includes("you present")));
  });

  test("a member removed from a set: that set's feed answers 404 and their own feed drops the set", async () => {
    const out = replies(await h.run("in #other\nas Ben\n/meeting calendar"));
    const [otherFeed, bensAll] = urlsIn(out) as [string, string];
    assert.equal((await get(otherFeed)).status, 200);
    const setsIn = async () => new Set(parse((await get(bensAll)).body).events.map((e) => /set: (.*) \(/.exec(e.summary)![1]));
    assert.deepEqual([...(await setsIn())].sort(), ["Leading change", "Other set", "Third set"]);
    await h.run("as Tom\n/set remove member:@Ben\nin #set");
    assert.deepEqual(await get(otherFeed), { status: 404, body: "not found\n", type: "text/plain" });
    assert.deepEqual([...(await setsIn())].sort(), ["Leading change", "Third set"]);
  });

  test("someone outside the set gets the file alone and no address; reset is refused and changes nothing", async () => {
    const before = await h.snapshot();
    const out = replies(await h.run("as Zed\n/meeting calendar"));
    assert.ok(out.some((l) => l.trim().startsWith("[file ")));
    assert.deepEqual(urlsIn(out), []);
    assert.equal(await h.db.calendarFeed.count({ where: { person: { displayName: "Zed" } } }), 0);
    const reset = replies(await h.run("/meeting calendar reset:yes"));
    assert.match(reset.join("\n"), /Only the set's members and advisors have subscription addresses/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("/log forget deletes a person's subscriptions: their addresses answer 404", async () => {
    await h.run("as Ana\n/log forget confirm:yes");
    assert.equal((await get(setFeed)).status, 404);
    assert.equal((await get(allFeed)).status, 404);
  });
});

describe("calendar subscriptions without PUBLIC_URL", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-02-09 10:00"`);
  });
  afterAll(() => h?.close());

  test("the reply says the feed needs PUBLIC_URL and gives the file alone; nothing is stored", async () => {
    const out = replies(await h.run("as Ana\n/meeting calendar"));
    assert.ok(out.some((l) => l.trim().startsWith("[file ")));
    assert.match(out.join("\n"), /needs the bot's public address \(PUBLIC_URL\)/);
    assert.doesNotMatch(out.join("\n"), /\/calendar\//);
    assert.equal(await h.db.calendarFeed.count(), 0);
  });
});
