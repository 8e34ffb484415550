/**
 * The end of the programme (docs/user-guide.md, "Reminders"): at the end of its last day (`/set programme end:`, in
 * the set's zone) each advisor is told that it has ended and offered to archive the set, and from then on the set's
 * running alerts (the weekly digest, silence alerts) are no longer planned, as there is no programme left to follow.
 * Pure: no I/O, no clock.
 */
import { dayEnds } from "../../time/calendar-date.ts";
import { DAY } from "../../time/time-units.ts";
import { rule } from "../emit.ts";
import type { NudgeSet } from "../types.ts";

/** An end DM not sent within a week of the end (the advisor was away, or snoozed it) is still worth sending until then. */
const END_STALE_MS = 7 * DAY;

/** The instant the set's programme is over (ms since the epoch): the end of its last day in the set's zone; none: Infinity. */
export function programmeOverAt(set: Pick<NudgeSet, "programmeEnd">): number {
  return set.programmeEnd ? dayEnds(set.programmeEnd).getTime() : Infinity;
}

/**
 * advisor-programme-end: each advisor, once per set and last day (the occurrence is that day, so a moved end is told
 * again for its new day; an end moved before it was due is never told for the old one), due when the last day is
 * over; quiet hours, leave and snooze hold it like any DM. Stale a week after due.
 */
export const advisorProgrammeEnd = rule(["advisor-programme-end"], ({ set }, emit) => {
  const end = set.programmeEnd;
  if (!end) return;
  const due = programmeOverAt(set);
  for (const advisor of set.advisorIds) {
    emit.toPerson({
      kind: "advisor-programme-end",
      personId: advisor,
      subjectId: set.id,
      occurrence: end.date,
      dueAt: due,
      staleAt: due + END_STALE_MS,
    });
  }
});
