/**
 * The reminder catalog (docs/user-guide.md, "Reminders"): every kind of reminder the planner plans, one entry each. From it
 * come `NudgeKind`, the kinds a person can stop one at a time (the "Stop these" button on each reminder,
 * `/nudge off kind:`) and how each is named to people; the planner's emitter and the message map are typed by it.
 * Adding a kind is an entry here, a rule in rules/ and a message in src/app/reminder-messages.ts (CONTRIBUTING.md).
 *
 * Pure data; a person's stopped kinds are stored as a space-separated list.
 */

/** Who a reminder goes to: a current member by DM, an advisor of the set by DM, or the set's channel. */
type Audience = "member" | "advisor" | "channel";

/**
 * What a reminder is about, the `subjectId` of its key: a meeting, an action, a member (by id), or the set itself.
 * The message for a kind is given this subject's details (src/app/reminder-message.ts).
 */
export type Subject = "meeting" | "action" | "member" | "set";

/**
 * The last part of the key, which tells one reminder about a subject from the next:
 * - `time-version`: the meeting's time version (1 when scheduled, one more at each move), so a moved meeting is
 *   reminded for its new time, once more; moving or cancelling it drops those still waiting (`meetingTimeReminders`);
 * - `once`: always "1";
 * - `follow-up`: "1" for the first, "2"… for each follow-up;
 * - `last-entry-day`: the UTC ISO day of the member's last entry (or of joining), so each silence alerts once;
 * - `member-count`: the set's member count, so each size out of range alerts once;
 * - `meeting-start`: the meeting's start (ISO), so a meeting moved to another date is judged afresh;
 * - `iso-week`: the ISO week in the recipient's zone ("2027-W03");
 * - `coach-moment`: the coaching moment's name ("joined", "midpoint"…: rules/coaching.ts), so each is sent once
 *   whatever moves its time;
 * - `goal-number`: the number of the member's goal entry the DM is about (entry numbers are never reused);
 * - `programme-end`: the programme's last day (ISO, "2027-07-31"), so a moved end is told again for the new day.
 */
type Occurrence =
  | "time-version"
  | "once"
  | "follow-up"
  | "last-entry-day"
  | "member-count"
  | "meeting-start"
  | "iso-week"
  | "coach-moment"
  | "goal-number"
  | "programme-end";

/** One kind: a DM can be stopped on its own and is named for people; a channel post is for the whole set and is not. */
type KindEntry = { subject: Subject; occurrence: Occurrence } & (
  | { audience: "channel"; stoppable: false }
  /** `name`: what it is about, in the words replies use */
  | { audience: Exclude<Audience, "channel">; stoppable: true; name: string }
);

/** Every kind, in the order help lists them. The comment on each says when its rule (rules/) plans it. */
const REMINDER_CATALOG = {
  /** `presenterPrepHours` before the meeting (or late, when told of the turn after that): prepare and /log problem */
  "presenter-prep": {
    audience: "member",
    subject: "meeting",
    occurrence: "time-version",
    stoppable: true,
    name: "before you present: which problem you will bring",
  },
  /** `meetingPostHours` before the meeting: date, presenters, RSVP buttons */
  "meeting-post": { audience: "channel", subject: "meeting", occurrence: "time-version", stoppable: false },
  /** each attendee of a closed meeting who has logged no action since it started, at each of `logActionHours` after closing (the later ones are follow-ups) */
  "log-action": {
    audience: "member",
    subject: "meeting",
    occurrence: "follow-up",
    stoppable: true,
    name: "after a meeting: record the actions you agreed",
  },
  /** each presenter of a closed meeting who has logged no problem for it, at the first `logActionHours` (instead of that log-action) */
  "log-problem": {
    audience: "member",
    subject: "meeting",
    occurrence: "once",
    stoppable: true,
    name: "after you presented: record the problem you brought",
  },
  /** halfway between closed meeting A (the subject) and the next meeting B: members with actions lacking an outcome */
  "midpoint-outcome": {
    audience: "member",
    subject: "meeting",
    occurrence: "once",
    stoppable: true,
    name: "halfway between meetings: how your actions are going",
  },
  /** `outcomeDueHours` before the meeting B (the subject) that follows a closed meeting: members with actions lacking an outcome */
  "outcome-due": {
    audience: "member",
    subject: "meeting",
    occurrence: "time-version",
    stoppable: true,
    name: "before the next meeting: actions with no outcome yet",
  },
  /** on joining, after the second meeting held, at the programme's midpoint, six weeks before its end, and after its last meeting (rules/coaching.ts): where the member's draft stands by criterion, and the next step */
  coach: {
    audience: "member",
    subject: "member",
    occurrence: "coach-moment",
    stoppable: true,
    name: "through the programme: where your draft stands by criterion, and the most useful next entry",
  },
  /** in the programme's last month, before the closing coaching DM: each of the member's goals with no review yet, one DM each, two days apart (rules/coaching.ts) */
  "goal-review": {
    audience: "member",
    subject: "member",
    occurrence: "goal-number",
    stoppable: true,
    name: "in the programme's last month: review each of your goals",
  },
  /** an open action's due date is over (the end of that day in its zone): its owner */
  "action-due": { audience: "member", subject: "action", occurrence: "once", stoppable: true, name: "an action's due date has passed" },
  /** a member with no entry for `silentDays` days, until the programme's end (count and date only, never text) */
  "advisor-silent": {
    audience: "advisor",
    subject: "member",
    occurrence: "last-entry-day",
    stoppable: true,
    name: "to advisors: a member has made no log entry for 30 days",
  },
  /** the member count is below 4 or above 8 */
  "advisor-set-size": {
    audience: "advisor",
    subject: "set",
    occurrence: "member-count",
    stoppable: true,
    name: "to advisors: the set has too few or too many members",
  },
  /** every member is away for a meeting */
  "advisor-all-away": {
    audience: "advisor",
    subject: "meeting",
    occurrence: "meeting-start",
    stoppable: true,
    name: "to advisors: every member is away for a meeting",
  },
  /** a day after a meeting ended without being closed */
  "meeting-unclosed": { audience: "channel", subject: "meeting", occurrence: "once", stoppable: false },
  /** a day after that, if the meeting is still not closed */
  "advisor-unclosed": {
    audience: "advisor",
    subject: "meeting",
    occurrence: "once",
    stoppable: true,
    name: "to advisors: a meeting ended and was never closed",
  },
  /** each member, when closing a meeting opens a set learning review (every `reviewEvery` meetings held) */
  "set-review": {
    audience: "member",
    subject: "meeting",
    occurrence: "once",
    stoppable: true,
    name: "every few meetings: what the set does well and what should change",
  },
  /** weekly (Monday 09:00 in the advisor's zone), until the programme's end: meetings, silences, overdue actions, reviews due, new feedback */
  "advisor-digest": {
    audience: "advisor",
    subject: "set",
    occurrence: "iso-week",
    stoppable: true,
    name: "to advisors: the weekly digest of the set",
  },
  /** at the end of the programme's last day in the set's zone: the programme has ended, archive the set (digests and silence alerts stop then) */
  "advisor-programme-end": {
    audience: "advisor",
    subject: "set",
    occurrence: "programme-end",
    stoppable: true,
    name: "to advisors: the programme has ended, and the set can be archived",
  },
} as const satisfies Record<string, KindEntry>;

