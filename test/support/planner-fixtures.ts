import type { NudgeMeeting } from "../../src/domain/reminders/types.ts";

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
