/**
 * Rules for meetings that need someone's attention: every member away for a meeting (the advisors are told), and a
 * meeting that ended without being closed (the set a day after its end, the advisors a day later).
 *
 * Pure: no I/O, no clock.
 */
import { DAY, MINUTE } from "../../time-units.ts";
import { rule } from "../emit.ts";

/** How far ahead of a meeting the advisors hear that every member is away for it. */
const ALL_AWAY_NOTICE_MS = 7 * DAY;
/** After a meeting's end, when the set is asked to close it, and then when the advisors hear it is still open. */
const UNCLOSED_POST_AFTER_MS = DAY;
const UNCLOSED_ADVISOR_AFTER_MS = 2 * DAY;

/**
 * advisor-all-away: each advisor, about a scheduled meeting for which every current member is away (an absence
 * covering its start). Due a week before the meeting, or, when the last member's leave began later than that (leave
 * begins when it is recorded), at that moment; stale once the meeting starts. Keyed by the meeting and its start, so
 * a meeting moved to another date is judged afresh. A set with no members has nobody away.
 */
export const allAwayAlert = rule(["advisor-all-away"], ({ set, meetings, leaves }, emit) => {
  if (set.memberIds.length === 0 || leaves.length === 0) return;
  const leave = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of leaves) leave.set(a.personId, [...(leave.get(a.personId) ?? []), a]);
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
    for (const advisor of set.advisorIds) {
      emit.toPerson({
        kind: "advisor-all-away",
        personId: advisor,
        subjectId: m.id,
        occurrence: m.startsAt.toISOString(),
        dueAt: due,
        staleAt: start,
      });
    }
  }
});

/**
 * meeting-unclosed and advisor-unclosed: a meeting still scheduled after it ended was never closed (attendance and
 * the next date unrecorded). The set's channel is asked to close it a day after its end (stale when the advisors are
 * told); each advisor hears a day after that, if it is still open (stale a week after the end). Closing or
 * cancelling the meeting first means neither is sent.
 */
export const unclosedAlerts = rule(["meeting-unclosed", "advisor-unclosed"], ({ set, meetings }, emit) => {
  for (const m of meetings) {
    if (m.status !== "scheduled") continue;
    const end = m.startsAt.getTime() + m.durationMinutes * MINUTE;
    const about = { subjectId: m.id, occurrence: "1" };
    emit.toChannel({ ...about, kind: "meeting-unclosed", dueAt: end + UNCLOSED_POST_AFTER_MS, staleAt: end + UNCLOSED_ADVISOR_AFTER_MS });
    for (const advisor of set.advisorIds) {
      emit.toPerson({
        ...about,
        kind: "advisor-unclosed",
        personId: advisor,
        dueAt: end + UNCLOSED_ADVISOR_AFTER_MS,
        staleAt: end + 7 * DAY,
      });
    }
  }
});
