/**
 * The set's meetings as an iCalendar file (`/meeting calendar`) or subscription feed, rendered with the `ics`
 * library.
 */
import * as ics from "ics";
import type { MeetingStatus } from "../domain/set/statuses.ts";
import { invalid, type Parsed, parsed } from "../domain/text/parse-result.ts";

/**
 * One meeting to put in the calendar. `uid` is the meeting's stable id; `sequence` its revision
 * (src/domain/set/calendar-feed.ts); `youPresent` marks the reader's own presenter turn; `url` links back to the chat.
 */
export type IcsMeeting = {
  uid: string;
  setName: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  sequence: number;
  presenters: string[];
  youPresent?: boolean;
  url?: string;
};

/**
 * A VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME = calendarName, X-WR-TIMEZONE = timeZone, REFRESH-INTERVAL and
 * X-PUBLISHED-TTL = refresh, an ISO 8601 duration such as PT1H) with one VEVENT per meeting, in the order given:
 * UID `${uid}@als` (stable, so re-imports and feed refreshes update rather than duplicate), SEQUENCE, DTSTART in
 * UTC, DURATION, SUMMARY "Action learning set: <setName> (meeting <number>)" (followed by " – you present" for
 * the reader's own turn), DESCRIPTION listing the presenters ("Presenters: not yet assigned" when none), URL when
 * given, STATUS:CANCELLED for cancelled meetings and STATUS:CONFIRMED otherwise (scheduled or closed).
 * `generatedAt` sets DTSTAMP; pass the injected clock's now for reproducible output (when omitted the ics
 * library stamps the current time).
 * Errors as values: an invalid start date, a non-positive or non-integer duration, a negative or fractional
 * sequence, or an error from the ics library give invalid(message). An empty meeting list gives a calendar with
 * no events.
 */
export function meetingsToIcs(input: {
  calendarName: string;
  timeZone: string;
  refresh: string;
  meetings: IcsMeeting[];
  generatedAt?: Date;
}): Parsed<string> {
  const events: ics.EventAttributes[] = [];
  for (const m of input.meetings) {
    if (Number.isNaN(m.startsAt.getTime())) return invalid(`Meeting ${m.number} has no valid start time.`);
    if (!Number.isInteger(m.durationMinutes) || m.durationMinutes <= 0) {
      return invalid(
        `Meeting ${m.number} has an invalid length (${m.durationMinutes} minutes); it must be a whole number of minutes above zero, e.g. 120.`,
      );
    }
    if (!Number.isInteger(m.sequence) || m.sequence < 0) return invalid(`Meeting ${m.number} has an invalid revision (${m.sequence}).`);
    const event: ics.EventAttributes & { timestamp?: number } = {
      uid: `${m.uid}@als`,
      sequence: m.sequence,
      start: m.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { hours: Math.floor(m.durationMinutes / 60), minutes: m.durationMinutes % 60 },
      title: `Action learning set: ${m.setName} (meeting ${m.number})${m.youPresent ? " – you present" : ""}`,
      description: m.presenters.length > 0 ? `Presenters: ${m.presenters.join(", ")}` : "Presenters: not yet assigned",
      status: m.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      ...(m.url !== undefined ? { url: m.url } : {}),
      ...(input.generatedAt !== undefined ? { timestamp: input.generatedAt.getTime() } : {}),
    };
    events.push(event);
  }
  const { error, value } = ics.createEvents(events, {
    productId: "action-learning-companion",
    method: "PUBLISH",
    calName: input.calendarName,
  });
  if (error || value === null) {
    return invalid(`Could not build the calendar file: ${error?.message ?? "no output"}.`);
  }
  return withCalendarProperties(value, input.timeZone, input.refresh);
}

/** The library writes X-PUBLISHED-TTL:PT1H and knows no other refresh or zone property: those lines replace it. */
const LIBRARY_TTL = "X-PUBLISHED-TTL:PT1H\r\n";
const DURATION = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?$/;
const ZONE = /^[A-Za-z0-9_+\-/]+$/;

function withCalendarProperties(calendar: string, timeZone: string, refresh: string): Parsed<string> {
  if (!DURATION.test(refresh) || refresh === "P" || refresh.endsWith("T")) return invalid(`Not a refresh interval: ${refresh}.`);
  if (!ZONE.test(timeZone)) return invalid(`Not a time zone name: ${timeZone}.`);
  const at = calendar.indexOf(LIBRARY_TTL);
  if (at < 0) return invalid("Could not build the calendar file: the ics library's header changed.");
  const lines = `REFRESH-INTERVAL;VALUE=DURATION:${refresh}\r\nX-PUBLISHED-TTL:${refresh}\r\nX-WR-TIMEZONE:${timeZone}\r\n`;
  return parsed(calendar.slice(0, at) + lines + calendar.slice(at + LIBRARY_TTL.length));
}
