/**
 * The draft ILM M3.37 leadership action plan and learning log (docs/architecture.md, "Domain rules"), compiled from ONE
 * member's own entries.
 * Pure: no I/O, no environment, no system clock (`input.now` is the only "now").
 *
 * The body holds the member's words exactly as written, in the task's order: the Leadership action plan (1.1, 1.2,
 * 2.1) and the Leadership log (2.2 per problem, 2.3 goal by goal). Where each entry goes is in draft-analysis.ts.
 * Every entry appears in the section it belongs to; goals and actions are shown again, as the plan's and the
 * review's tables, where the task asks for them. Besides the member's words the body has headings, short connecting
 * phrases ("How I put it into effect:"), `prompt` blocks (what to write where: not for submission) and `facts`
 * blocks (what the bot knows: counts, dates and names, for the member to use in their own words).
 * The appendix (not for submission) has the criteria checklist, the words per section against their targets and
 * the warnings.
 */
import { DateTime } from "luxon";
import { programmeWarnings } from "./compliance.ts";
import { advisorFeedbackBlocks } from "./draft-advisor-feedback.ts";
import { type Analysis, analyse } from "./draft-analysis.ts";
import { actionsWithoutOutcome, checklistTable, coverage, noOutcomeMessage, wordsByCriterion } from "./draft-coverage.ts";
import { LOG_HEADINGS, reviewBlocks, usedBlocks } from "./draft-log.ts";
import { goalsBlocks, methodBlocks, PLAN_HEADINGS, strengthsBlocks } from "./draft-plan.ts";
import { calendarDay, dayIn, hoursText, lengthText, plural, thousands } from "./draft-text.ts";
import type { Criterion, Draft, DraftBlock, DraftInput, SectionWords } from "./draft-types.ts";

export { evidenceRows, MEETING_CATEGORY } from "./draft-evidence.ts";
export { countWords } from "./draft-text.ts";
export type * from "./draft-types.ts";

/** M3.37 Appendix B: nominal 1,200 words, suggested 1,000–2,000. */
const DRAFT_WORDS = { min: 1_000, nominal: 1_200, max: 2_000 } as const;

/**
 * Each part's share of the nominal 1,200 words, split like the marks (action plan 40, log 60): about 480 words for
 * the plan and 720 for the log.
 */
const SECTION_TARGETS = { plan: 480, log: 720 } as const;

/** The unit, as the header names it. */
export const UNIT = "ILM M3.37 Developing own leadership capability using action learning";
/** The task's declaration, for the learner to keep (or remove). */
export const DECLARATION = "By submitting I confirm that this assessment is my own work";

/** The labels every renderer puts on what is not the learner's own words. */
export const PROMPT_LABEL = "Prompt (remove before submission):";
export const FACTS_LABEL = "Facts the bot holds (not your words: use what helps in your own, then remove this box):";

/** The section headings, so renderers and tests need not repeat the strings. */
export const DRAFT_HEADINGS = {
  ...PLAN_HEADINGS,
  ...LOG_HEADINGS,
  appendix: "Appendix: criteria checklist (not for submission)",
  words: "Words per section",
  warnings: "Warnings",
} as const;

/**
 * The member's own period in the set: from their first attended meeting (or joining) to their last (or today, when
 * they have attended none). Flagged when under 6 months (or over 12) once the programme is over; while it runs
 * (or has no end set), shown as "so far", and flagged only when even the programme's end would leave it short.
 */
