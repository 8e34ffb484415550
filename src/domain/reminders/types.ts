/**
 * What the reminder planner reads (a set's state, the people it names) and what it plans. Pure types: the store
 * loads them (src/store/nudge-state.ts), the rules (rules/) and the planner (planner.ts) read them.
 */

import type { Leave } from "../set/leave.ts";
import type { ActionStatus, MeetingStatus } from "../set/statuses.ts";
import type { CalendarDate } from "../time/calendar-date.ts";
import type { NudgeKind } from "./catalog.ts";
import type { QuietHours } from "./quiet-hours.ts";

/** `stopped`: kinds of reminder this person stopped one by one (`optedOut` stops them all). */
export type NudgePerson = {
  id: string;
  timeZone: string;
  quiet: QuietHours | null;
  optedOut: boolean;
  snoozedUntil: Date | null;
  stopped?: readonly NudgeKind[];
};
export type NudgeMeeting = {
  id: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  closedAt: Date | null;
  presenterIds: string[];
  attendeeIds: string[];
  /** attendees who said they agreed no actions at it (`/action none`): no log-action for them; absent: none */
  noActionIds?: string[];
  /** 1 when scheduled, one more at each move: the occurrence of the meeting's time-bound reminders (default 1). */
  timeVersion?: number;
  /** When the current start time was set (scheduled or moved); unknown or null: long before any reminder. */
  timeSetAt?: Date | null;
  /** When each presenter's turn was stored (announced, swapped in, given to a replacement); missing: long before. */
  presenterSince?: Record<string, Date>;
};
export type NudgeAction = {
  id: string;
  ownerId: string;
  createdAt: Date;
  /** The due date as given: the action-due DM falls due when this day is over in its zone. */
  due: CalendarDate | null;
  status: ActionStatus;
  outcomeAt: Date | null;
};
/** A set's timing of its reminders (hours before or after a meeting, days of silence). */
export type NudgeRules = {
  presenterPrepHours: number;
  meetingPostHours: number;
  logActionHours: number[];
  outcomeDueHours: number;
  silentDays: number;
};
export type NudgeSet = {
  id: string;
  /** current members (advisors are not members); only they are nudged as presenters, attendees or owners */
  memberIds: string[];
  advisorIds: string[];
  /** any order; cancelled ones are ignored */
  meetings: NudgeMeeting[];
  actions: NudgeAction[];
  /** per member: the times of their entries (any kind) and, separately, of their `action` entries */
  entryTimes: Record<string, Date[]>;
  actionEntryTimes: Record<string, Date[]>;
  /** per member: their `problem` entries (time and meeting); none given means none recorded */
  problemEntries?: Record<string, { at: Date; meetingId: string | null }[]>;
  /** when each current member joined (silence counts from here if they have no entry) */
  memberSince: Record<string, Date>;
  /** a person is away from `startsAt` (inclusive) to the leave's end (exclusive, see `leaveEnds`) */
  absences: (Leave & { personId: string })[];
  /** when the member count last changed */
  sizeChangedAt: Date;
  rules?: Partial<NudgeRules>;
  /** an archived set gets no reminders at all */
  archived?: boolean;
  /** a set learning review every this many meetings held; null or absent: none (the store passes the set's setting) */
  reviewEvery?: number | null;
  /** closed meetings of the set older than those in `meetings` (so meetings held are counted from the first) */
  heldBefore?: number;
  /** per member: their goal entries (numbers) and whether each has a review yet (a `review` or a written 2.3 section); none given means none */
  goals?: Record<string, { number: number; reviewed: boolean }[]>;
  /** The programme's first and last days (`/set programme`); null or absent: not set (rules/coaching.ts). */
  programmeStart?: CalendarDate | null;
  programmeEnd?: CalendarDate | null;
};
/** `people` should hold everyone nudged; someone missing is treated as UTC, no quiet hours, not opted out. */
export type NudgeState = { sets: NudgeSet[]; people: Record<string, NudgePerson> };
export type NudgeTarget = { kind: "person"; personId: string } | { kind: "channel" };
export type PlannedNudge = {
  /** `${kind}:${setId}:${personId or "channel"}:${subjectId}:${occurrence}`: the outbox's unique key */
  key: string;
  kind: NudgeKind;
  setId: string;
  to: NudgeTarget;
  /** what the kind is about (its catalog `subject`): a meeting id (midpoint-outcome: the closed meeting A; outcome-due: the coming meeting B), an action id, a member id (advisor-silent), the set id (advisor-set-size, advisor-digest) */
  subjectId: string;
  /** tells one reminder about the subject from the next (its catalog `occurrence`): "1", "2"…, a time version, a day, a count, an ISO week */
  occurrence: string;
  /** when the rule says */
  dueAt: Date;
  /** dueAt moved past the recipient's snooze, then out of their quiet hours (channel posts: dueAt) */
  sendAt: Date;
  /** from this instant on it is no longer worth sending */
  staleAt: Date;
};
