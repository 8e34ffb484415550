/**
 * Dates people write that chrono-node does not read (docs/user-guide.md, "Dates and numbers"): `eom` and "end of
 * (the) month", "end of feb", "mid march" / "mid-march", "christmas" / "xmas" (25 Dec), "christmas eve". Each phrase
 * is replaced by the ISO day it means, counted forward from today (a month or day already past this year is next
 * year's), so chrono then reads the rest of the text ("christmas 10am") as usual.
 */
import { DateTime } from "luxon";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** The first day on or after `today` that is `day` of `month` (1-12) in some year, as an ISO date. */
function forward(today: DateTime, month: number, day: (d: DateTime) => DateTime): string {
  const thisYear = day(today.set({ month, day: 1 }));
  return (thisYear < today.startOf("day") ? day(today.set({ month, day: 1 }).plus({ years: 1 })) : thisYear).toISODate()!;
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const PHRASES: { pattern: RegExp; day: (today: DateTime, m: RegExpExecArray) => string }[] = [
  { pattern: /\b(?:eom|end of (?:the )?month)\b/i, day: (t) => t.endOf("month").toISODate()! },
  { pattern: new RegExp(String.raw`\bend of ${MONTH}\b`, "i"), day: (t, m) => forward(t, monthOf(m[1]!), (d) => d.endOf("month")) },
  { pattern: new RegExp(String.raw`\bmid[- ]${MONTH}\b`, "i"), day: (t, m) => forward(t, monthOf(m[1]!), (d) => d.set({ day: 15 })) },
  { pattern: /\b(?:christmas|xmas) eve\b/i, day: (t) => forward(t, 12, (d) => d.set({ day: 24 })) },
  { pattern: /\b(?:christmas|xmas)(?: day)?\b/i, day: (t) => forward(t, 12, (d) => d.set({ day: 25 })) },
];

/** `text` with a phrase chrono cannot read replaced by its ISO day, counted from `now` in `timeZone`; else as it is. */
export function withDayPhrases(text: string, now: Date, timeZone: string): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  for (const { pattern, day } of PHRASES) {
    const m = pattern.exec(text);
    if (m) return `${text.slice(0, m.index)}${day(today, m)}${text.slice(m.index + m[0].length)}`;
  }
  return text;
}

/** An example day for a refusal, in the right year: the first of next month, counted from `now` in `timeZone`. */
export function exampleDay(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).plus({ months: 1 }).startOf("month").toISODate()!;
}
