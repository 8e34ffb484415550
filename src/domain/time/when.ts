/**
 * Reading dates, times, durations and time zones typed by people: dates in natural language, read in the actor's
 * time zone (docs/architecture.md, "Domain rules").
 *
 * Pure: the current instant and the actor's IANA time zone are always passed in; nothing here reads the clock or
 * depends on the machine's time zone for its answer (see parseWhen for the one documented caveat).
 */
import * as chrono from "chrono-node";
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { invalid, type Parsed, parsed } from "../text/parse-result.ts";
import { outsideDateRange } from "./date-range.ts";
import { exampleDay, withDayPhrases } from "./day-phrases.ts";
import { isIanaZone } from "./iana-zone.ts";
import { wallTimeInZone } from "./wall-time.ts";
import { zoneAbbreviation } from "./zone-abbreviation.ts";

/** Examples of a date and time for a refusal, in the year of `now` (the first of next month). */
function whenExamples(now: Date, timeZone: string): string {
  const day = DateTime.fromISO(exampleDay(now, timeZone));
  return `"next tuesday 10am", "${day.toISODate()} 14:00", "tomorrow at 9:30" or "${day.setLocale("en-GB").toFormat("d LLL yyyy")} 10:00"`;
}

/**
 * Parses a natural-language date and time as the wall clock in `opts.timeZone`, relative to `opts.now`.
 *
 * Accepts e.g. "next tuesday 10am", "tuesday 10:00", "2027-01-12 14:00", "12 Jan 2027 10:00", "tomorrow at 9:30",
 * "today 4pm", "10am" (today, or tomorrow if 10am has passed), "in 3 days" (same time of day as now),
 * "in 2 hours", "now". A bare weekday means the coming one (chrono's forwardDate): "tuesday" said on a Tuesday
 * after that time means next week; "next tuesday" said on a Monday means the Tuesday of next week (chrono's reading).
 *
 * - An explicit zone or offset in the text is honoured: "2027-01-12T14:00Z", "10am EST", "10:00 +0530".
 * - A date without a time ("next tuesday", "2027-01-12") is rejected: a meeting needs a time.
 * - Relative times ("in 2 hours") are exact elapsed time from `now`; relative days ("in 3 days") keep the
 *   wall-clock time of `now` in `timeZone`, whatever DST does in between.
 * - Slash dates where day and month could be swapped ("1/12/2027") are rejected as ambiguous.
 * - Ranges ("10-11am"), several dates, or extra words that are not part of the date are rejected.
 * - A wall-clock time that does not exist (inside a spring-forward gap) moves forward by the gap (luxon);
 *   an ambiguous one (fall-back hour) takes the later instant, in standard time (`wallTimeInZone`). Either way the result
 *   carries a `note` saying so, for the reply.
 * - Results are truncated to the whole minute. Past dates are NOT rejected: the caller decides; dates outside the
 *   range people's dates may lie in (src/domain/time/date-range.ts) are, saying the range.
 * - Caveat: chrono computes with the process's local calendar, so we feed it a reference whose local fields equal
 *   the wall clock in `timeZone`; only if that wall clock falls inside a DST gap of the *process* zone (an hour a
 *   year) can the implied time of day of a relative date be off by that gap.
 */
export function parseWhen(text: string, opts: { now: Date; timeZone: string }): Parsed<Date> {
  const read = parseWhenUnbounded(text, opts);
  if (!read.ok) return read;
  const far = outsideDateRange(text, DateTime.fromJSDate(read.value, { zone: opts.timeZone }), opts.now, opts.timeZone);
  return far ? invalid(far) : read;
}