function ownPeriod(input: DraftInput, a: Analysis): { text: string; warning: string | null } {
  const attended = a.held.filter((m) => m.attended);
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: a.zone }).startOf("day");
  const first = attended[0]?.startsAt ?? input.joinedAt;
  if (!first) return { text: "no meeting attended yet", warning: null };
  const last = attended.at(-1)?.startsAt ?? input.now;
  const how = attended.length ? "from my first to my last set meeting attended" : "from joining the set; no meeting attended yet";
  const start = local(first);
  const endExclusive = local(last).plus({ days: 1 });
  const length = lengthText(start, endExclusive);
  const span = `${dayIn(first, a.zone)} to ${dayIn(last, a.zone)} (${length}), ${how}`;
  const endDay = input.programmeEnd ? DateTime.fromISO(input.programmeEnd.date, { zone: a.zone }) : null;
  const ongoing = endDay === null || local(input.now) <= endDay;
  if (start.plus({ months: 12 }) < endExclusive)
    return {
      text: `${span}: over the 12 months M3.37 allows`,
      warning: `Your own period in the set (${span}) is over the 12 months M3.37 allows.`,
    };
  if (start.plus({ months: 6 }) <= endExclusive) return { text: `${span}: meets the 6–12 months M3.37 requires`, warning: null };
  const from = `${dayIn(first, a.zone)} to ${dayIn(last, a.zone)}, ${how}`;
  if (!ongoing)
    return {
      text: `${span}: under the 6 months M3.37 requires`,
      warning: `Your own period in the set, ${from}, is ${length}: under the 6 months M3.37 requires, even though the programme's is not. Ask your advisor how your centre treats time away or a late start.`,
    };
  const runsTo = endDay ? ` (the programme runs to ${calendarDay(input.programmeEnd!)})` : "";
  const short = endDay !== null && start.plus({ months: 6 }) > endDay.plus({ days: 1 });
  return {
    text: `${span}: under the 6 months M3.37 requires so far${runsTo}`,
    warning: short
      ? `Even attending to the programme's end (${calendarDay(input.programmeEnd!)}), your own period in the set, from ${dayIn(first, a.zone)}, would be under the 6 months M3.37 requires. Ask your advisor how your centre treats time away or a late start.`
      : null,
  };
}

/** The words per section against their targets, and what to do about it. */
function sectionWords(byCriterion: Record<Criterion, number>): SectionWords[] {
  const sum = (cs: Criterion[]) => cs.reduce((n, c) => n + byCriterion[c], 0);
  return [
    { section: DRAFT_HEADINGS.plan, criteria: ["1.1", "1.2", "2.1"], words: sum(["1.1", "1.2", "2.1"]), target: SECTION_TARGETS.plan },
    { section: DRAFT_HEADINGS.log, criteria: ["2.2", "2.3"], words: sum(["2.2", "2.3"]), target: SECTION_TARGETS.log },
  ];
}

/** What to do about the words: which part to expand (under its share) or shorten (over 2,000 in all); null when fine. */
function wordAdvice(total: number, sections: SectionWords[], byCriterion: Record<Criterion, number>): string | null {
  if (total > DRAFT_WORDS.max) {
    const longest = [...sections].sort((x, y) => y.words / y.target - x.words / x.target)[0]!;
    return `Shorten it before submission, starting with the ${longest.section} (${thousands(longest.words)} words against about ${longest.target}).`;
  }
  const short = sections.filter((s) => s.words < s.target);
  if (short.length === 0) return null;
  const thinnest = (s: SectionWords) =>
    s.criteria
      .map((c) => ({ c, n: byCriterion[c] }))
      .sort((x, y) => x.n - y.n)
      .slice(0, 2)
      .map(({ c, n }) => `${c} has ${plural(n, "word")}`)
      .join(", ");
  const expand = short.map((s) => `the ${s.section} (${thousands(s.words)} of about ${s.target} words: ${thinnest(s)})`).join(" and ");
  return `Expand ${expand}, in your own words.`;
}

