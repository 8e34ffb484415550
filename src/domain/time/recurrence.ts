/**
 * Recurring meeting cadences (`/meeting schedule every:`): parse what people type, store it as an
 * RFC 5545 RRULE, and expand it to instants that keep the same local wall-clock time across DST changes.
 *
 * Pure: all instants and the IANA time zone are passed in. rrule runs in "floating" time (UTC fields standing for
 * local wall-clock fields); luxon maps each result back to a real instant in the zone.
 */

import { DateTime } from "luxon";
import rrulePkg from "rrule";
import { z } from "zod";
import { invalid, type Parsed, parsed } from "../text/parse-result.ts";
import { wallTimeInZone } from "./wall-time.ts";

const { RRule } = rrulePkg;

/** Weekday, 0 = Monday … 6 = Sunday (rrule's numbering). */
type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** Which weekday of the month: 1st-4th, or -1 = the last. */
type Nth = 1 | 2 | 3 | 4 | -1;

/**
 * How a series repeats.
 * - weekly: every `interval` weeks (1 = weekly, 2 = fortnightly) on the first meeting's weekday.
 * - monthly-date: every month on the first meeting's day of the month (29-31: the last day of shorter months).
 * - monthly-weekday: the nth (or last) `weekday` of every month.
 */
export type Cadence =
  | { kind: "weekly"; interval: number }
  | { kind: "monthly-date" }
  | { kind: "monthly-weekday"; nth: Nth; weekday: Weekday };

/** The largest week interval accepted ("every 52 weeks"). */
const MAX_WEEK_INTERVAL = 52;

/** zod schema for a stored Cadence (interval 1-52). */
export const CadenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), interval: z.number().int().min(1).max(MAX_WEEK_INTERVAL) }),
  z.object({ kind: z.literal("monthly-date") }),
  z.object({
    kind: z.literal("monthly-weekday"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  }),
]);

/** The most occurrences toRRule's COUNT and expandOccurrences return. */
export const MAX_OCCURRENCES = 100;

const WEEKDAYS: Record<string, Weekday> = {
  monday: 0,
  mon: 0,
  tuesday: 1,
  tue: 1,
  tues: 1,
  wednesday: 2,
  wed: 2,
  thursday: 3,
  thu: 3,
  thur: 3,
  thurs: 3,
  friday: 4,
  fri: 4,
  saturday: 5,
  sat: 5,
  sunday: 6,
  sun: 6,
};
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const ORDINALS: Record<string, Nth> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: -1,
};
const NTH_NAMES: Record<Nth, string> = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" };

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, other: 2 };

const ACCEPTED_FORMS =
  `"weekly", "fortnightly", "every 2 weeks", "monthly" (same date each month), ` +
  `or a weekday of the month such as "first tuesday", "2nd wednesday", "third thursday", "last friday"`;

/**
 * Parses a cadence, case-insensitively, ignoring extra spaces.
 * Accepts: "weekly" / "every week"; "fortnightly" / "every other week" / "every 2 weeks" … "every 52 weeks"
 * (also "every two weeks"); "monthly" / "every month" (same day of month as the first meeting);
 * "[every] [the] first|second|third|fourth|last|1st|2nd|3rd|4th <weekday> [of the month|of each month|of every month|each month]"
 * with full or short weekday names ("tue", "thurs").
 * Rejects "fifth …" (not every month has one) and anything else, listing the accepted forms.
 */
export function parseEvery(text: string): Parsed<Cadence> {
  const input = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (input === "") return invalid(`Say how often, e.g. ${ACCEPTED_FORMS}.`);
  if (input === "weekly" || input === "every week") return parsed({ kind: "weekly", interval: 1 });
  if (input === "fortnightly" || input === "every fortnight") return parsed({ kind: "weekly", interval: 2 });
  if (input === "monthly" || input === "every month") return parsed({ kind: "monthly-date" });

  const weeks = /^every (\d+|[a-z]+) weeks?$/.exec(input);
  if (weeks) {
    const raw = weeks[1] ?? "";
    const n = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
    if (n === undefined) return invalid(`I couldn't read "${text.trim()}"; write the number in digits, e.g. "every 3 weeks".`);
    if (n < 1 || n > MAX_WEEK_INTERVAL) return invalid(`"${text.trim()}": the number of weeks must be 1 to 52, e.g. "every 3 weeks".`);
    return parsed({ kind: "weekly", interval: n });
  }

  const nth = /^(?:every )?(?:the )?([a-z0-9]+) ([a-z]+)(?: (?:of the month|of each month|of every month|each month))?$/.exec(input);
  if (nth) {
    const ord = ORDINALS[nth[1] ?? ""];
    const weekday = WEEKDAYS[nth[2] ?? ""];
    if (weekday !== undefined && (nth[1] === "fifth" || nth[1] === "5th")) {
      return invalid(`Not every month has a fifth ${WEEKDAY_NAMES[weekday]}; try "last ${(nth[2] ?? "").toLowerCase()}".`);
    }
    if (ord !== undefined && weekday !== undefined) return parsed({ kind: "monthly-weekday", nth: ord, weekday });
  }
  return invalid(`I couldn't read "${text.trim()}" as a repeat. Try ${ACCEPTED_FORMS}.`);
}

