/**
 * The reminder of an action's due date (docs/user-guide.md, "Reminders"). Whether it exists depends on the action's current
 * status, so an action done in time is never reminded. Pure: no I/O, no clock.
 */
import { dayEnds } from "../../time/calendar-date.ts";
import { DAY } from "../../time/time-units.ts";
import { rule } from "../emit.ts";

/** action-due: an open action of a member whose due date is over (the end of that day in its zone), to its owner; stale a week later. */
export const actionDue = rule(["action-due"], ({ set, members }, emit) => {
  for (const a of set.actions) {
    if (a.status !== "open" || !a.due || !members.has(a.ownerId)) continue;
    const passed = dayEnds(a.due).getTime();
    emit.toPerson({ kind: "action-due", personId: a.ownerId, subjectId: a.id, occurrence: "1", dueAt: passed, staleAt: passed + 7 * DAY });
  }
});
