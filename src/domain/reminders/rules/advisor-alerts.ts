/**
 * The advisors' alerts about the set's members (docs/user-guide.md, "Reminders"): a member who has been silent, and a set
 * whose size is out of range. They carry counts and dates, never a member's words. Pure: no I/O, no clock.
 */
import { SET_SIZE } from "../../set/compliance.ts";
import { DAY } from "../../time/time-units.ts";
import { rule } from "../emit.ts";
import { programmeOverAt } from "./programme-end.ts";

/** How long a set may stay out of the 4–8 range (e.g. while being formed) before its advisors are told. */
const SIZE_GRACE_MS = DAY;

/**
 * advisor-silent: each advisor, about a member with no entry for `silentDays` days. Silence counts from the later of
 * the last entry and joining; each silence alerts once (keyed by that day). A member away when the silence falls due
 * is reported when they are back, if still silent. Stale a week after due. None falls due once the programme is over
 * (rules/programme-end.ts): the advisors have been told it ended.
 */
export const advisorSilent = rule(["advisor-silent"], ({ set, rules, leaves }, emit) => {
  const over = programmeOverAt(set);
  for (const id of set.memberIds) {
    const last = (set.entryTimes[id] ?? []).reduce((max, t) => Math.max(max, t.getTime()), set.memberSince[id]?.getTime() ?? -Infinity);
    if (last === -Infinity) continue;
    const silentFrom = last + rules.silentDays * DAY;
    const due = leaves
      .filter((a) => a.personId === id && a.startsAt.getTime() <= silentFrom && silentFrom < a.endsAt.getTime())
      .reduce((t, a) => Math.max(t, a.endsAt.getTime()), silentFrom);
    if (due >= over) continue;
    const day = new Date(last).toISOString().slice(0, 10);
    for (const advisor of set.advisorIds) {
      emit.toPerson({ kind: "advisor-silent", personId: advisor, subjectId: id, occurrence: day, dueAt: due, staleAt: due + 7 * DAY });
    }
  }
});

/**
 * advisor-set-size: each advisor, when the member count is below 4 or above 8, after a day's grace (a set being
 * formed one member at a time is not out of range yet); keyed by the count. Stale a week after due.
 */
export const advisorSetSize = rule(["advisor-set-size"], ({ set }, emit) => {
  const size = set.memberIds.length;
  if (size >= SET_SIZE.min && size <= SET_SIZE.max) return;
  const due = set.sizeChangedAt.getTime() + SIZE_GRACE_MS;
  for (const advisor of set.advisorIds) {
    emit.toPerson({
      kind: "advisor-set-size",
      personId: advisor,
      subjectId: set.id,
      occurrence: String(size),
      dueAt: due,
      staleAt: due + 7 * DAY,
    });
  }
});
