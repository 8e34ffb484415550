/**
 * The reminders before a meeting (docs/user-guide.md, "Reminders"): its presenters told to prepare, the set's channel told
 * the day before, and members whose actions have no outcome told before the meeting that follows a closed one. All
 * three are keyed by the meeting's time version, so a moved meeting is reminded for its new time, once more; one
 * whose moment had passed when the time was set (scheduled or moved at short notice) is not sent, except the
 * presenter DM, which is sent late: `LATE_DELAY_MS` after the fact.
 *
 * Pure: no I/O, no clock.
 */
import { HOUR } from "../../time/time-units.ts";
import { rule } from "../emit.ts";
import type { NudgeMeeting } from "../types.ts";

/** How long after the fact a late reminder is due: the next tick's, so a tick that read the state just before the change still sends it. */
export const LATE_DELAY_MS = 60_000;

const versionOf = (m: NudgeMeeting) => String(m.timeVersion ?? 1);
const timeSetOf = (m: NudgeMeeting) => m.timeSetAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/**
 * presenter-prep: each presenter who is a member, `presenterPrepHours` before the meeting; one told of the turn (or
 * of the meeting's time) after that moment is told late, once. Stale when the meeting starts.
 */
export const presenterPrep = rule(["presenter-prep"], ({ meetings, members, rules }, emit) => {
  for (const m of meetings) {
    const start = m.startsAt.getTime();
    const prep = start - rules.presenterPrepHours * HOUR;
    for (const p of m.presenterIds) {
      if (!members.has(p)) continue;
      const known = Math.max(timeSetOf(m), m.presenterSince?.[p]?.getTime() ?? Number.NEGATIVE_INFINITY);
      const due = known >= prep ? known + LATE_DELAY_MS : prep;
      if (due < start) {
        emit.toPerson({ kind: "presenter-prep", personId: p, subjectId: m.id, occurrence: versionOf(m), dueAt: due, staleAt: start });
      }
    }
  }
});

/** meeting-post: "Meeting N is tomorrow", `meetingPostHours` before, only when that was still ahead once the meeting had this time. */
export const meetingPost = rule(["meeting-post"], ({ meetings, rules }, emit) => {
  for (const m of meetings) {
    const start = m.startsAt.getTime();
    const post = start - rules.meetingPostHours * HOUR;
    if (timeSetOf(m) <= post)
      emit.toChannel({ kind: "meeting-post", subjectId: m.id, occurrence: versionOf(m), dueAt: post, staleAt: start });
  }
});

/**
 * outcome-due: `outcomeDueHours` before a meeting that follows a closed one, each member who owns an action with no
 * outcome at that moment. Stale when the meeting starts.
 */
export const outcomeDue = rule(["outcome-due"], ({ set, meetings, rules, lacksOutcome }, emit) => {
  meetings.forEach((m, i) => {
    const prev = meetings[i - 1];
    const start = m.startsAt.getTime();
    const due = start - rules.outcomeDueHours * HOUR;
    if (prev?.status !== "closed" || !prev.closedAt || timeSetOf(m) > due) return;
    for (const id of set.memberIds) {
      emit.toPerson({
        kind: "outcome-due",
        personId: id,
        subjectId: m.id,
        occurrence: versionOf(m),
        dueAt: due,
        staleAt: start,
        when: () => lacksOutcome(id, due),
      });
    }
  });
});
