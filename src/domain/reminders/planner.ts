/**
 * The reminder planner (docs/architecture.md, "Domain rules"; docs/user-guide.md, "Reminders"): which reminders a set's
 * state implies, to whom, and when. Each kind's rule is in rules/ (listed by kind in rules.ts); the emitter (emit.ts)
 * applies what every reminder obeys.
 *
 * Pure: no I/O, no clock (times are always passed in). It only *plans*: the outbox stores each nudge under its
 * deterministic `key` with a unique constraint, which is what makes sending exactly-once.
 *
 * Conventions:
 * - "Meeting" means a non-cancelled meeting (scheduled or closed); cancelled meetings are ignored everywhere. Closed
 *   meetings keep producing their (by then stale) candidates, so a catch-up window never loses track of them.
 * - "The next meeting" after A is the first non-cancelled meeting that starts after A.
 * - Whether a nudge exists depends only on facts up to its `dueAt` (plus current membership, opt-out and the
 *   current status of an action for action-due), so the candidates stay stable as time passes.
 * - A meeting's time-bound reminders (the catalog's `time-version` kinds) are keyed by its time version
 *   (1 when scheduled, one more at each move): a moved meeting is reminded for its new time, once more.
 * - A reminder whose moment had passed when its fact became known (a meeting scheduled or moved at short notice,
 *   a turn given late) is not sent, except the presenter DM, which is sent late (rules/before-meeting.ts).
 */
import { emitter } from "./emit.ts";
import { type Bounds, setFacts } from "./facts.ts";
import { REMINDER_RULES } from "./rules.ts";
import type { NudgePerson, NudgeSet, NudgeState, PlannedNudge } from "./types.ts";

/** Every nudge the state implies, due or not (the candidates), in sendAt order (then key). */
export function candidateNudges(state: NudgeState): PlannedNudge[] {
  const out: PlannedNudge[] = [];
  collect(state, { maxBase: Infinity, minSend: -Infinity }, (n) => out.push(n));
  return sorted(out);
}

/**
 * The nudges whose sendAt is in (since, now]: `due` if now < staleAt, else `stale` (to be recorded as skipped).
 * Both in sendAt order. Candidates that cannot fall in the window are pruned before the time-zone work.
 */
export function planNudges(state: NudgeState, window: { since: Date; now: Date }): { due: PlannedNudge[]; stale: PlannedNudge[] } {
  // With `now` as the cap, nothing after the window is built, and the next sends found are none.
  const { due, stale } = planWithNext(state, window, window.now.getTime());
  return { due, stale };
}

/** The earliest sendAt strictly after `after`, or null: lets a simulated clock jump from event to event. */
export function nextNudgeAt(state: NudgeState, after: Date): Date | null {
  // Once a candidate is found, anything that cannot be sent before it is skipped unbuilt.
  const bounds = { maxBase: Infinity, minSend: after.getTime() };
  collect(state, bounds, (n) => {
    const send = n.sendAt.getTime();
    if (send > bounds.minSend && send < bounds.maxBase) bounds.maxBase = send;
  });
  return bounds.maxBase === Infinity ? null : new Date(bounds.maxBase);
}

/**
 * One tick's planning in one pass of the rules per set: what planNudges gives for `window`, and each set's first
 * sendAt after `window.now` (what nextNudgeAt gives for the set alone), or `cap` if none comes before it. Keyed by
 * set id. In-window candidates are never pruned: their base is at most `now`, and the bound only comes down to a
 * send after `now`.
 */
export function planWithNext(
  state: NudgeState,
  window: { since: Date; now: Date },
  cap: number,
): { due: PlannedNudge[]; stale: PlannedNudge[]; next: Map<string, number> } {
  const since = window.since.getTime();
  const now = window.now.getTime();
  const due: PlannedNudge[] = [];
  const stale: PlannedNudge[] = [];
  const next = new Map<string, number>();
  for (const set of state.sets) {
    const bounds = { maxBase: cap, minSend: since };
    planSet(set, state.people, bounds, (n) => {
      const send = n.sendAt.getTime();
      if (send <= since) return;
      if (send <= now) (now < n.staleAt.getTime() ? due : stale).push(n);
      else if (send < bounds.maxBase) bounds.maxBase = send;
    });
    next.set(set.id, bounds.maxBase);
  }
  return { due: sorted(due), stale: sorted(stale), next };
}

function collect(state: NudgeState, bounds: Bounds, found: (n: PlannedNudge) => void): void {
  for (const set of state.sets) planSet(set, state.people, bounds, found);
}

function sorted(nudges: PlannedNudge[]): PlannedNudge[] {
  return nudges.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** All candidates of one set (within `bounds`), each passed to `found`: every rule, with the set's facts and one emitter. */
function planSet(set: NudgeSet, people: Record<string, NudgePerson>, bounds: Bounds, found: (n: PlannedNudge) => void): void {
  if (set.archived) return;
  const facts = setFacts(set, people, bounds);
  const emit = emitter(facts, found);
  for (const rule of REMINDER_RULES) rule.plan(facts, emit);
}