function parseWhenUnbounded(text: string, opts: { now: Date; timeZone: string }): Parsed<Date> {
  const zone = IANAZone.isValidZone(opts.timeZone) ? opts.timeZone : "UTC";
  const WHEN_EXAMPLES = whenExamples(opts.now, zone);
  const input = withDayPhrases(text.trim().replace(/\s+/g, " "), opts.now, zone);
  if (input === "") return invalid(`Give a date and time, e.g. ${WHEN_EXAMPLES}.`);
  if (!IANAZone.isValidZone(opts.timeZone)) {
    return invalid(
      `Your time zone "${opts.timeZone}" is not a known IANA zone; set one like "Europe/London" with /nudge settings tz:Europe/London.`,
    );
  }
  if (Number.isNaN(opts.now.getTime())) return invalid("The current time is not a valid date.");

  const wall = DateTime.fromJSDate(opts.now, { zone: opts.timeZone });
  const ref = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const results = chrono.parse(input, ref, { forwardDate: true });
  const result = results[0];
  if (result === undefined) {
    return invalid(`I couldn't read "${input}" as a date and time. Try e.g. ${WHEN_EXAMPLES}.`);
  }
  if (results.length > 1) {
    const found = results.map((r) => `"${r.text}"`).join(" and ");
    return invalid(`"${input}" contains more than one date (${found}); give one date and time, e.g. "next tuesday 10am".`);
  }
  const leftover = `${input.slice(0, result.index)} ${input.slice(result.index + result.text.length)}`.replace(/[\s,.;]+/g, " ").trim();
  if (leftover !== "") {
    return invalid(`I understood "${result.text}" but not "${leftover}". Give just a date and time, e.g. ${WHEN_EXAMPLES}.`);
  }
  if (result.end) {
    return invalid(
      `"${input}" is a range; give only the start (e.g. "next tuesday 10am") and set the length with duration: (e.g. duration:2h).`,
    );
  }

  const s = result.start;
  const tags = result.tags();
  const num = (k: Parameters<typeof s.get>[0], fallback = 0): number => s.get(k) ?? fallback;
  const fields = { year: num("year"), month: num("month", 1), day: num("day", 1), hour: num("hour"), minute: num("minute") };

  // "in 2 hours", "now": exact elapsed time from now (chrono moved the local reference by the duration).
  if (tags.has("result/relativeDateAndTime") || tags.has("casualReference/now")) {
    const deltaMs =
      Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, num("second")) -
      Date.UTC(ref.getFullYear(), ref.getMonth(), ref.getDate(), ref.getHours(), ref.getMinutes(), ref.getSeconds());
    return parsed(truncateToMinute(new Date(opts.now.getTime() + deltaMs)));
  }

  if (!s.isCertain("hour") && !tags.has("result/relativeDate")) {
    return invalid(`"${result.text}" has no time; give a time too, e.g. "next tuesday 10am" or "${exampleDay(opts.now, zone)} 14:00".`);
  }

  if (tags.has("parser/SlashDateFormatParser") && fields.day <= 12 && fields.month <= 12 && fields.day !== fields.month) {
    return invalid(
      `"${result.text}" is ambiguous (day/month or month/day?); write the month as a word or use year-month-day, e.g. ${WHEN_EXAMPLES}.`,
    );
  }

  if (s.isCertain("timezoneOffset")) return inExplicitOffset(input, result.text, num("timezoneOffset"), opts.now);

  const dt = wallTimeInZone(fields, opts.timeZone);
  if (!dt.isValid) return invalid(`"${result.text}" is not a valid date; try e.g. ${WHEN_EXAMPLES}.`);
  return parsed(dt.toJSDate(), clockChangeNote(fields, dt));
}

/**
 * What to tell the reader when the wall-clock time asked for falls in a clock change of its zone: it does not exist
 * (the clocks go forward: luxon moved it on by the gap) or it happens twice (the clocks go back: luxon took one).
 */
function clockChangeNote(asked: { hour: number; minute: number }, dt: DateTime): string | undefined {
  const wall = `${String(asked.hour).padStart(2, "0")}:${String(asked.minute).padStart(2, "0")}`;
  const day = dt.setLocale("en-GB").toFormat("ccc d LLL yyyy");
  const shown = (d: DateTime) => `${d.toFormat("HH:mm")} ${zoneAbbreviation(d.toJSDate(), d.zoneName ?? "UTC")}`;
  if (dt.hour !== asked.hour || dt.minute !== asked.minute) {
    return `Note: ${wall} on ${day} does not exist in ${dt.zoneName} (the clocks go forward that night), so it is taken as ${shown(dt)}.`;
  }
  const both = dt.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  if (both.length < 2) return undefined;
  const which = both.findIndex((d) => d.toMillis() === dt.toMillis()) === 0 ? "first" : "second";
  return `Note: ${wall} on ${day} happens twice in ${dt.zoneName} (the clocks go back that night); it is taken as the ${which}, ${shown(dt)}.`;
}

/**
 * Text with an explicit zone ("10am EST", "2027-01-12T14:00Z"): parse again in that fixed offset's frame and
 * move forward ourselves (chrono's forwardDate compares a zone-adjusted date with a real instant for weekdays,
 * which depends on the machine's zone). Time only → the next such time; weekday only → the next such day;
 * no year → the next such date.
 */
function inExplicitOffset(input: string, matched: string, offsetMinutes: number, now: Date): Parsed<Date> {
  const again = chrono.parse(input, { instant: now, timezone: offsetMinutes });
  const s = again.length === 1 ? again[0]?.start : undefined;
  if (!s || Number.isNaN(s.date().getTime())) return invalid(`"${matched}" is not a valid date; try e.g. ${whenExamples(now, "UTC")}.`);
  let dt = DateTime.fromJSDate(s.date(), { zone: FixedOffsetZone.instance(offsetMinutes) });
  const has = (k: "weekday" | "day" | "month" | "year"): boolean => s.isCertain(k);
  const onlyTime = !has("weekday") && !has("day") && !has("month") && !has("year");
  const onlyWeekday = has("weekday") && !has("day") && !has("month");
  const unknownYear = has("month") && !has("year");
  const step = onlyTime ? { days: 1 } : onlyWeekday ? { weeks: 1 } : unknownYear ? { years: 1 } : null;
  for (let i = 0; step && i < 3 && dt.toMillis() < now.getTime(); i++) dt = dt.plus(step);
  return parsed(truncateToMinute(dt.toJSDate()));
}

function truncateToMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}

