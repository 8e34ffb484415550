/**
 * Each set's next moment (docs/architecture.md, "A reminder tick"): the earliest instant at which anything the nudge
 * planner plans for the set can fall due, so the scheduler loads and plans a set only when its moment has come.
 *
 * Pure, and derived from the planner itself (`nextNudgeAt` over the set alone), so every kind the planner knows,
 * today's and any added later, moves the moment without this file knowing it.
 */
import { DAY } from "../time-units.ts";
import { nextNudgeAt } from "./planner.ts";
import type { NudgeState } from "./types.ts";

/**
 * The longest a set goes without being planned again, even with nothing due: the state the scheduler loads reaches
 * only so far ahead (src/store/nudge-state.ts), so a meeting scheduled further out enters it later. A week is far
 * inside that reach minus the longest lead of any reminder (a week before a meeting).
 */
const RECHECK_MS = 7 * DAY;

/**
 * For every set of `state`, the earliest send time of its nudges strictly after `after`, or `after + RECHECK_MS`
 * if that comes first (and for a set with nothing to send, such as an archived one). Keyed by set id.
 * Work is linear in the sets' own lists: each set is planned alone, with the people it names.
 */
export function nextMoments(state: NudgeState, after: Date): Map<string, Date> {
  const recheck = after.getTime() + RECHECK_MS;
  const out = new Map<string, Date>();
  for (const set of state.sets) {
    const next = nextNudgeAt({ sets: [set], people: state.people }, after);
    out.set(set.id, next && next.getTime() < recheck ? next : new Date(recheck));
  }
  return out;
}
