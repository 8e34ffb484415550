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
import { actionsWithoutOutcome, checklistTable, coverage, noOutcomeMessage } from "./draft-coverage.ts";
import { finalCopy } from "./draft-final.ts";
import { LOG_HEADINGS, ownWords, reviewBlocks, usedBlocks } from "./draft-log.ts";
import { goalsBlocks, methodBlocks, PLAN_HEADINGS, strengthsBlocks } from "./draft-plan.ts";
import { calendarDay, countWords, dayIn, hasText, hoursText, lengthText, plural, thousands } from "./draft-text.ts";
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
  notes: "Appendix: my notes (not for submission)",
  words: "Words per section",
  warnings: "Warnings",
} as const;

/**
 * The member's words in each criterion's sections: each entry once, where it belongs; sources and support too; and
 * their replies to their advisor's reviews (their reflection on feedback, evidence for 2.3). The advisor's own
 * words are never counted.
 */
function wordsByCriterion(a: Analysis, reviews: readonly { reply: string | null }[]): Record<Criterion, number> {
  const words: Record<Criterion, number> = { "1.1": 0, "1.2": 0, "2.1": 0, "2.2": 0, "2.3": 0 };
  for (const e of a.entries) {
    const c = a.placement.get(e.number);
    if (c) words[c] += countWords(e.text);
    if ((e.kind === "strength" || e.kind === "limitation") && !a.inNotes.has(e.number)) words["1.1"] += countWords(e.source);
    if (e.kind === "action" && !a.written.has("1.2")) words["1.2"] += countWords(e.support);
  }
  for (const action of a.actionOf.values())
    if (hasText(action.outcome) && !a.linkedOutcome.has(action.number) && !a.inNotes.has(action.number))
      words["2.2"] += countWords(action.outcome);
  for (const r of reviews) words["2.3"] += countWords(r.reply);
  return words;
}

/**
 * Who the draft's warnings speak to: the learner ("your own words") or, when an advisor asks for a member's draft,
 * the advisor, naming the learner ("Ana's own words"). The prompts in the document stay the learner's: they stand
 * where the learner's words should go.
 */
type Voice = { you: string; your: string; Your: string; ask: string; askAway: string };

function voiceFor(readBy: "learner" | "advisor", learner: string): Voice {
  if (readBy === "learner")
    return {
      you: "you",
      your: "your",
      Your: "Your",
      ask: "Ask your advisor how your centre treats a late start.",
      askAway: "ask your advisor how your centre treats time away",
    };
  return {
    you: learner,
    your: `${learner}'s`,
    Your: `${learner}'s`,
    ask: "Check how the centre treats a late start.",
    askAway: "check how the centre treats time away",
  };
}

/**
 * The member's own period in the set: their membership, from joining (or the programme's start, when they joined
 * before it) to the programme's last day (or today, while it runs or has no end set). Meetings attended are stated
 * apart (the header's "Meetings attended"): a member present throughout who missed a meeting, the last one
 * included, is still a member for the whole period. Flagged when under 6 months (or over 12) once the programme is
 * over; while it runs, shown as "so far", and flagged only when even the programme's end would leave it short.
 */