const UNIT_MINUTES: Record<string, number> = {
  w: 7 * 24 * 60,
  wk: 7 * 24 * 60,
  wks: 7 * 24 * 60,
  week: 7 * 24 * 60,
  weeks: 7 * 24 * 60,
  d: 24 * 60,
  day: 24 * 60,
  days: 24 * 60,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
};

const DURATION_EXAMPLES = `"2h", "90m", "1h30m", "1.5h" or "45 minutes"`;

/**
 * Parses a duration into whole minutes.
 *
 * Accepts: a bare number = minutes ("90"); "H:MM" ("1:30"); one or more number+unit parts, in any order, optionally
 * separated by spaces, commas or "and": "2h", "90m", "90min", "1h30m", "1h 30m", "1.5h", "2 hours", "45 minutes",
 * "1 hour and 15 minutes", "3 days", "1w". Units: w/wk/week(s), d/day(s), h/hr(s)/hour(s), m/min(s)/minute(s),
 * case-insensitive; each unit at most once.
 * Rejects: empty text, zero, negative values, a total that is not a whole number of minutes ("1.51h"), a number
 * too large to count exactly, and anything else, each with a specific message and an example. How long is too long
 * is the caller's to say (each command option has its own limit, stated in its refusal).
 */
export function parseDuration(text: string): Parsed<number> {
  const input = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (input === "") return invalid(`Give a duration, e.g. ${DURATION_EXAMPLES}.`);
  if (/^-/.test(input)) return invalid(`A duration must be more than zero; "${text.trim()}" is negative. Try e.g. ${DURATION_EXAMPLES}.`);

  let total: number;
  const hm = /^(\d+):([0-5]\d)$/.exec(input);
  if (/^\d+(\.\d+)?$/.test(input)) {
    total = Number(input);
  } else if (hm) {
    total = Number(hm[1]) * 60 + Number(hm[2]);
  } else {
    const part = /(\d+(?:\.\d+)?|\.\d+) ?([a-z]+)(?:,? ?(?:and )?)?/y;
    const seen = new Set<number>();
    total = 0;
    let pos = 0;
    while (pos < input.length) {
      part.lastIndex = pos;
      const m = part.exec(input);
      const unit = m ? UNIT_MINUTES[m[2] ?? ""] : undefined;
      if (!m || unit === undefined) {
        return invalid(`I couldn't read "${text.trim()}" as a duration. Try e.g. ${DURATION_EXAMPLES}.`);
      }
      if (seen.has(unit)) return invalid(`"${text.trim()}" gives the same unit twice; write it once, e.g. "1h 30m".`);
      seen.add(unit);
      total += Number(m[1]) * unit;
      pos = part.lastIndex;
    }
  }

  const rounded = Math.round(total * 1000) / 1000;
  if (!Number.isFinite(rounded) || rounded > Number.MAX_SAFE_INTEGER) {
    return invalid(`"${text.trim()}" is far too long; give a duration such as "2h" or "3 days".`);
  }
  if (rounded <= 0) {
    return invalid(`A duration must be more than zero; "${text.trim()}" is not. Try e.g. ${DURATION_EXAMPLES}.`);
  }
  if (!Number.isInteger(rounded)) {
    return invalid(`"${text.trim()}" is not a whole number of minutes (${rounded}); try e.g. "1h 30m" or "90m".`);
  }
  return parsed(rounded);
}

/**
 * Formats minutes compactly: 120 → "2h", 90 → "1h 30m", 45 → "45m", 1500 → "1d 1h".
 * Non-integers are rounded to the nearest minute; zero, negative or non-finite input gives "0m".
 */
export function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.round(minutes) : 0;
  if (total <= 0) return "0m";
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  return [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].filter(Boolean).join(" ");
}

/**
 * Validates an IANA time zone name (`isIanaZone`: luxon's IANAZone.isValidZone, with UTC offsets refused on every
 * Node) and returns its canonical spelling: case is corrected ("europe/london" → "Europe/London", "utc" → "UTC"); a
 * valid alias is kept as an alias ("Asia/Calcutta" stays, "Asia/Kolkata" stays). Surrounding spaces are ignored.
 * Rejects empty text, offsets ("+05:30") and unknown names with an example.
 */
export function parseTimeZone(text: string): Parsed<string> {
  const input = text.trim();
  const example = `e.g. "Europe/London", "America/New_York" or "Asia/Kolkata"`;
  if (input === "") return invalid(`Give a time zone name, ${example}.`);
  if (!isIanaZone(input)) {
    return invalid(`"${input}" is not a known IANA time zone; use a region/city name, ${example}.`);
  }
  const lower = input.toLowerCase();
  const listed = Intl.supportedValuesOf("timeZone").find((z) => z.toLowerCase() === lower);
  if (listed) return parsed(listed);
  const resolved = resolvedZone(input);
  if (resolved.toLowerCase() === lower) return parsed(resolved);
  const titled = input.replace(/(^|[/_-])([a-z])/gi, (_, sep: string, c: string) => sep + c.toUpperCase());
  if (IANAZone.isValidZone(titled) && resolvedZone(titled) === resolved) return parsed(titled);
  return parsed(input);
}

function resolvedZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}
