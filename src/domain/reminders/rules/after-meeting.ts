/**
 * The reminders after a meeting is closed (docs/user-guide.md, "Reminders"): its attendees asked for the actions they
 * agreed (and a follow-up), its presenters asked for the problem they brought, and members halfway to the next
 * meeting asked how their actions are going. Closed meetings keep producing their (by then stale) candidates, so a
 * catch-up window never loses track of them.
 *
 * Pure: no I/O, no clock.
 */
import { DAY, HOUR, MINUTE } from "../../time/time-units.ts";
import { rule } from "../emit.ts";
import type { NudgeMeeting } from "../types.ts";

/** The closed meetings among `meetings` (in start order), with the meetings before and after each. */
function closedMeetings(meetings: readonly NudgeMeeting[]) {
  return meetings.flatMap((m, i) =>
    m.status === "closed" && m.closedAt ? [{ m, closed: m.closedAt.getTime(), prev: meetings[i - 1], next: meetings[i + 1] }] : [],
  );
}

/**
 * log-action and log-problem: each attendee who is a member and has logged no action since the meeting started, at
 * each of `logActionHours` after closing (occurrence "1", "2"…: the later ones are follow-ups); a presenter with no
 * problem logged for the meeting is asked for it (and their actions) instead of the first log-action. Stale at the
 * next meeting's start, or a week after due. A snooze or quiet hours can bring a reminder and its follow-up to the
 * same moment: then only the follow-up (which stands alone) is sent. An attendee who said they agreed none
 * (`noActionIds`) is asked for no action (a presenter is still asked for the problem).
 */
export const logAfterMeeting = rule(
  ["log-action", "log-problem"],
  ({ set, meetings, members, rules, isAway, loggedAction, sendTime }, emit) => {
    for (const { m, closed, prev, next } of closedMeetings(meetings)) {
      const start = m.startsAt.getTime();
      // A presenter's problem: one recorded for this meeting, or after the previous meeting ended, up to `due`.
      const after = prev ? prev.startsAt.getTime() + prev.durationMinutes * MINUTE : -Infinity;
      const lacksProblem = (id: string, due: number) =>
        m.presenterIds.includes(id) &&
        !(set.problemEntries?.[id] ?? []).some((p) => p.at.getTime() <= due && (p.meetingId === m.id || p.at.getTime() > after));
      const stale = (due: number) => (next ? next.startsAt.getTime() : due + 7 * DAY);
      rules.logActionHours.forEach((hours, k) => {
        const due = closed + hours * HOUR;
        const later = rules.logActionHours[k + 1];
        const laterDue = later === undefined ? null : closed + later * HOUR;
        for (const id of m.attendeeIds) {
          if (!members.has(id)) continue;
          const saidNone = m.noActionIds?.includes(id) ?? false;
          // Send times only ever grow with the due time.
          const repeatedLater = () =>
            laterDue !== null && !isAway(id, laterDue) && !loggedAction(id, start, laterDue) && sendTime(id, laterDue) <= sendTime(id, due);
          const reminder = { personId: id, subjectId: m.id, dueAt: due, staleAt: stale(due) };
          if (k === 0) emit.toPerson({ ...reminder, kind: "log-problem", occurrence: "1", when: () => lacksProblem(id, due) });
          emit.toPerson({
            ...reminder,
            kind: "log-action",
            occurrence: String(k + 1),
            when: () => !saidNone && !loggedAction(id, start, due) && !repeatedLater() && !(k === 0 && lacksProblem(id, due)),
          });
        }
      });
    }
  },
);

/**
 * midpoint-outcome: halfway between a closed meeting A (the subject) and the next meeting B, each member who owns an
 * action with no outcome at that moment. Stale when outcome-due's moment before B comes.
 */
export const midpointOutcome = rule(["midpoint-outcome"], ({ set, meetings, rules, lacksOutcome }, emit) => {
  for (const { m, closed, next } of closedMeetings(meetings)) {
    if (!next || next.startsAt.getTime() <= closed) continue;
    const due = closed + Math.floor((next.startsAt.getTime() - closed) / 2);
    const stale = next.startsAt.getTime() - rules.outcomeDueHours * HOUR;
    for (const id of set.memberIds) {
      emit.toPerson({
        kind: "midpoint-outcome",
        personId: id,
        subjectId: m.id,
        occurrence: "1",
        dueAt: due,
        staleAt: stale,
        when: () => lacksOutcome(id, due),
      });
    }
  }
});