function ownPeriod(input: DraftInput, a: Analysis, v: Voice): { text: string; plain: string; warning: string | null } {
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: a.zone }).startOf("day");
  const day = (d: DateTime) => dayIn(d.toJSDate(), a.zone);
  const joined = input.joinedAt ? local(input.joinedAt) : null;
  const programmeStart = input.programmeStart ? DateTime.fromISO(input.programmeStart.date, { zone: a.zone }) : null;
  const firstHeld = a.held[0] ? local(a.held[0].startsAt) : null;
  const start = joined && programmeStart ? DateTime.max(joined, programmeStart) : (joined ?? programmeStart ?? firstHeld);
  if (!start) return { text: "not a member of the set yet", plain: "not a member of the set yet", warning: null };
  const endDay = input.programmeEnd ? DateTime.fromISO(input.programmeEnd.date, { zone: a.zone }) : null;
  const ongoing = endDay === null || local(input.now) <= endDay;
  const last = ongoing ? local(input.now) : endDay;
  const endExclusive = last.plus({ days: 1 });
  const length = lengthText(start, endExclusive);
  const plain = `${day(start)} to ${day(last)} (${length})`;
  const how = ongoing ? "my membership of the set so far" : "my membership of the set";
  const span = `${plain}, ${how}`;
  if (start.plus({ months: 12 }) < endExclusive)
    return {
      text: `${span}: over the 12 months M3.37 allows`,
      plain,
      warning: `${v.Your} own period in the set (${span}) is over the 12 months M3.37 allows.`,
    };
  if (start.plus({ months: 6 }) <= endExclusive) return { text: `${span}: meets the 6–12 months M3.37 requires`, plain, warning: null };
  if (!ongoing)
    return {
      text: `${span}: under the 6 months M3.37 requires`,
      plain,
      warning: `${v.Your} own period in the set, ${day(start)} to ${day(last)}, is ${length}: under the 6 months M3.37 requires, even though the programme's is not. ${v.ask}`,
    };
  const runsTo = endDay ? ` (the programme runs to ${calendarDay(input.programmeEnd!)})` : "";
  const short = endDay !== null && start.plus({ months: 6 }) > endDay.plus({ days: 1 });
  return {
    text: `${span}: under the 6 months M3.37 requires so far${runsTo}`,
    plain,
    warning: short
      ? `Even to the programme's end (${calendarDay(input.programmeEnd!)}), ${v.your} own period in the set, from ${day(start)}, would be under the 6 months M3.37 requires. ${v.ask}`
      : null,
  };
}

/**
 * Time away is attendance, not membership: a member whose first meeting attended came more than two months into their
 * period (a secondment, a late start) is told so, since centres differ on what such a log may cover.
 */
function lateFirstMeeting(input: DraftInput, a: Analysis, v: Voice): string | null {
  const first = a.held.find((m) => m.attended);
  const from = [input.joinedAt, input.programmeStart ? DateTime.fromISO(input.programmeStart.date, { zone: a.zone }).toJSDate() : null]
    .filter((d): d is Date => d !== null)
    .sort((x, y) => y.getTime() - x.getTime())[0];
  const missed = first ? a.held.filter((m) => m.startsAt < first.startsAt).length : 0;
  if (!first || !from || missed === 0) return null;
  const start = DateTime.fromJSDate(from, { zone: a.zone }).startOf("day");
  if (start.plus({ months: 2 }) > DateTime.fromJSDate(first.startsAt, { zone: a.zone })) return null;
  return `${v.Your} first set meeting attended was on ${dayIn(first.startsAt, a.zone)}, ${lengthText(start, DateTime.fromJSDate(first.startsAt, { zone: a.zone }).startOf("day"))} into ${v.your} membership, after ${plural(missed, "meeting")} held without ${v.you}: ${v.askAway}.`;
}

