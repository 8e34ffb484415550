/**
 * Planner rules for meetings that need someone's attention: every member away for a meeting (the advisors are
 * told), and a meeting that ended without being closed (the set a day after its end, the advisors a day later).
 * Kept apart from plan-nudges.ts so each rule is a small function; the planner calls them with its own emitters,
 * which apply opt-outs, stopped kinds, snooze, quiet hours and the planning window.
 *
 * Pure: no I/O, no clock.
 */
import { leaveEnds } from "./leave.ts";
import type { NudgeKind, NudgeMeeting, NudgeSet } from "./plan-nudges.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far ahead of a meeting the advisors hear that every member is away for it. */
const ALL_AWAY_NOTICE_MS = 7 * DAY;
/** After a meeting's end, when the set is asked to close it, and then when the advisors hear it is still open. */
const UNCLOSED_POST_AFTER_MS = DAY;
const UNCLOSED_ADVISOR_AFTER_MS = 2 * DAY;

/** How the planner records a candidate: a DM to one person, or a post in the set's channel (times in ms). */
export type AlertEmitters = {
  toPerson: (kind: NudgeKind, personId: string, subjectId: string, occurrence: string, dueAt: number, staleAt: number) => void;
  toChannel: (kind: NudgeKind, subjectId: string, occurrence: string, dueAt: number, staleAt: number) => void;
};

/**
 * advisor-all-away: each advisor, about a scheduled meeting for which every current member is away (an absence
 * covering its start). Due a week before the meeting, or, when the last member's leave began later than that (leave
 * begins when it is recorded), at that moment; stale once the meeting starts. Keyed by the meeting and its start, so
 * a meeting moved to another date is judged afresh. A set with no members has nobody away.
 */
export function planAllAwayAlerts(set: NudgeSet, meetings: readonly NudgeMeeting[], emit: AlertEmitters): void {
  if (set.memberIds.length === 0 || set.absences.length === 0) return;
  const leave = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of set.absences) leave.set(a.personId, [...(leave.get(a.personId) ?? []), { startsAt: a.startsAt, endsAt: leaveEnds(a) }]);
  for (const m of meetings) {
    if (m.status !== "scheduled") continue;
    const start = m.startsAt.getTime();
    // When each member's leave over this meeting began; null as soon as one member is not away.
    let allAwaySince: number | null = -Infinity;
    for (const id of set.memberIds) {
      const covering = (leave.get(id) ?? []).filter((a) => a.startsAt.getTime() <= start && start < a.endsAt.getTime());
      if (covering.length === 0) {
        allAwaySince = null;
        break;
      }
      allAwaySince = Math.max(allAwaySince, Math.min(...covering.map((a) => a.startsAt.getTime())));
    }
    if (allAwaySince === null) continue;
    const due = Math.max(start - ALL_AWAY_NOTICE_MS, allAwaySince);
    if (due >= start) continue;
    for (const advisor of set.advisorIds) emit.toPerson("advisor-all-away", advisor, m.id, m.startsAt.toISOString(), due, start);
  }
}

/**
 * meeting-unclosed and advisor-unclosed: a meeting still scheduled after it ended was never closed (attendance and
 * the next date unrecorded). The set's channel is asked to close it a day after its end (stale when the advisors are
 * told); each advisor hears a day after that, if it is still open (stale a week after the end). Closing or
 * cancelling the meeting first means neither is sent.
 */
export function planUnclosedAlerts(set: NudgeSet, meetings: readonly NudgeMeeting[], emit: AlertEmitters): void {
  for (const m of meetings) {
    if (m.status !== "scheduled") continue;
    const end = m.startsAt.getTime() + m.durationMinutes * 60_000;
    emit.toChannel("meeting-unclosed", m.id, "1", end + UNCLOSED_POST_AFTER_MS, end + UNCLOSED_ADVISOR_AFTER_MS);
    for (const advisor of set.advisorIds) {
      emit.toPerson("advisor-unclosed", advisor, m.id, "1", end + UNCLOSED_ADVISOR_AFTER_MS, end + 7 * DAY);
    }
  }
}
