import { type DateObjectUnits, DateTime } from "luxon";

/**
 * The instant of a wall-clock time in `timeZone`. A time the clocks skip is moved on by the gap (luxon); a time that
 * happens twice (the night the clocks go back) is taken the second time, the later instant, in every zone. Luxon on
 * its own picks by the zone's offset history, which gives the later one in London but the earlier one in Lord Howe
 * (a 30-minute change), so the choice is made here (docs/user-guide.md).
 */
export function wallTimeInZone(fields: DateObjectUnits, timeZone: string): DateTime {
  const dt = DateTime.fromObject(fields, { zone: timeZone });
  if (!dt.isValid) return dt;
  const both = dt.getPossibleOffsets();
  return both.length < 2 ? dt : both.reduce((a, b) => (b.toMillis() > a.toMillis() ? b : a));
}
