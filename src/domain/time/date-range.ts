/**
 * The range of dates the bot reads from people: a programme runs for months (the ILM unit's log covers one
 * programme), so no date a person gives — a meeting, a due date, leave, a programme's end — lies more than
 * DATE_RANGE_YEARS before or after today. Beyond it a date is a slip (`9999-12-31`, `in 3000000 days`), refused with
 * the range in words rather than stored or left to overflow a calendar later.
 */
import { DateTime } from "luxon";

/** How many years either side of today a date people give may lie. */
const DATE_RANGE_YEARS = 5;

/**
 * Why `when` (an instant, or a day's midnight in `timeZone`) is outside the range around `now`, or undefined when it
 * is inside. The message names the range's first and last days, in `timeZone`.
 */
export function outsideDateRange(text: string, when: DateTime, now: Date, timeZone: string): string | undefined {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const first = today.minus({ years: DATE_RANGE_YEARS });
  const last = today.plus({ years: DATE_RANGE_YEARS }).endOf("day");
  if (when.isValid && when >= first && when <= last) return undefined;
  const side = when.isValid && when < first ? "ago" : "ahead";
  const day = (d: DateTime) => d.setLocale("en-GB").toFormat("d LLL yyyy");
  return `"${text.trim()}" is more than ${DATE_RANGE_YEARS} years ${side}: give a date between ${day(first)} and ${day(last)}.`;
}
