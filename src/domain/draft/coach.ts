/**
 * Coaching (pure): a member's log read criterion by criterion as the M3.37 mark sheet reads it (the draft's own
 * checklist, src/domain/draft/coverage.ts), the single most valuable next step, and the words of a coaching DM.
 * docs/user-guide.md ("Reminders") says when the DMs come.
 */
import { type Analysis, analyse } from "./analysis.ts";
import { coverage } from "./coverage.ts";
import type { CoachStep, Criterion, CriterionReading, DraftInput } from "./types.ts";

/** A member's log as coaching reads it: each criterion, the next step (null when there is none), and whether all are covered. */
export type CoachReading = { criteria: CriterionReading[]; next: CoachStep | null; complete: boolean; words: number };

/** Each criterion named in a few words, for lines that list them. */
export const SHORT_NAMES: Record<Criterion, string> = {
  "1.1": "strengths and limitations",
  "1.2": "goals and actions",
  "2.1": "action learning",
  "2.2": "problems brought",
  "2.3": "review of goals",
};

/** Reads the member's log (the same reading the draft's checklist shows). */
export function readLog(input: DraftInput): CoachReading {
  return readAnalysis(analyse(input));
}

/** The same reading, from a log already analysed. */
export function readAnalysis(a: Analysis): CoachReading {
  const criteria = coverage(a);
  return {
    criteria,
    next: nextStep(criteria, a.reviewStarted),
    complete: criteria.every((c) => c.status === "covered"),
    words: criteria.reduce((n, c) => n + c.words, 0),
  };
}

/**
 * The single most valuable next step: first a part a criterion asks for and lacks, in the mark sheet's order (the
 * action plan before the log, as the programme runs); then the criterion furthest under its word target. The review
 * of goals (2.3), and more words for the log (2.2), wait for the programme's last month. Null when nothing is left
 * to do now.
 */
function nextStep(criteria: CriterionReading[], reviewStarted: boolean): CoachStep | null {
  // The log grows meeting by meeting: its words are asked for only in the last month, like the review of goals.
  const now = (s: CoachStep) => reviewStarted || (s.criterion !== "2.3" && !(s.criterion === "2.2" && s.fills === "words"));
  const parts = criteria.flatMap((c) => c.steps.filter((s) => s.fills === "part"));
  const words = criteria
    .filter((c) => c.words < c.target)
    .sort((x, y) => x.words / x.target - y.words / y.target)
    .flatMap((c) => c.steps.filter((s) => s.fills === "words"));
  return parts.find(now) ?? words.find(now) ?? null;
}

/** One line per criterion: "1.1 strengths and limitations: thin, 45 of about 130 words". */
function criteriaLines(criteria: CriterionReading[]): string[] {
  return criteria.map((c) => `${c.criterion} ${SHORT_NAMES[c.criterion]}: ${c.status}, ${c.words} of about ${c.target} words`);
}

/**
 * A coaching DM's text: the lead for its moment, the member's reading criterion by criterion, and the next step with
 * the exact command. A member whose criteria are all covered gets one short line instead.
 */
export function coachText(reading: CoachReading, lead: string): string {
  if (reading.complete)
    return `Your draft is ready to write up: every criterion of M3.37 is covered, with ${reading.words} words of your own. See it with /log draft.`;
  if (!reading.next)
    return `${lead} Your action plan and log are covered so far (${reading.words} words of your own); in the programme's last month you will review each goal.`;
  // An empty log has nothing to report criterion by criterion: the first step is all there is to say.
  if (reading.criteria.every((c) => c.status === "missing"))
    return `${lead}\nStart with: ${reading.next.text}\nType: ${reading.next.command}`;
  return [
    `${lead} Where your draft stands, criterion by criterion (your own words against each one's share of the 1,000 the unit suggests at least):`,
    ...criteriaLines(reading.criteria).map((l) => `• ${l}`),
    `Most useful next: ${reading.next.text}`,
    `Type: ${reading.next.command}`,
  ].join("\n");
}

/** The line a reply adds after an entry: the next step, or that the draft is ready; null when nothing is worth saying. */
export function nextStepLine(reading: CoachReading): string | null {
  if (reading.complete) return "Every criterion of your draft is now covered: see it with /log draft.";
  return reading.next ? `Next for your draft: ${reading.next.text} Type: ${reading.next.command}` : null;
}