/** "9 of 10 held (22 hours 30 minutes in the set), the first on 18 Jan 2027 and the last on 26 Jul 2027". */
function meetingsAttended(a: Analysis): string {
  const attended = a.held.filter((m) => m.attended);
  const hours = hoursText(attended.reduce((n, m) => n + m.durationMinutes, 0));
  const first = attended[0];
  const last = attended.at(-1);
  const when =
    first && last && attended.length > 1
      ? `, the first on ${dayIn(first.startsAt, a.zone)} and the last on ${dayIn(last.startsAt, a.zone)}`
      : first
        ? `, on ${dayIn(first.startsAt, a.zone)}`
        : "";
  return `${attended.length} of ${a.held.length} held (${hours} in the set)${when}`;
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
function wordAdvice(total: number, sections: SectionWords[], byCriterion: Record<Criterion, number>, v: Voice): string | null {
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
  return `Expand ${expand}, in ${v.your} own words.`;
}

/**
 * A plan section (1.1, 1.2, 2.1) as the draft shows it: the member's write-up, when they have one, in place of the
 * section's fragments (its facts box kept, for them), the fragments going to `notes` under the section's heading.
 */
function writtenUp(a: Analysis, section: "1.1" | "1.2" | "2.1", blocks: DraftBlock[], notes: DraftBlock[]): DraftBlock[] {
  const written = a.written.get(section);
  if (!written) return blocks;
  const [heading, ...rest] = blocks;
  notes.push(heading!, ...ownWords(rest));
  return [heading!, { kind: "paragraph", text: written.text }, ...rest.filter((b) => b.kind === "facts")];
}

/** The draft M3.37 log: header, Leadership action plan, Leadership log, and the appendix that is not for submission. */
export function compileDraft(input: DraftInput, opts: { readBy?: "learner" | "advisor" } = {}): Draft {
  const v = voiceFor(opts.readBy ?? "learner", input.learner);
  const a = analyse(input);
  const byCriterion = wordsByCriterion(a, input.advisorReviews ?? []);
  const wordCount = Object.values(byCriterion).reduce((n, w) => n + w, 0);
  const sections = sectionWords(byCriterion);
  const H = DRAFT_HEADINGS;
  const notes: DraftBlock[] = [];
  const blocks: DraftBlock[] = [
    { kind: "heading", level: 1, text: H.plan },
    ...writtenUp(a, "1.1", strengthsBlocks(a), notes),
    ...writtenUp(a, "1.2", goalsBlocks(input, a), notes),
    ...writtenUp(a, "2.1", methodBlocks(input, a), notes),
    { kind: "heading", level: 1, text: H.log },
    ...usedBlocks(a, notes),
    ...reviewBlocks(a, notes),
    ...advisorFeedbackBlocks(input.advisorReviews ?? [], a.zone, {
      learner: input.learner,
      advisors: input.advisors,
      known: input.otherMembers ?? [],
    }),
  ];

  const cov = coverage(a);
  const period = ownPeriod(input, a, v);
  const warnings: string[] = programmeWarnings(input.programmeStart, input.programmeEnd).map((w) => w.message);
  if (period.warning) warnings.push(period.warning);
  const lateStart = lateFirstMeeting(input, a, v);
  if (lateStart) warnings.push(lateStart);
  const advice = wordAdvice(wordCount, sections, byCriterion, v);
  const range = `${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)} (nominal ${thousands(DRAFT_WORDS.nominal)})`;
  if (wordCount < DRAFT_WORDS.min || wordCount > DRAFT_WORDS.max)
    warnings.push(
      `The draft has ${thousands(wordCount)} ${wordCount === 1 ? "word" : "words"} of ${v.your} own: M3.37 suggests ${range}.${advice ? ` ${advice}` : ""}`,
    );
  const missing = actionsWithoutOutcome(a);
  if (missing.length) warnings.push(noOutcomeMessage(missing, a.entries.filter((e) => e.kind === "action").length, v.your));

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
  if (notes.length)
    appendix.push(
      { kind: "heading", level: 1, text: H.notes },
      {
        kind: "paragraph",
        text: "The entries your write-ups replace, as you recorded them: your evidence while you write, not for submission.",
      },
      ...notes,
    );

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
    { label: "Meetings attended", value: meetingsAttended(a) },
    {
      label: "Word count",
      value: `${thousands(wordCount)} (suggested ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)}, nominal ${thousands(DRAFT_WORDS.nominal)})`,
    },
    { label: "Declaration", value: DECLARATION },
    { label: "Compiled", value: `${dayIn(input.now, a.zone)} (draft)` },
  ];
  const document = {
    title: `Leadership action plan and learning log (ILM M3.37): ${input.learner}`,
    description: "Draft ILM M3.37 leadership action plan and learning log",
    header,
    blocks,
    appendix,
  };
  const attended = a.held.filter((m) => m.attended);
  const submission = finalCopy(
    { ...document, description: "ILM M3.37 leadership action plan and learning log" },
    {
      period: period.plain,
      meetings: `${attended.length} of ${a.held.length} set meetings (${hoursText(attended.reduce((n, m) => n + m.durationMinutes, 0))})`,
      words: thousands(wordCount),
    },
  );
  return {
    ...document,
    submission,
    coverage: cov,
    wordCount,
    sections,
    warnings,
  };
}