/**
 * The RFC 5545 RRULE value (no "RRULE:" prefix, no DTSTART) for storage, e.g. "FREQ=WEEKLY;INTERVAL=2;COUNT=6",
 * "FREQ=MONTHLY;BYDAY=1TU;COUNT=6", "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20271231T235959Z".
 * `first` (with `timeZone`) supplies the day of month for monthly-date; weekly repeats on first's weekday
 * (implicit, from DTSTART). `end.count` is clamped to 1..MAX_OCCURRENCES (non-integers rounded down);
 * `end.until` is written as a UTC instant and is inclusive.
 */
export function toRRule(cadence: Cadence, first: Date, timeZone: string, end: { count: number } | { until: Date }): string {
  const parts: string[] = [];
  if (cadence.kind === "weekly") {
    parts.push("FREQ=WEEKLY");
    if (cadence.interval > 1) parts.push(`INTERVAL=${Math.floor(cadence.interval)}`);
  } else if (cadence.kind === "monthly-date") {
    const day = DateTime.fromJSDate(first, { zone: timeZone }).day;
    parts.push("FREQ=MONTHLY");
    if (day <= 28) parts.push(`BYMONTHDAY=${day}`);
    else parts.push(`BYMONTHDAY=${range(28, day).join(",")}`, "BYSETPOS=-1");
  } else {
    parts.push("FREQ=MONTHLY", `BYDAY=${cadence.nth}${WEEKDAY_CODES[cadence.weekday]}`);
  }
  if ("count" in end) {
    const count = Number.isFinite(end.count) ? Math.min(MAX_OCCURRENCES, Math.max(1, Math.floor(end.count))) : 1;
    parts.push(`COUNT=${count}`);
  } else {
    parts.push(`UNTIL=${DateTime.fromJSDate(end.until, { zone: "utc" }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  }
  return parts.join(";");
}

/**
 * All occurrences of `rule` (as made by toRRule; an "RRULE:" prefix is allowed) starting at `first`, each at the
 * same local wall-clock time as `first` in `timeZone`, whatever the UTC offset does in between.
 * - `first` is included when it matches the rule; otherwise (e.g. first is not a first Tuesday) the series starts
 *   at the first matching date after it, at first's time of day.
 * - At most `limit` (MAX_OCCURRENCES unless smaller), also for a rule with neither COUNT nor UNTIL: a caller that must
 *   refuse a series longer than N asks for N + 1 and checks the length.
 * - A wall-clock time that falls in a DST gap moves forward by the gap; one in the repeated fall-back hour takes
 *   the later instant, in standard time (`wallTimeInZone`).
 * - A rule that cannot be parsed, an invalid `first` or an invalid zone gives [] (rules are our own stored data).
 */
export function expandOccurrences(rule: string, first: Date, timeZone: string, limit = MAX_OCCURRENCES): Date[] {
  const start = DateTime.fromJSDate(first, { zone: timeZone });
  if (!start.isValid) return [];
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule.trim().replace(/^RRULE:/i, ""));
  } catch {
    return [];
  }
  if (options.freq === undefined) return [];
  const floatingStart = new Date(
    Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second, start.millisecond),
  );
  const until = options.until ? toFloating(options.until, timeZone) : null;
  const r = new RRule({ ...options, dtstart: floatingStart, tzid: null, until });
  const most = Math.min(limit, MAX_OCCURRENCES);
  const floating = r.all((_, i) => i < most);
  return floating.map((d) =>
    wallTimeInZone(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds(),
      },
      timeZone,
    ).toJSDate(),
  );
}

/**
 * A short phrase for a cadence: "every week", "every 2 weeks", "the first Tuesday of each month",
 * "the last Friday of each month", and for monthly-date "monthly on the 12th" when `opts` gives the first meeting
 * (days 29-31 add "(or the last day of shorter months)"), otherwise "monthly on the same date".
 */
export function describeCadence(cadence: Cadence, opts?: { first: Date; timeZone: string }): string {
  if (cadence.kind === "weekly") return cadence.interval === 1 ? "every week" : `every ${cadence.interval} weeks`;
  if (cadence.kind === "monthly-weekday") return `the ${NTH_NAMES[cadence.nth]} ${WEEKDAY_NAMES[cadence.weekday]} of each month`;
  if (!opts) return "monthly on the same date";
  const day = DateTime.fromJSDate(opts.first, { zone: opts.timeZone }).day;
  return `monthly on the ${ordinal(day)}${day > 28 ? " (or the last day of shorter months)" : ""}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A real instant → a Date whose UTC fields are its wall-clock fields in `timeZone`. */
function toFloating(instant: Date, timeZone: string): Date {
  const t = DateTime.fromJSDate(instant, { zone: timeZone });
  return new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond));
}
