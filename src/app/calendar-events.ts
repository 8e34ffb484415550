import { calendarSequence, shownInFeed } from "../domain/set/calendar-feed.ts";
import { projectUpcoming } from "../domain/set/rotation-state.ts";
import type { IcsMeeting } from "../export/ics.ts";
import { nameOf } from "./format.ts";
import type { SetState } from "./set-state.ts";

/**
 * The set's meetings as calendar events, in time order: presenters as the rotation shows them (projected for
 * upcoming meetings, the stored turns otherwise), each meeting's SEQUENCE (src/domain/set/calendar-feed.ts).
 * `feedAt`: for a subscription feed, only the meetings a feed shows at that moment (a cancelled meeting for a
 * while, then not); the file takes them all. `readerId`: whose presenter turns are marked "you present".
 */
export function calendarMeetings(state: SetState, opts: { feedAt?: Date; readerId?: string } = {}): IcsMeeting[] {
  const projected = new Map(projectUpcoming(state).map((p) => [p.meetingId, p.groups]));
  const stored = (meetingId: string) =>
    state.slots.filter((s) => s.meetingId === meetingId && (s.status === "presented" || s.status === "planned")).map((s) => [s.personId]);
  const { feedAt } = opts;
  return state.meetings
    .filter((m) => feedAt === undefined || shownInFeed(m, feedAt))
    .map((m) => {
      const presenterIds = (projected.get(m.id) ?? stored(m.id)).flat();
      return {
        uid: m.id,
        setName: state.set.name,
        number: m.number,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        status: m.status,
        sequence: calendarSequence(m),
        presenters: presenterIds.map((id) => nameOf(state.set, id)),
        ...(opts.readerId !== undefined && presenterIds.includes(opts.readerId) ? { youPresent: true } : {}),
      };
    });
}
