/**
 * The set's meetings as an iCalendar file (`/meeting calendar`), rendered with the `ics` library.
 */
import * as ics from "ics";
import { invalid, type Parsed, parsed } from "../domain/parse-result.ts";
import type { MeetingStatus } from "../domain/statuses.ts";

/** One meeting to put in the calendar. `uid` is the meeting's stable id; `url` links back to the chat. */
export type IcsMeeting = {
  uid: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  presenters: string[];
  url?: string;
};

/**
 * A VCALENDAR (X-WR-CALNAME = calendarName, METHOD:PUBLISH) with one VEVENT per meeting, in the order given:
 * UID `${uid}@als` (stable, so re-imports update rather than duplicate), DTSTART in UTC, DURATION,
 * SUMMARY "Action learning set: <setName> (meeting <number>)", DESCRIPTION listing the presenters
 * ("Presenters: not yet assigned" when none), URL when given, STATUS:CANCELLED for cancelled meetings and
 * STATUS:CONFIRMED otherwise (scheduled or closed).
 * `generatedAt` sets DTSTAMP; pass the injected clock's now for reproducible output (when omitted the ics
 * library stamps the current time).
 * Errors as values: an invalid start date, a non-positive or non-integer duration, or an error from the ics
 * library give invalid(message). An empty meeting list gives a calendar with no events.
 */
export function meetingsToIcs(input: {
  calendarName: string;
  setName: string;
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
    const event: ics.EventAttributes & { timestamp?: number } = {
      uid: `${m.uid}@als`,
      start: m.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      duration: { hours: Math.floor(m.durationMinutes / 60), minutes: m.durationMinutes % 60 },
      title: `Action learning set: ${input.setName} (meeting ${m.number})`,
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
  return parsed(value);
}
