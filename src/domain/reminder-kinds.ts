/**
 * The reminders a person can stop one kind at a time (the "Stop these" button on each reminder, `/nudge off kind:`),
 * and how they are named to people. Pure data; the person's stopped kinds are stored as a space-separated list.
 */
import type { NudgeKind } from "./plan-nudges.ts";

/** Every kind of reminder sent to a person (channel posts are not stopped by one person), in the order help lists them. */
export const STOPPABLE_KINDS = [
  "presenter-prep",
  "log-action",
  "log-problem",
  "midpoint-outcome",
  "outcome-due",
  "action-due",
  "advisor-silent",
  "advisor-set-size",
  "advisor-all-away",
  "advisor-unclosed",
  "set-review",
  "advisor-digest",
] as const satisfies readonly NudgeKind[];

/** A kind of reminder a person can stop on its own. */
export type StoppableKind = (typeof STOPPABLE_KINDS)[number];

/** What each kind of reminder is about, in the words replies use. */
export const REMINDER_NAMES: Record<StoppableKind, string> = {
  "presenter-prep": "before you present: which problem you will bring",
  "log-action": "after a meeting: record the actions you agreed",
  "log-problem": "after you presented: record the problem you brought",
  "midpoint-outcome": "halfway between meetings: how your actions are going",
  "outcome-due": "before the next meeting: actions with no outcome yet",
  "action-due": "an action's due date has passed",
  "advisor-silent": "to advisors: a member has made no log entry for 30 days",
  "advisor-set-size": "to advisors: the set has too few or too many members",
  "advisor-all-away": "to advisors: every member is away for a meeting",
  "advisor-unclosed": "to advisors: a meeting ended and was never closed",
  "set-review": "every few meetings: what the set does well and what should change",
  "advisor-digest": "to advisors: the weekly digest of the set",
};

/** The stopped kinds in their stored form (space-separated); unknown words, from a kind since retired, are dropped. */
export function readStopped(stored: string): StoppableKind[] {
  return STOPPABLE_KINDS.filter((k) => stored.split(/\s+/).includes(k));
}

/** The stored form of a set of stopped kinds: space-separated, in STOPPABLE_KINDS order, each once. */
export function writeStopped(kinds: readonly StoppableKind[]): string {
  return STOPPABLE_KINDS.filter((k) => kinds.includes(k)).join(" ");
}
