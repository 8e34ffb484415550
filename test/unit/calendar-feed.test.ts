import assert from "node:assert/strict";
import { test } from "vitest";
import { feedTokenHash, feedUrl, newFeedToken, tokenOfPath } from "../../src/app/calendar-tokens.ts";
import { loadConfig } from "../../src/config.ts";
import { CANCELLED_KEPT_DAYS, calendarSequence, shownInFeed } from "../../src/domain/set/calendar-feed.ts";
import { pathMatches } from "../../src/ops/health.ts";

const d = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

test("SEQUENCE is 0 as scheduled, one more at each move, one more once cancelled", () => {
  assert.equal(calendarSequence({ status: "scheduled", timeVersion: 1 }), 0);
  assert.equal(calendarSequence({ status: "closed", timeVersion: 1 }), 0);
  assert.equal(calendarSequence({ status: "scheduled", timeVersion: 3 }), 2);
  assert.equal(calendarSequence({ status: "cancelled", timeVersion: 3 }), 3);
});

test(`a cancelled meeting is shown until ${CANCELLED_KEPT_DAYS} days after the later of its time and its cancellation`, () => {
  const startsAt = d("2027-03-01T10:00:00Z");
  const m = { status: "cancelled" as const, startsAt, timeVersion: 1 };
  const at = (days: number, from = startsAt) => new Date(from.getTime() + days * DAY);
  assert.ok(shownInFeed({ ...m, cancelledAt: d("2027-02-20T10:00:00Z") }, at(CANCELLED_KEPT_DAYS - 0.01)));
  assert.ok(!shownInFeed({ ...m, cancelledAt: d("2027-02-20T10:00:00Z") }, at(CANCELLED_KEPT_DAYS)));
  // Cancelled after its time (a meeting that was never held): counted from the cancellation.
  const late = d("2027-03-20T10:00:00Z");
  assert.ok(shownInFeed({ ...m, cancelledAt: late }, at(CANCELLED_KEPT_DAYS - 1, late)));
  assert.ok(!shownInFeed({ ...m, cancelledAt: null }, at(CANCELLED_KEPT_DAYS)), "unrecorded cancellation: from its time");
  assert.ok(shownInFeed({ ...m, status: "closed", cancelledAt: null }, at(1000)), "held meetings stay");
});

test("tokens: 256 random bits in base64url, a hex SHA-256 stored, read back from the path", () => {
  const a = newFeedToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, newFeedToken());
  assert.match(feedTokenHash(a), /^[0-9a-f]{64}$/);
  assert.equal(feedUrl("https://als.example/", a), `https://als.example/calendar/${a}.ics`);
  assert.equal(feedUrl("https://als.example/bot", a), `https://als.example/bot/calendar/${a}.ics`);
  assert.equal(tokenOfPath(`/calendar/${a}.ics`), a);
  assert.equal(tokenOfPath(`/calendar/${a}`), a);
  assert.equal(tokenOfPath("/elsewhere/x.ics"), "");
});

test("a route's :name segment stands for one non-empty segment, as in Bolt's customRoutes", () => {
  assert.ok(pathMatches("/calendar/:feed", "/calendar/abc.ics"));
  assert.ok(!pathMatches("/calendar/:feed", "/calendar/"));
  assert.ok(!pathMatches("/calendar/:feed", "/calendar/a/b"));
  assert.ok(!pathMatches("/calendar/:feed", "/calendars/abc"));
  assert.ok(pathMatches("/healthz", "/healthz"));
  assert.ok(!pathMatches("/healthz", "/healthz/x"));
});

test("PUBLIC_URL: an http(s) URL, kept without its trailing slash; anything else stops start-up naming it", () => {
  assert.equal(loadConfig({ PUBLIC_URL: "https://als.example.org/" } as NodeJS.ProcessEnv).PUBLIC_URL, "https://als.example.org");
  assert.equal(loadConfig({} as NodeJS.ProcessEnv).PUBLIC_URL, undefined);
  for (const bad of ["als.example.org", "webcal://als.example.org", "ftp://x"])
    assert.throws(() => loadConfig({ PUBLIC_URL: bad } as NodeJS.ProcessEnv), /PUBLIC_URL must be the bot's public http\(s\) base URL/);
});
