/**
 * Each set's next moment (docs/architecture.md, "A reminder tick"): the earliest instant at which anything the nudge
 * planner plans for the set can fall due, so the scheduler loads and plans a set only when its moment has come.
 *
 * Pure, and derived from the planner itself (its first send after the window, over the set alone), so every kind the
 * planner knows, today's and any added later, moves the moment without this file knowing it.
 */
import { DAY } from "../time/time-units.ts";
import { planWithNext } from "./planner.ts";
import type { NudgeState, PlannedNudge } from "./types.ts";

/**
 * The longest a set goes without being planned again, even with nothing due: the state the scheduler loads reaches
 * only so far ahead (src/store/nudge-state.ts), so a meeting scheduled further out enters it later. A week is far
 * inside that reach minus the longest lead of any reminder (a week before a meeting).
 */
const RECHECK_MS = 7 * DAY;

/**
 * The nudges of `window` (as planNudges gives them) and every set's next moment after it: the earliest send time of
 * its nudges strictly after `window.now`, or `window.now + RECHECK_MS` if that comes first (and for a set with
 * nothing to send, such as an archived one), keyed by set id. The rules run once per set for both.
 */
export function planWindow(
  state: NudgeState,
  window: { since: Date; now: Date },
): { due: PlannedNudge[]; stale: PlannedNudge[]; moments: Map<string, Date> } {
  const { due, stale, next } = planWithNext(state, window, window.now.getTime() + RECHECK_MS);
  const moments = new Map<string, Date>();
  for (const [id, at] of next) moments.set(id, new Date(at));
  return { due, stale, moments };
}

/** Every set's next moment after `after` (see planWindow), with nothing planned. */
export const nextMoments = (state: NudgeState, after: Date): Map<string, Date> => planWindow(state, { since: after, now: after }).moments;