type Catalog = typeof REMINDER_CATALOG;

/** A kind of reminder. */
export type NudgeKind = keyof Catalog;
/** The kinds sent to one person by DM (members and advisors). */
export type DmKind = { [K in NudgeKind]: Catalog[K]["audience"] extends "channel" ? never : K }[NudgeKind];
/** The kinds posted in the set's channel. */
export type ChannelKind = Exclude<NudgeKind, DmKind>;
/** What a kind is about (its key's subject). */
export type SubjectOf<K extends NudgeKind> = Catalog[K]["subject"];
/** A kind of reminder a person can stop on its own. */
export type StoppableKind = { [K in NudgeKind]: Catalog[K]["stoppable"] extends true ? K : never }[NudgeKind];

function isNudgeKind(word: string): word is NudgeKind {
  return Object.hasOwn(REMINDER_CATALOG, word);
}

/** Every kind, in catalog order. */
const NUDGE_KINDS: readonly NudgeKind[] = Object.keys(REMINDER_CATALOG).filter(isNudgeKind);

/** Whether a person can stop this kind on its own (a DM; channel posts are not stopped by one person). */
export function isStoppable(kind: NudgeKind): kind is StoppableKind {
  return REMINDER_CATALOG[kind].stoppable;
}

/** The first of a list and the rest, for an option's choices (zod needs at least one). */
function nonEmpty<T>(list: readonly T[]): readonly [T, ...T[]] {
  const [first, ...rest] = list;
  if (first === undefined) throw new Error("the reminder catalog has no stoppable kind");
  return [first, ...rest];
}

/** Every kind of reminder sent to a person (channel posts are not stopped by one person), in catalog order. */
export const STOPPABLE_KINDS = nonEmpty(NUDGE_KINDS.filter(isStoppable));

/** What a kind of reminder is about, in the words replies use. */
export function reminderName(kind: StoppableKind): string {
  return REMINDER_CATALOG[kind].name;
}

/** The kinds whose key ends in the meeting's time version. */
const TIME_BOUND_KINDS: readonly NudgeKind[] = NUDGE_KINDS.filter((k) => REMINDER_CATALOG[k].occurrence === "time-version");

/**
 * How to find a meeting's time-bound reminders for its current time in the outbox: their kinds and the end of
 * their keys (`…:${meetingId}:${timeVersion}`). Moving or cancelling the meeting drops those still waiting.
 */
export function meetingTimeReminders(m: { id: string; timeVersion: number }): { kinds: string[]; keySuffix: string } {
  return { kinds: [...TIME_BOUND_KINDS], keySuffix: `:${m.id}:${m.timeVersion}` };
}

/** The stopped kinds in their stored form (space-separated); unknown words, from a kind since retired, are dropped. */
export function readStopped(stored: string): StoppableKind[] {
  return STOPPABLE_KINDS.filter((k) => stored.split(/\s+/).includes(k));
}

/** The stored form of a set of stopped kinds: space-separated, in STOPPABLE_KINDS order, each once. */
export function writeStopped(kinds: readonly StoppableKind[]): string {
  return STOPPABLE_KINDS.filter((k) => kinds.includes(k)).join(" ");
}
