/**
 * Which rule plans each kind of the catalog (catalog.ts). A kind without a rule, or listed with a rule that does
 * not plan it, does not compile. A rule that plans several kinds (a reminder and its follow-up) is listed under each
 * and run once. The planner runs them in this order; the order changes nothing it returns (planner.ts sorts).
 */
import type { NudgeKind } from "./catalog.ts";
import type { ReminderRule } from "./emit.ts";
import { actionDue } from "./rules/action-due.ts";
import { advisorSetSize, advisorSilent } from "./rules/advisor-alerts.ts";
import { logAfterMeeting, midpointOutcome } from "./rules/after-meeting.ts";
import { meetingPost, outcomeDue, presenterPrep } from "./rules/before-meeting.ts";
import { coach, goalReviews } from "./rules/coaching.ts";
import { allAwayAlert, unclosedAlerts } from "./rules/meeting-alerts.ts";
import { advisorProgrammeEnd } from "./rules/programme-end.ts";
import { advisorDigest, setReview } from "./rules/set-reviews.ts";

/** For each kind, the rule listed for it, which must list the kind among its own. */
type PlannedBy<R extends Record<NudgeKind, ReminderRule>> = {
  [K in NudgeKind]: R[K] extends ReminderRule<infer Planned>
    ? K extends Planned
      ? R[K]
      : `the rule listed for ${K} does not plan it`
    : never;
};

function byKind<const R extends Record<NudgeKind, ReminderRule>>(rules: R & PlannedBy<R>): R {
  return rules;
}

const RULES = byKind({
  "presenter-prep": presenterPrep,
  "meeting-post": meetingPost,
  "outcome-due": outcomeDue,
  "log-problem": logAfterMeeting,
  "log-action": logAfterMeeting,
  "midpoint-outcome": midpointOutcome,
  "advisor-all-away": allAwayAlert,
  "meeting-unclosed": unclosedAlerts,
  "advisor-unclosed": unclosedAlerts,
  "set-review": setReview,
  "advisor-digest": advisorDigest,
  "action-due": actionDue,
  "advisor-silent": advisorSilent,
  "advisor-set-size": advisorSetSize,
  coach,
  "goal-review": goalReviews,
  "advisor-programme-end": advisorProgrammeEnd,
});

/** Every rule, each once. */
export const REMINDER_RULES: readonly ReminderRule[] = [...new Set<ReminderRule>(Object.values(RULES))];
