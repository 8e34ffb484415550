import { MAX_UPCOMING_MEETINGS } from "../src/domain/set/meeting-limits.ts";
import { command, opt, optional } from "./define.ts";

export const meetingSchedule = command({
  name: "meeting",
  sub: "schedule",
  summary: "Schedule a meeting, or a recurring series (a set has at most 52 meetings ahead of it).",
  who: "participant",
  options: {
    when: opt.when({ description: 'Date and time, e.g. "next tuesday 10am" or "2027-01-12 14:00" (your time zone)' }),
    duration: optional(opt.duration({ description: "Length, e.g. 2h or 90m (default 2h)", min: 30, max: 480 })),
    every: optional(opt.cadence({ description: 'Repeat: weekly, fortnightly, monthly, "first tuesday"…' })),
    count: optional(
      opt.integer({
        description: `How many meetings in the series (default 6; a set has at most ${MAX_UPCOMING_MEETINGS} ahead)`,
        min: 1,
        max: MAX_UPCOMING_MEETINGS,
      }),
    ),
    until: optional(opt.day({ description: `Repeat until this day (instead of count; at most ${MAX_UPCOMING_MEETINGS} meetings ahead)` })),
  },
  positional: 2,
  examples: [
    '/meeting schedule when:"next tuesday 10am" duration:2h',
    '/meeting schedule "2027-01-12 14:00" 2h every:"first tuesday" count:8',
  ],
});

export const meetingNext = command({
  name: "meeting",
  sub: "next",
  summary: "The next meeting and its presenters.",
  who: "anyone",
  readOnly: true,
  options: {},
  examples: ["/meeting next"],
});

/** The most meetings /meeting list shows at once. */
export const MEETING_LIST_MAX = 24;

export const meetingList = command({
  name: "meeting",
  sub: "list",
  summary: "Upcoming meetings with their presenters.",
  who: "anyone",
  readOnly: true,
  options: { count: optional(opt.integer({ description: "How many (default 6)", min: 1, max: MEETING_LIST_MAX })) },
  examples: ["/meeting list", "/meeting list count:12"],
});

export const meetingMove = command({
  name: "meeting",
  sub: "move",
  summary: "Move a meeting to a new date and time; the set is told.",
  who: "participant",
  options: {
    meeting: opt.meeting({ description: "Meeting number (see /meeting list) or next" }),
    when: opt.when({ description: "The new date and time" }),
  },
  examples: ['/meeting move meeting:3 when:"2027-03-16 10:00"'],
});

export const meetingCancel = command({
  name: "meeting",
  sub: "cancel",
  summary: "Cancel a meeting; the set is told.",
  who: "participant",
  options: { meeting: opt.meeting({ description: "Meeting number (see /meeting list) or next" }) },
  examples: ["/meeting cancel meeting:3"],
});

export const meetingRsvp = command({
  name: "meeting",
  sub: "rsvp",
  summary: "Say whether you will come. A presenter who answers no is owed the next turn.",
  who: "member",
  options: {
    answer: opt.choice({ description: "yes or no", choices: ["yes", "no"] as const }),
    meeting: optional(opt.meeting({ description: "Meeting number (default: the next meeting)" })),
  },
  examples: ["/meeting rsvp yes", "/meeting rsvp answer:no meeting:4"],
});

export const meetingClose = command({
  name: "meeting",
  sub: "close",
  summary: "Close the meeting just held: attendance and the date of the next one.",
  who: "participant",
  options: {
    next: optional(opt.when({ description: "Date and time of the next meeting, if not already scheduled" })),
    present: optional(opt.users({ description: "Who attended (default: everyone who did not send apologies)" })),
    meeting: optional(opt.meeting({ description: "Meeting number (default: the latest one that has started)" })),
  },
  positional: 1,
  examples: ['/meeting close next:"2027-02-09 10:00"', "/meeting close present:@Tom,@Priya,@Ana,@Lee"],
});

export const meetingCalendar = command({
  name: "meeting",
  sub: "calendar",
  summary: "An .ics calendar file of the set's meetings, and private addresses to subscribe to.",
  details:
    "Members and advisors also get two private subscription addresses, shown once when made: one for this set's meetings and one for the meetings of all their sets (their own presenter turns in the titles). A calendar app subscribed to one follows moved and cancelled meetings by itself. reset:yes replaces both addresses (the old ones stop working), e.g. when one was shared by mistake.",
  who: "anyone",
  // It stores the person's subscriptions (their own data), so it also runs in an archived set.
  inArchivedSet: true,
  options: {
    reset: optional(opt.choice({ description: "yes: new subscription addresses; the old ones stop working", choices: ["yes"] as const })),
  },
  examples: ["/meeting calendar", "/meeting calendar reset:yes"],
});
