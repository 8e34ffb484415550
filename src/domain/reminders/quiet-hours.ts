/**
 * Quiet hours: the local hours in which a person gets no reminder. A reminder due in them is moved to their end,
 * in the person's zone and across clock changes.
 */
import { DateTime } from "luxon";
import { DAY, HOUR, MINUTE } from "../time/time-units.ts";
import { zoneOf } from "../time/zone-offsets.ts";

/** Local quiet hours, "22:00" to "08:00"; may wrap midnight; start === end (or a malformed time) means none. */
export type QuietHours = { start: string; end: string };

/** Sensible hours by default: a person who has not chosen quiet hours gets no reminder before 08:00 or after 21:00. */
export const DEFAULT_QUIET_HOURS: Readonly<QuietHours> = { start: "21:00", end: "08:00" };

/** Room on top of the quiet hours' length for a clock change: outOfQuietHours moves a time by less than the sum. */
export const CLOCK_CHANGE_ROOM = 2 * HOUR;

/**
 * A person's quiet hours from their stored choice: their own, none if they cleared them (stored as equal
 * times), or the default if they never chose (stored as nulls).
 */
export function quietHoursOf(p: { quietStart: string | null; quietEnd: string | null }): QuietHours | null {
  if (p.quietStart === null || p.quietEnd === null) return { ...DEFAULT_QUIET_HOURS };
  return p.quietStart === p.quietEnd ? null : { start: p.quietStart, end: p.quietEnd };
}

/**
 * The moment `at` moved out of the person's quiet hours, in their zone; `at` itself if not quiet (the end
 * minute is not quiet). DST-correct: the result is the first instant whose local wall clock reads the end time
 * (a non-existent end time moves forward by the gap). An unknown zone or malformed quiet hours leave `at` as is.
 */
export function outOfQuietHours(at: Date, person: { timeZone: string; quiet: QuietHours | null }): Date {
  const quiet = quietMinutes(person.quiet);
  if (!quiet) return at;
  const [start, end] = quiet;
  const isQuiet = (minute: number) => (start < end ? start <= minute && minute < end : minute >= start || minute < end);
  const zone = zoneOf(person.timeZone);
  // Most times are not quiet: the wall-clock minute from the zone's offset answers that without building a DateTime.
  if (typeof zone !== "string" && zone.isValid) {
    const wallMs = at.getTime() + zone.offset(at.getTime()) * MINUTE;
    if (!isQuiet(Math.floor((((wallMs % DAY) + DAY) % DAY) / MINUTE))) return at;
  }
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return at;
  const minute = local.hour * 60 + local.minute;
  if (!isQuiet(minute)) return at;
  // Without a clock change in between, the end is this many wall-clock milliseconds away.
  const wall = ((((end - minute) % 1440) + 1440) % 1440) * MINUTE - local.second * 1000 - local.millisecond;
  const simple = DateTime.fromMillis(at.getTime() + wall, { zone: zoneOf(person.timeZone) });
  if (simple.hour * 60 + simple.minute === end) return simple.toJSDate();
  const day = minute >= end ? local.plus({ days: 1 }) : local;
  return day.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 }).toJSDate();
}

/** An upper bound on how far outOfQuietHours can move a time for these quiet hours. */
export function maxQuietShift(quiet: QuietHours | null): number {
  const q = quietMinutes(quiet);
  return q ? ((((q[1] - q[0]) % 1440) + 1440) % 1440) * MINUTE + CLOCK_CHANGE_ROOM : 0;
}

/** What quietMinutes worked out per "start-end": people share a few choices, asked about at every candidate. */
const minutesOf = new Map<string, readonly [number, number] | null>();
const MAX_REMEMBERED = 1_000;

/** [start, end] in minutes after local midnight, or null for none. */
function quietMinutes(quiet: QuietHours | null): readonly [number, number] | null {
  if (!quiet) return null;
  const key = `${quiet.start}-${quiet.end}`;
  let minutes = minutesOf.get(key);
  if (minutes === undefined) {
    const start = clockMinutes(quiet.start);
    const end = clockMinutes(quiet.end);
    minutes = start === null || end === null || start === end ? null : [start, end];
    if (minutesOf.size >= MAX_REMEMBERED) minutesOf.clear();
    minutesOf.set(key, minutes);
  }
  return minutes;
}

function clockMinutes(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}
