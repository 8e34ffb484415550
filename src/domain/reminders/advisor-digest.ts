/**
 * What an advisor's weekly digest says about one set (docs/user-guide.md, "Reminders"): counts and dates only, never a
 * member's words. Pure: no I/O, no clock (`at`, the digest's moment, is passed in).
 */

import type { MeetingStatus } from "../set/statuses.ts";
import { type CalendarDate, dayEnds } from "../time/calendar-date.ts";
import { DAY } from "../time/time-units.ts";

/** A member is silent after this many days without a log entry (as the advisor-silent alert). */
export const DIGEST_SILENT_DAYS = 30;
/** A member is due a review after this many weeks without one (since joining, if never reviewed). */
export const REVIEW_DUE_WEEKS = 8;

/** What the digest is computed from, for one set at the digest's moment `at`. */
export type DigestInput = {
  at: Date;
  members: { id: string; joinedAt: Date }[];
  meetings: { number: number; startsAt: Date; status: MeetingStatus }[];
  /** per member: how many entries, and when the last was made (absent: none) */
  entries: Map<string, { count: number; lastAt: Date }>;
  /** per member: their open actions' due dates (null: no due date) */
  openActions: Map<string, (CalendarDate | null)[]>;
  /** per member: when last reviewed (absent: never) */
  lastReviewed: Map<string, Date>;
  feedback: { about: string; createdAt: Date }[];
};

/** The digest's facts: each list in member join order (meetings in time order). */
export type DigestFacts = {
  held: { number: number; startsAt: Date }[];
  coming: { number: number; startsAt: Date }[];
  silent: { id: string; lastAt: Date | null; count: number }[];
  overdue: { id: string; count: number }[];
  reviewsDue: { id: string; lastReviewedAt: Date | null }[];
  /** new feedback in the week before `at`, by what it is about */
  feedback: { set: number; advisor: number };
};

/**
 * The week before `at` and the week after: meetings held (closed) and coming (scheduled); members silent for
 * `DIGEST_SILENT_DAYS`; open actions past their due day; members not reviewed for `REVIEW_DUE_WEEKS` weeks (or never,
 * having joined that long ago); feedback given in the week before `at`.
 */
export function digestFacts(input: DigestInput): DigestFacts {
  const t = input.at.getTime();
  const weekAgo = t - 7 * DAY;
  const weekAhead = t + 7 * DAY;
  const members = [...input.members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : 1));
  const meetings = [...input.meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const inRange = (d: Date, from: number, to: number) => d.getTime() >= from && d.getTime() < to;
  const silent = members.flatMap((m) => {
    const e = input.entries.get(m.id);
    const since = e ? e.lastAt : m.joinedAt;
    return since.getTime() <= t - DIGEST_SILENT_DAYS * DAY ? [{ id: m.id, lastAt: e?.lastAt ?? null, count: e?.count ?? 0 }] : [];
  });
  const overdue = members.flatMap((m) => {
    const count = (input.openActions.get(m.id) ?? []).filter((due) => due && dayEnds(due).getTime() <= t).length;
    return count ? [{ id: m.id, count }] : [];
  });
  const reviewsDue = members.flatMap((m) => {
    const last = input.lastReviewed.get(m.id) ?? null;
    return (last ?? m.joinedAt).getTime() <= t - REVIEW_DUE_WEEKS * 7 * DAY ? [{ id: m.id, lastReviewedAt: last }] : [];
  });
  const recent = input.feedback.filter((f) => inRange(f.createdAt, weekAgo, t));
  return {
    held: meetings.filter((m) => m.status === "closed" && inRange(m.startsAt, weekAgo, t)),
    coming: meetings.filter((m) => m.status === "scheduled" && inRange(m.startsAt, t, weekAhead)),
    silent,
    overdue,
    reviewsDue,
    feedback: {
      set: recent.filter((f) => f.about !== "advisor").length,
      advisor: recent.filter((f) => f.about === "advisor").length,
    },
  };
}
