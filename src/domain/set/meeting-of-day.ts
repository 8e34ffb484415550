import { DateTime } from "luxon";

/**
 * The meeting held on the day of `at`, that day read in the set's `timeZone`: of that day's meetings not cancelled,
 * the last to have started by `at`, else the first of the day (a message written before that day's meeting belongs
 * to it). Undefined when no meeting falls on that day.
 */
export function meetingOfDay<M extends { startsAt: Date; status: string }>(meetings: M[], at: Date, timeZone: string): M | undefined {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).toISODate();
  const that = day(at);
  const held = meetings
    .filter((m) => m.status !== "cancelled" && day(m.startsAt) === that)
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  return held.filter((m) => m.startsAt <= at).at(-1) ?? held[0];
}
