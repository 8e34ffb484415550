import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { parseLine } from "../../src/app/parse-command.ts";

/** The raw option text a line gives each option, or the refusal's message. */
function raw(line: string): Record<string, string> | string {
  const parsed = parseLine(line);
  return parsed.ok ? parsed.value.raw : parsed.message;
}

describe("option values are the learner's words, as written", () => {
  const cases: [string, Record<string, string>][] = [
    ["/log reflect text:He said “no” to me", { text: "He said “no” to me" }],
    ['/log reflect text:She said "maybe', { text: 'She said "maybe' }],
    ["/log reflect text:Lesson learned: listen more", { text: "Lesson learned: listen more" }],
    ["/log reflect text:two  spaces", { text: "two  spaces" }],
    ['/log reflect text:The "quick win" took a month', { text: 'The "quick win" took a month' }],
    ['/log reflect text:"Next time, meeting: sooner" meeting:2', { text: "Next time, meeting: sooner", meeting: "2" }],
    ['/log action text:Call them: "today" due:2027-01-20', { text: 'Call them: "today"', due: "2027-01-20" }],
    ['/set create name:"Leading change"', { name: "Leading change" }],
    ['/set create name:"Oops', { name: '"Oops' }],
  ];
  for (const [line, expected] of cases) test(line, () => assert.deepEqual(raw(line), expected));

  test("an option named twice close up is refused with the way to keep the word; with a space after it, it is prose", () => {
    assert.match(
      String(raw("/log reflect text:I rewrote text:it")),
      /Option text: is given twice\. To keep "text:" inside a value, put that whole value in straight quotes, e\.g\. text:"… text: …"/,
    );
    assert.deepEqual(raw("/log reflect text:I rewrote text: it"), { text: "I rewrote text: it" });
  });
  test("a word: in a value that cannot hold text is an unknown option", () => {
    assert.match(String(raw("/meeting schedule when:tomorrow 10am room:4")), /has no option "room"/);
    assert.match(String(raw("/meeting list bogus:3")), /has no option "bogus"/);
    assert.match(String(raw("/meeting schedule When:tomorrow")), /Option names are written in lower case: when:/);
  });
});

describe("values without option names fill the first options; a date or a text takes the rest of the line", () => {
  const cases: [string, Record<string, string>][] = [
    ["/meeting schedule tomorrow 10am", { when: "tomorrow 10am" }],
    ["/meeting schedule next thursday 3pm", { when: "next thursday 3pm" }],
    ["/meeting schedule tomorrow 10am 90m", { when: "tomorrow 10am", duration: "90m" }],
    ['/meeting schedule "2027-01-12 14:00" 2h every:monthly', { when: "2027-01-12 14:00", duration: "2h", every: "monthly" }],
    ["/meeting schedule next thursday 3pm every:weekly count:4", { when: "next thursday 3pm", every: "weekly", count: "4" }],
    ["/meeting move 3 next tuesday 10am", { meeting: "3", when: "next tuesday 10am" }],
    ["/meeting rsvp no 4", { answer: "no", meeting: "4" }],
    ["/log edit 3 Met both “leads”: done", { entry: "3", text: "Met both “leads”: done" }],
    ["/set programme 2027-01-04 2027-07-31", { start: "2027-01-04", end: "2027-07-31" }],
    ["/log reflect Lesson learned: it's fine", { text: "Lesson learned: it's fine" }],
  ];
  for (const [line, expected] of cases) test(line, () => assert.deepEqual(raw(line), expected));

  test("words left over after every one-word option are refused", () => {
    assert.match(String(raw("/meeting rsvp yes 3 extra")), /Too many values for \/meeting rsvp/);
  });
});
