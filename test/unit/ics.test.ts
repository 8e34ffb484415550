import assert from "node:assert/strict";
import { test } from "vitest";
import { type IcsMeeting, meetingsToIcs } from "../../src/export/ics.ts";

const meetings: IcsMeeting[] = [
  { uid: "m-1", number: 1, startsAt: new Date("2027-03-16T10:00:00Z"), durationMinutes: 150, status: "closed", presenters: ["Ann", "Bob"] },
  { uid: "m-2", number: 2, startsAt: new Date("2027-03-30T09:00:00Z"), durationMinutes: 120, status: "cancelled", presenters: [] },
  {
    uid: "m-3",
    number: 3,
    startsAt: new Date("2027-04-13T09:00:00Z"),
    durationMinutes: 90,
    status: "scheduled",
    presenters: ["Cy"],
    url: "https://chat.example/set/1",
  },
];
const GENERATED = new Date("2027-03-01T12:00:00Z");

function render(): string {
  const r = meetingsToIcs({ calendarName: "Blue set meetings", setName: "Blue", meetings, generatedAt: GENERATED });
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

test("STATUS:CANCELLED only for cancelled meetings", () => {
  const evs = events(render());
  assert.deepEqual(
    evs.map((e) => /STATUS:CANCELLED/.test(e)),
    [false, true, false],
  );
});

test("the whole file, line by line: with generatedAt the output is fixed, whatever the time it is made", () => {
  assert.deepEqual(render().split("\r\n"), [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:action-learning-companion",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Blue set meetings",
    "X-PUBLISHED-TTL:PT1H",
    "BEGIN:VEVENT",
    "UID:m-1@als",
    "SUMMARY:Action learning set: Blue (meeting 1)",
    "DTSTAMP:20270301T120000Z",
    "DTSTART:20270316T100000Z",
    "DESCRIPTION:Presenters: Ann\\, Bob",
    "STATUS:CONFIRMED",
    "DURATION:PT2H30M",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:m-2@als",
    "SUMMARY:Action learning set: Blue (meeting 2)",
    "DTSTAMP:20270301T120000Z",
    "DTSTART:20270330T090000Z",
    "DESCRIPTION:Presenters: not yet assigned",
    "STATUS:CANCELLED",
    "DURATION:PT2H",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:m-3@als",
    "SUMMARY:Action learning set: Blue (meeting 3)",
    "DTSTAMP:20270301T120000Z",
    "DTSTART:20270413T090000Z",
    "DESCRIPTION:Presenters: Cy",
    "URL:https://chat.example/set/1",
    "STATUS:CONFIRMED",
    "DURATION:PT1H30M",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ]);
});

test("DTSTAMP is generatedAt, and nothing else depends on it", () => {
  const later = meetingsToIcs({
    calendarName: "Blue set meetings",
    setName: "Blue",
    meetings,
    generatedAt: new Date("2027-05-02T08:30:00Z"),
  });
  if (!later.ok) assert.fail(later.message);
  const stamps = (ics: string) => ics.split("\r\n").filter((l) => l.startsWith("DTSTAMP:"));
  assert.deepEqual(stamps(later.value), Array(3).fill("DTSTAMP:20270502T083000Z"));
  assert.equal(later.value.replaceAll("DTSTAMP:20270502T083000Z", "DTSTAMP:20270301T120000Z"), render());
});

test("invalid meetings are reported as values", () => {
  const bad = meetingsToIcs({ calendarName: "c", setName: "s", meetings: [{ ...meetings[0]!, durationMinutes: 0 }] });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.message, /Meeting 1 .*length/);
  const badDate = meetingsToIcs({ calendarName: "c", setName: "s", meetings: [{ ...meetings[0]!, startsAt: new Date(Number.NaN) }] });
  assert.equal(badDate.ok, false);
});

test("no meetings gives an empty calendar", () => {
  const r = meetingsToIcs({ calendarName: "c", setName: "s", meetings: [] });
  assert.ok(r.ok);
  if (r.ok) assert.equal(events(r.value).length, 0);
});
