import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { invalid, type Parsed, parsed } from "../text/parse-result.ts";
import { type CalendarDate, calendarDate } from "./calendar-date.ts";
import { outsideDateRange } from "./date-range.ts";
import { exampleDay, withDayPhrases } from "./day-phrases.ts";

/**
 * Reads a calendar day ("2027-03-01", "next friday", "in 2 weeks", "1 March 2027", and the phrases of
 * src/domain/time/day-phrases.ts: "eom", "end of feb", "mid march", "christmas") in `timeZone` and returns that
 * day as a calendar date read in `timeZone`. Relative words count from the clock's day in that zone, so the answer
 * does not depend on the machine's time zone; a day written out is kept exactly as written. A day outside the range
 * people's dates may lie in (src/domain/time/date-range.ts) is refused, saying the range.
 */
export function parseDay(text: string, opts: { now: Date; timeZone: string }): Parsed<CalendarDate> {
  const local = DateTime.fromJSDate(opts.now, { zone: opts.timeZone });
  const reference = new Date(local.year, local.month - 1, local.day, local.hour, local.minute);
  const input = withDayPhrases(text.trim(), opts.now, opts.timeZone);
  const [result] = chrono.parse(input, reference, { forwardDate: true });
  if (!result || result.text.length < input.length * 0.6) {
    return invalid(
      `couldn't read "${text}" as a day. Try "${exampleDay(opts.now, opts.timeZone)}", "next friday", "in 2 weeks" or "end of the month".`,
    );
  }
  const start = result.start;
  const day = DateTime.fromObject(
    { year: start.get("year") ?? local.year, month: start.get("month") ?? local.month, day: start.get("day") ?? local.day },
    { zone: "utc" },
  );
  if (!day.isValid) return invalid(`"${text}" is not a real day.`);
  const far = outsideDateRange(text, day.setZone(opts.timeZone, { keepLocalTime: true }), opts.now, opts.timeZone);
  return far ? invalid(far) : parsed(calendarDate(day.toISODate()!, opts.timeZone));
}
