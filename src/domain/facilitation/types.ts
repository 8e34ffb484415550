/**
 * The types of an advisor's draft ILM M5.37 facilitation log: what it is compiled from (`FacilitationDraftInput`)
 * and what it is (`FacilitationDraft`). The rules are in facilitation-draft.ts; data shapes only here.
 */

import type { Coverage, DraftDocument } from "../draft/types.ts";
import type { MeetingStatus } from "../set/statuses.ts";
import type { CalendarDate } from "../time/calendar-date.ts";
import type { FacilitationKind } from "./entry-kind.ts";

/** M5.37's assessment criteria, in the unit's order. */
export type M537Criterion = "1.1" | "2.1" | "2.2" | "2.3" | "2.4" | "3.1" | "3.2" | "3.3";

/** One of the advisor's own facilitation entries, in their words. */
export type FacilitationDraftEntry = {
  number: number;
  kind: FacilitationKind;
  text: string;
  createdAt: Date;
  meetingNumber: number | null;
  /** A goal's clients and stakeholders, or who gave the feedback, in the advisor's words. */
  with: string | null;
  due: CalendarDate | null;
};

/** A meeting of the set (not cancelled), and for one held (closed) who attended and who presented, by name. */
export type FacilitationMeeting = {
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: Exclude<MeetingStatus, "cancelled">;
  present: string[];
  /** "Ana, Ben & Cleo"-style names as /records shows them; "nobody yet" for none. */
  presenters: string;
};

/** A facilitation note of the set's records (`/records note:`); `own` when the advisor compiling the log wrote it. */
type FacilitationNote = { author: string; own: boolean; text: string; createdAt: Date };

/**
 * A current member of the set: their name and counts from their log, never its text. `shares` while they let the
 * set's advisors read their log (`/log share on`).
 */
type FacilitationMember = { name: string; shares: boolean; entries: number; actions: number; outcomes: number };

/**
 * One of the advisor's reviews of a member's progress (`/review`), in the advisor's words. `reply` is the member's
 * reflection on it, present only while that member shares their log; `replied` says whether they gave one at all.
 */
export type FacilitationReview = {
  member: string;
  text: string;
  createdAt: Date;
  replied: boolean;
  reply: string | null;
  repliedAt: Date | null;
};

/** Feedback a member gave (`/feedback`); `author` null when given anonymously. */
type FacilitationFeedback = {
  about: "set" | "advisor";
  author: string | null;
  text: string;
  createdAt: Date;
  meetingNumber: number | null;
};

export type FacilitationDraftInput = {
  advisor: string;
  /** The set's other advisors. */
  coAdvisors: string[];
  setName: string;
  programmeStart: CalendarDate | null;
  programmeEnd: CalendarDate | null;
  /** Minutes each presenter has at a meeting. */
  slotMinutes: number;
  /** A set learning review every N meetings; null when off. */
  reviewEvery: number | null;
  members: FacilitationMember[];
  /** The set's meetings that were not cancelled, any order. */
  meetings: FacilitationMeeting[];
  /** ALL the advisor's own facilitation entries in the set, any order. */
  entries: FacilitationDraftEntry[];
  notes: FacilitationNote[];
  /** The advisor's own reviews of members, any order. */
  reviews: FacilitationReview[];
  feedback: FacilitationFeedback[];
  now: Date;
  /** For the dates shown in the text: the advisor's zone. */
  timeZone: string;
};

/** Planned (scheduled and held meetings) and delivered (held) hours, in minutes, against the unit's minimum. */
export type FacilitationHours = { plannedMinutes: number; plannedMeetings: number; deliveredMinutes: number; deliveredMeetings: number };

export type FacilitationDraft = DraftDocument & {
  coverage: Coverage<M537Criterion>[];
  hours: FacilitationHours;
  /** The advisor's own words in the document, per criterion and in all. */
  words: Record<M537Criterion, number>;
  wordCount: number;
  warnings: string[];
};
