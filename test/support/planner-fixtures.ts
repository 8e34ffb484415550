import type { NudgeMeeting, NudgePerson, NudgeSet, NudgeState } from "../../src/domain/reminders/types.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";

/** A planner meeting for unit tests: meeting 1, two hours, scheduled, no presenters or attendees, unless `over` says otherwise. */
export function meeting(id: string, startsAt: string, over: Partial<NudgeMeeting> = {}): NudgeMeeting {
  return {
    id,
    number: 1,
    startsAt: new Date(startsAt),
    durationMinutes: 120,
    status: "scheduled",
    closedAt: null,
    presenterIds: [],
    attendeeIds: [],
    ...over,
  };
}

const LONDON = "Europe/London";

/** Ana, in London, with no quiet hours, snooze or stopped kinds unless `over` says otherwise. */
export function ana(over: Partial<NudgePerson> = {}): NudgePerson {
  return { id: "ana", timeZone: LONDON, quiet: null, optedOut: false, snoozedUntil: null, ...over };
}

/** Meeting `n`, held with Ana present and closed two hours after its start. */
export function closedMeeting(n: number, start: string): NudgeMeeting {
  return meeting(`M${n}`, start, {
    number: n,
    status: "closed",
    closedAt: new Date(Date.parse(start) + 2 * 3_600_000),
    attendeeIds: ["ana"],
  });
}

/**
 * Ana's set for the programme's reminders: a programme from 11 Jan to 31 Jul 2027 (London), Ana a member since
 * 4 Jan, meetings held on 12 Jan, 9 Feb and 13 Jul; `over` changes any of it.
 */
export function programmeSet(over: Partial<NudgeSet> = {}): NudgeSet {
  return {
    id: "s",
    memberIds: ["ana"],
    advisorIds: [],
    meetings: [
      closedMeeting(1, "2027-01-12T10:00:00Z"),
      closedMeeting(2, "2027-02-09T10:00:00Z"),
      closedMeeting(3, "2027-07-13T09:00:00Z"),
    ],
    actions: [],
    entryTimes: {},
    actionEntryTimes: {},
    memberSince: { ana: new Date("2027-01-04T09:00:00Z") },
    absences: [],
    sizeChangedAt: new Date("2027-01-04T09:00:00Z"),
    reviewEvery: null,
    programmeStart: calendarDate("2027-01-11", LONDON),
    programmeEnd: calendarDate("2027-07-31", LONDON),
    ...over,
  };
}

/** The planner's state of one set with Ana. */
export function anaState(set: NudgeSet, person: NudgePerson = ana()): NudgeState {
  return { sets: [set], people: { ana: person } };
}
