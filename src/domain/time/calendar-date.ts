/**
 * Calendar dates: a day as a person gave it ("2027-01-20"), not an instant. Due dates, the last day of a leave and the
 * programme's first and last days are calendar dates. Each carries the IANA zone it was read in: the zone says when
 * the day begins and ends (when a due date has passed, when a leave is over), while the day itself is shown as given,
 * the same to every reader in every zone. Pure: no clock, no I/O (luxon does the zone arithmetic).
 */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";

/** An ISO calendar day, `YYYY-MM-DD`, that exists: zod's ISO date checks the month's length and leap years (no 30 February). */
const IsoDate = z.iso.date();

/** Zone names already checked: luxon checks one by building an Intl formatter, which is slow to repeat for every row. */
const checkedZones = new Map<string, boolean>();
const isKnownZone = (zone: string): boolean => {
  let known = checkedZones.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    checkedZones.set(zone, known);
  }
  return known;
};

/** An IANA time zone name that luxon knows ("Europe/London", "Pacific/Auckland", "UTC"). */
const TimeZoneName = z.string().refine(isKnownZone, { error: "not a known time zone" });

/** A calendar date: the day (`date`, ISO) and the zone it is read in (`zone`). */
export const CalendarDate = z.object({ date: IsoDate, zone: TimeZoneName });
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * The calendar date `date` read in `zone`. Throws on a malformed day or an unknown zone: stored dates were validated
 * on the way in, so a bad one here is a fault in the program, not in the input (input goes through `CalendarDate`).
 */
export function calendarDate(date: string, zone: string): CalendarDate {
  return CalendarDate.parse({ date, zone });
}

/** The day on which `instant` falls in `zone` (e.g. "today" for the clock's now). */
export function calendarDateOf(instant: Date, zone: string): CalendarDate {
  return calendarDate(DateTime.fromJSDate(instant, { zone }).toISODate()!, zone);
}

const midnight = (d: CalendarDate) => DateTime.fromISO(d.date, { zone: d.zone });

/** The first instant of the day in its zone (its midnight, or the first moment after it where a clock change skips midnight). */
export function dayStarts(d: CalendarDate): Date {
  return midnight(d).toJSDate();
}

/** dayEnds answers already worked out, by "date zone": luxon's zone arithmetic is slow, and the planner asks often. */
const ends = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

/**
 * The instant the day is over in its zone: the start of the next day there. This is the one place a calendar date
 * becomes an end instant: a due date has passed, and a leave is over, from this instant on (exclusive end). A day
 * across a clock change is 23 or 25 hours long.
 */
export function dayEnds(d: CalendarDate): Date {
  const key = `${d.date} ${d.zone}`;
  let end = ends.get(key);
  if (end === undefined) {
    end = midnight(addDays(d, 1)).toMillis();
    if (ends.size >= MAX_REMEMBERED) ends.clear();
    ends.set(key, end);
  }
  return new Date(end);
}

/** The last instant of the day in its zone (its final millisecond), for inclusive bounds such as an RRULE's UNTIL. */
export function lastMomentOf(d: CalendarDate): Date {
  return midnight(d).endOf("day").toJSDate();
}

/** The day `days` later (earlier when negative), in the same zone. */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  return calendarDate(DateTime.fromISO(d.date, { zone: "utc" }).plus({ days }).toISODate()!, d.zone);
}

/** The same day of the month `months` later, clamped to the end of a shorter month (31 Jan + 1 month = 28 Feb). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  return calendarDate(DateTime.fromISO(d.date, { zone: "utc" }).plus({ months }).toISODate()!, d.zone);
}

/** Whole days from `a` to `b` (negative when `b` is earlier), counted on the calendar: clock changes play no part. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return DateTime.fromISO(b.date, { zone: "utc" }).diff(DateTime.fromISO(a.date, { zone: "utc" }), "days").days;
}

/** Orders two calendar dates by their day alone (the zones are not compared): negative, 0 or positive. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * How a calendar date is written: `weekday` "Wed 20 Jan 2027" (chat replies and reminders), `day` "20 Jan 2027"
 * (the draft log), `iso` "2027-01-20" (programme periods, file names, data exports).
 */
export type DateStyle = "weekday" | "day" | "iso";

const FORMATS: Record<Exclude<DateStyle, "iso">, string> = { weekday: "ccc d LLL yyyy", day: "d LLL yyyy" };

/**
 * The one formatter for calendar dates: the day exactly as stored, whoever reads it and wherever they are (the zone
 * plays no part). English names, the same on every machine.
 */
export function formatCalendarDate(d: CalendarDate, style: DateStyle = "weekday"): string {
  if (style === "iso") return d.date;
  return DateTime.fromISO(d.date, { zone: "utc", locale: "en-US" }).toFormat(FORMATS[style]);
}
