/**
 * The rules of the calendar subscriptions (`/meeting calendar`, docs/user-guide.md): which meetings a feed shows,
 * each event's SEQUENCE, and how often calendar apps are asked to fetch the feed again.
 */
import type { MeetingStatus } from "./statuses.ts";

/**
 * A cancelled meeting stays in a feed, marked STATUS:CANCELLED, until this many days after the later of its
 * time and its cancellation, so that every subscribed calendar has fetched the cancellation; then it is left out.
 */
export const CANCELLED_KEPT_DAYS = 30;

/** How often a subscribed calendar app is asked to fetch the feed again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH = "PT1H";

const DAY_MS = 24 * 60 * 60 * 1000;

type CalendarMeeting = { status: MeetingStatus; startsAt: Date; cancelledAt: Date | null; timeVersion: number };

/**
 * Whether a feed shows the meeting at `now`: every meeting that is not cancelled, and a cancelled one until
 * CANCELLED_KEPT_DAYS after the later of its start and its cancellation (its start alone when the cancellation
 * was not recorded).
 */
export function shownInFeed(m: CalendarMeeting, now: Date): boolean {
  if (m.status !== "cancelled") return true;
  const from = Math.max(m.startsAt.getTime(), m.cancelledAt?.getTime() ?? 0);
  return now.getTime() < from + CANCELLED_KEPT_DAYS * DAY_MS;
}

/**
 * The meeting's SEQUENCE (RFC 5545 3.8.7.4): 0 as first scheduled, one more at each move (its time version,
 * which every change of time raises), and one more once cancelled. It only rises: a cancelled meeting is never
 * moved or reopened (src/domain/set/lifecycle.ts), so a calendar app that holds an older copy takes the change.
 */
export function calendarSequence(m: Pick<CalendarMeeting, "status" | "timeVersion">): number {
  return m.timeVersion - 1 + (m.status === "cancelled" ? 1 : 0);
}
