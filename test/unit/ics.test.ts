import assert from "node:assert/strict";
import ICAL from "ical.js";
import { test } from "vitest";
import { type IcsMeeting, meetingsToIcs } from "../../src/export/ics.ts";

const base = { setName: "Blue", sequence: 0 };
const meetings: IcsMeeting[] = [
  {
    ...base,
    uid: "m-1",
    number: 1,
    startsAt: new Date("2027-03-16T10:00:00Z"),
    durationMinutes: 150,
    status: "closed",
    presenters: ["Ann", "Bob"],
  },
  {
    ...base,
    uid: "m-2",
    number: 2,
    startsAt: new Date("2027-03-30T09:00:00Z"),
    durationMinutes: 120,
    status: "cancelled",
    sequence: 3,
    presenters: [],
  },
  {
    ...base,
    uid: "m-3",
    number: 3,
    startsAt: new Date("2027-04-13T09:00:00Z"),
    durationMinutes: 90,
    status: "scheduled",
    presenters: ["Cy"],
    youPresent: true,
    url: "https://chat.example/set/1",
  },
];
const GENERATED = new Date("2027-03-01T12:00:00Z");

function render(list = meetings): string {
  const r = meetingsToIcs({
    calendarName: "Blue set meetings",
    timeZone: "Europe/London",
    refresh: "PT1H",
    meetings: list,
    generatedAt: GENERATED,
  });
  if (!r.ok) assert.fail(r.message);
  return r.value;
}
/** The VEVENT blocks, with folded lines unfolded. */
function events(ics: string): string[] {
  const text = ics.replace(/\r\n[ \t]/g, "");
  return [...text.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map((m) => m[1] ?? "");
}

test("one VEVENT per meeting inside one VCALENDAR", () => {
  const ics = render();
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  assert.match(ics, /X-WR-CALNAME:Blue set meetings\r\n/);
  assert.equal(events(ics).length, 3);
});

test("UTC start, duration, title, stable UID, description, URL", () => {
  const [first, second, third] = events(render());
  assert.match(first!, /^UID:m-1@als\r$/m);
  assert.match(first!, /^DTSTART:20270316T100000Z\r$/m);
  assert.match(first!, /^DURATION:PT2H30M\r$/m);
  assert.match(first!, /^SUMMARY:Action learning set: Blue \(meeting 1\)\r$/m);
  assert.match(first!, /^DESCRIPTION:Presenters: Ann\\, Bob\r$/m);
  assert.match(first!, /^STATUS:CONFIRMED\r$/m);
  assert.match(first!, /^DTSTAMP:20270301T120000Z\r$/m);
  assert.match(second!, /^UID:m-2@als\r$/m);
  assert.match(second!, /^DTSTART:20270330T090000Z\r$/m);
  assert.match(second!, /^DESCRIPTION:Presenters: not yet assigned\r$/m);
  assert.match(third!, /^DURATION:PT1H30M\r$/m);
  assert.match(third!, /^URL:https:\/\/chat.example\/set\/1\r$/m);
  assert.match(third!, /^STATUS:CONFIRMED\r$/m);
});

test("an independent parser (ical.js) reads the calendar's properties, each event's SEQUENCE, STATUS and times", () => {
  const calendar = new ICAL.Component(ICAL.parse(render()));
  assert.equal(calendar.getFirstPropertyValue("method"), "PUBLISH");
  assert.equal(calendar.getFirstPropertyValue("x-wr-calname"), "Blue set meetings");
  assert.equal(calendar.getFirstPropertyValue("x-wr-timezone"), "Europe/London");
  assert.equal(String(calendar.getFirstPropertyValue("refresh-interval")), "PT1H");
  assert.equal(calendar.getFirstProperty("refresh-interval")?.type, "duration", "VALUE=DURATION read as a duration");
  assert.equal(String(calendar.getFirstPropertyValue("x-published-ttl")), "PT1H");
  assert.equal(calendar.getAllProperties("x-published-ttl").length, 1, "one TTL, not the library's as well");
  const read = calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: v.getFirstPropertyValue("status"),
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      utc: e.startDate.zone === ICAL.Timezone.utcTimezone,
      summary: e.summary,
    };
  });
  assert.deepEqual(read, [
    {
      uid: "m-1@als",
      sequence: 0,
      status: "CONFIRMED",
      start: "2027-03-16T10:00:00.000Z",
      end: "2027-03-16T12:30:00.000Z",
      utc: true,
      summary: "Action learning set: Blue (meeting 1)",
    },
    {
      uid: "m-2@als",
      sequence: 3,
      status: "CANCELLED",
      start: "2027-03-30T09:00:00.000Z",
      end: "2027-03-30T11:00:00.000Z",
      utc: true,
      summary: "Action learning set: Blue (meeting 2)",
    },
    {
      uid: "m-3@als",
      sequence: 0,
      status: "CONFIRMED",
      start: "2027-04-13T09:00:00.000Z",
      end: "2027-04-13T10:30:00.000Z",
      utc: true,
      summary: "Action learning set: Blue (meeting 3) – you present",
    },
  ]);
});

test("STATUS:CANCELLED only for cancelled meetings", () => {
  const evs = events(render());
  assert.deepEqual(
    evs.map((e) => /STATUS:CANCELLED/.test(e)),
    [false, true, false],
  );
});

test("output is reproducible with generatedAt", () => {
  assert.equal(render(), render());
});

test("invalid meetings are reported as values", () => {
  const input = { calendarName: "c", timeZone: "UTC", refresh: "PT1H" };
  const bad = meetingsToIcs({ ...input, meetings: [{ ...meetings[0]!, durationMinutes: 0 }] });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.message, /Meeting 1 .*length/);
  const badDate = meetingsToIcs({ ...input, meetings: [{ ...meetings[0]!, startsAt: new Date(Number.NaN) }] });
  assert.equal(badDate.ok, false);
  const badSequence = meetingsToIcs({ ...input, meetings: [{ ...meetings[0]!, sequence: -1 }] });
  assert.equal(badSequence.ok, false);
  assert.equal(meetingsToIcs({ ...input, refresh: "1 hour", meetings: [] }).ok, false);
  assert.equal(meetingsToIcs({ ...input, timeZone: "Europe/London\r\nX-EVIL:1", meetings: [] }).ok, false);
});

test("no meetings gives an empty calendar", () => {
  const r = meetingsToIcs({ calendarName: "c", timeZone: "UTC", refresh: "PT1H", meetings: [] });
  assert.ok(r.ok);
  if (r.ok) assert.equal(events(r.value).length, 0);
});