/** The draft M3.37 log: header, Leadership action plan, Leadership log, and the appendix that is not for submission. */
export function compileDraft(input: DraftInput): Draft {
  const a = analyse(input);
  const byCriterion = wordsByCriterion(a);
  const wordCount = Object.values(byCriterion).reduce((n, w) => n + w, 0);
  const sections = sectionWords(byCriterion);
  const H = DRAFT_HEADINGS;
  const blocks: DraftBlock[] = [
    { kind: "heading", level: 1, text: H.plan },
    ...strengthsBlocks(a),
    ...goalsBlocks(input, a),
    ...methodBlocks(input, a),
    { kind: "heading", level: 1, text: H.log },
    ...usedBlocks(a),
    ...reviewBlocks(a),
    ...advisorFeedbackBlocks(input.advisorReviews ?? [], a.zone),
  ];

  const cov = coverage(a);
  const period = ownPeriod(input, a);
  const warnings: string[] = programmeWarnings(input.programmeStart, input.programmeEnd).map((w) => w.message);
  if (period.warning) warnings.push(period.warning);
  const advice = wordAdvice(wordCount, sections, byCriterion);
  const range = `${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)} (nominal ${thousands(DRAFT_WORDS.nominal)})`;
  if (wordCount < DRAFT_WORDS.min || wordCount > DRAFT_WORDS.max)
    warnings.push(
      `The draft has ${thousands(wordCount)} ${wordCount === 1 ? "word" : "words"} of your own: M3.37 suggests ${range}.${advice ? ` ${advice}` : ""}`,
    );
  const missing = actionsWithoutOutcome(a);
  if (missing.length) warnings.push(noOutcomeMessage(missing, a.entries.filter((e) => e.kind === "action").length));

  const appendix: DraftBlock[] = [
    { kind: "heading", level: 1, text: H.appendix },
    {
      kind: "paragraph",
      text: "For you, not the assessor: remove this appendix, the prompts and the facts boxes before you submit. The prompts stand where your own words should go.",
    },
    checklistTable(cov),
    { kind: "heading", level: 2, text: H.words },
    {
      kind: "table",
      header: ["Section", "Your words", "About", "Per criterion"],
      rows: sections.map((s) => [
        s.section,
        thousands(s.words),
        String(s.target),
        s.criteria.map((c) => `${c}: ${thousands(byCriterion[c])}`).join(", "),
      ]),
    },
    {
      kind: "paragraph",
      text: `${thousands(wordCount)} ${wordCount === 1 ? "word" : "words"} of your own in all; M3.37 suggests ${range}, split like the marks: about ${SECTION_TARGETS.plan} for the plan and ${SECTION_TARGETS.log} for the log. ${advice ?? "Both parts are at least that."}`,
    },
  ];
  if (warnings.length) appendix.push({ kind: "heading", level: 2, text: H.warnings }, { kind: "bullets", items: warnings });

  const held = a.held;
  const attended = held.filter((m) => m.attended);
  const notGiven = (option: string) => `not given yet: /log details ${option}`;
  const advisors = input.advisors.length ? `; set advisor${input.advisors.length > 1 ? "s" : ""}: ${input.advisors.join(", ")}` : "";
  const header = [
    { label: "Learner name", value: input.learner },
    { label: "Learner registration number", value: input.details.registration ?? notGiven("registration:…") },
    { label: "Centre number", value: input.details.centreNumber ?? notGiven("centre:…") },
    { label: "Centre name", value: input.details.centreName ?? notGiven('centre_name:"…"') },
    { label: "Unit", value: UNIT },
    { label: "Set", value: `${input.setName}${advisors}` },
    { label: "Period covered", value: period.text },
    {
      label: "Meetings attended",
      value: `${attended.length} of ${held.length} held (${hoursText(attended.reduce((n, m) => n + m.durationMinutes, 0))} in the set)`,
    },
    {
      label: "Word count",
      value: `${thousands(wordCount)} (suggested ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)}, nominal ${thousands(DRAFT_WORDS.nominal)})`,
    },
    { label: "Declaration", value: DECLARATION },
    { label: "Compiled", value: `${dayIn(input.now, a.zone)} (draft)` },
  ];
  return {
    title: `Leadership action plan and learning log (ILM M3.37): ${input.learner}`,
    description: "Draft ILM M3.37 leadership action plan and learning log",
    header,
    blocks,
    appendix,
    coverage: cov,
    wordCount,
    sections,
    warnings,
  };
}
