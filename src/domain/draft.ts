/**
 * The draft ILM M3.37 learning log (docs/architecture.md, "Domain rules"), compiled from ONE member's own entries.
 * Pure: no I/O, no environment, no system clock (`input.now` is the only "now").
 *
 * Every entry of the input appears exactly once in the body, in the member's own words; only headings and short
 * connecting phrases ("Action #12 (agreed …, due …):", "How I put it into effect:") are added. The criteria
 * checklist at the end refers to entries by number and count only.
 *
 * Where each entry goes (entries are taken in time order, ties by number):
 * - `strength`, `limitation` → Strengths and limitations (1.1).
 * - `goal` → Goals, actions and timescales (1.2), numbered "Goal 1", "Goal 2" … in date order. The same section has
 *   a table of every action's agreed and due dates (its timescale) and status, without the action's text.
 * - `problem` → starts a new problem in the Leadership log (2.2).
 * - `question`, `action`, `outcome` → under the most recent problem at or before it; before any problem, under
 *   "Other notes" at the end of the log.
 * - `reflect` → the REVIEW rule first: recorded in the programme's last month (from the day one calendar month
 *   before the day after the programme's last day; with no end set, the month up to `now`) → Review of goals
 *   and improvement (2.3). Otherwise the METHOD rule: recorded before the member's first problem → Action
 *   learning and my development (2.1) — what they wrote on joining the set, before presenting, is about the
 *   method and their part in it. Otherwise → "What I learned" under the most recent problem (2.2).
 * - An `outcome` entry whose text equals an action's recorded outcome (what `/log outcome action:N` makes) is
 *   that action's "how I put it into effect", shown once under the action, wherever the action is.
 * An action's detail (due date, status, outcome, effectiveness) comes from `actions` (same `number` as its entry);
 * an Action with no `action` entry is shown from its own text.
 */
import { DateTime } from "luxon";
import { type CalendarDate, formatCalendarDate } from "./calendar-date.ts";
import { programmeWarnings } from "./compliance.ts";
import type { EntryKind } from "./entry-kind.ts";

export type DraftEntry = { number: number; kind: EntryKind; text: string; createdAt: Date; meetingNumber: number | null };
export type DraftAction = {
  number: number;
  text: string;
  createdAt: Date;
  meetingNumber: number | null;
  /** The due date exactly as the learner gave it. */
  due: CalendarDate | null;
  status: "open" | "done" | "partly" | "dropped";
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
};
export type DraftInput = {
  learner: string;
  setName: string;
  advisors: string[];
  /** The programme's first and last days (the last included). */
  programmeStart: CalendarDate | null;
  programmeEnd: CalendarDate | null;
  /** The set meetings the member attended: the hours in the set, and evidence rows with their length. */
  attended: { number: number; startsAt: Date; durationMinutes: number }[];
  /** ALL the member's own entries, any order (action entries included; their detail is in `actions`, same `number`). */
  entries: DraftEntry[];
  actions: DraftAction[];
  now: Date;
  /** For the dates shown in the text. */
  timeZone: string;
};
export type Criterion = "1.1" | "1.2" | "2.1" | "2.2" | "2.3";
export type Coverage = {
  criterion: Criterion;
  title: string;
  status: "covered" | "thin" | "missing";
  evidence: string[];
  prompts: string[];
};
export type DraftBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][] };
export type Draft = {
  title: string;
  header: { label: string; value: string }[];
  blocks: DraftBlock[];
  coverage: Coverage[];
  wordCount: number;
  warnings: string[];
};
export type EvidenceRow = { date: string; durationMinutes: number | ""; category: string; text: string; criteria: string };

/** M3.37 Appendix B: nominal 1,200 words, suggested 1,000–2,000. */
export const DRAFT_WORDS = { min: 1_000, nominal: 1_200, max: 2_000 } as const;

/** The section headings, so renderers and tests need not repeat the strings. */
export const DRAFT_HEADINGS = {
  plan: "Leadership action plan",
  strengths: "Strengths and limitations (1.1)",
  goals: "Goals, actions and timescales (1.2)",
  method: "Action learning and my development (2.1)",
  log: "Leadership log",
  other: "Other notes (recorded before my first problem)",
  review: "Review of goals and improvement (2.3)",
  coverage: "Criteria coverage: remove this checklist before submission",
  warnings: "Warnings",
} as const;

const CRITERIA: { criterion: Criterion; title: string }[] = [
  { criterion: "1.1", title: "Own leadership strengths and limitations are identified" },
  {
    criterion: "1.2",
    title: "Actions to develop own leadership capacity are planned within realistic time scales, using available help and support",
  },
  {
    criterion: "2.1",
    title:
      "The nature and benefits of action learning, an individual's responsibilities in a set and its role in own leadership development are explained",
  },
  { criterion: "2.2", title: "The way action learning was used to develop own leadership performance is explained" },
  { criterion: "2.3", title: "Improvements in own leadership performance are identified, analysed and reflected on" },
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Words in a text: runs of non-space characters. */
export function countWords(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const refs = (numbers: number[]) => numbers.map((n) => `#${n}`).join(", ");
const validZone = (zone: string) => (DateTime.fromMillis(0, { zone }).isValid ? zone : "UTC");
const showDay = (t: DateTime) => `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
/** "12 Jan 2027" for an instant, in the member's time zone. */
const dayIn = (d: Date, zone: string) => showDay(DateTime.fromJSDate(d, { zone }));
/** "12 Jan 2027" for a calendar date, exactly as given. */
const calendarDay = (d: CalendarDate) => formatCalendarDate(d, "day");

function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return plural(m, "minute");
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}

function effectivenessText(e: string | null): string | null {
  if (e === null || e.trim() === "") return null;
  const known: Record<string, string> = { very: "very effective", somewhat: "somewhat effective", not: "not effective" };
  return known[e.trim()] ?? e.trim();
}
const STATUS_TEXT: Record<DraftAction["status"], string> = { open: "still open", done: "done", partly: "partly done", dropped: "dropped" };

const byTime = (a: { createdAt: Date; number: number }, b: { createdAt: Date; number: number }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;
const hasText = (s: string | null): s is string => s !== null && s.trim() !== "";

type Group = {
  problem: DraftEntry | null;
  questions: DraftEntry[];
  actions: DraftEntry[];
  outcomes: DraftEntry[];
  reflections: DraftEntry[];
};
const emptyGroup = (problem: DraftEntry | null): Group => ({ problem, questions: [], actions: [], outcomes: [], reflections: [] });

type Analysis = {
  zone: string;
  entries: DraftEntry[];
  strengths: DraftEntry[];
  limitations: DraftEntry[];
  goals: DraftEntry[];
  method: DraftEntry[];
  problems: Group[];
  other: Group;
  review: DraftEntry[];
  /** First day of the review window, as shown. */
  reviewFromDay: string;
  reviewStarted: boolean;
  actionOf: Map<number, DraftAction>;
  /** action number → the outcome entry that recorded its outcome text. */
  linkedOutcome: Map<number, DraftEntry>;
  /** outcome entry number → action number. */
  outcomeFor: Map<number, number>;
  /** entry number → the criterion of the section it is shown in. */
  placement: Map<number, Criterion>;
  /** action number → problem index (1-based) or null when under Other notes. */
  problemOfAction: Map<number, number | null>;
};

function analyse(input: DraftInput): Analysis {
  const zone = validZone(input.timeZone);
  const actionOf = new Map(input.actions.map((a) => [a.number, a]));
  const entryNumbers = new Set(input.entries.map((e) => e.number));
  const synthesized: DraftEntry[] = input.actions
    .filter((a) => !entryNumbers.has(a.number))
    .map((a) => ({ number: a.number, kind: "action", text: a.text, createdAt: a.createdAt, meetingNumber: a.meetingNumber }));
  const entries = [...input.entries, ...synthesized].sort(byTime);

  // Outcome entries that are an action's recorded outcome (same text): shown once, with the action.
  const linkedOutcome = new Map<number, DraftEntry>();
  const outcomeFor = new Map<number, number>();
  for (const action of [...input.actions].sort(byTime)) {
    if (!hasText(action.outcome)) continue;
    const text = action.outcome.trim();
    const match =
      entries.find((e) => e.kind === "outcome" && !outcomeFor.has(e.number) && e.text.trim() === text && e.createdAt >= action.createdAt) ??
      entries.find((e) => e.kind === "outcome" && !outcomeFor.has(e.number) && e.text.trim() === text);
    if (match) {
      linkedOutcome.set(action.number, match);
      outcomeFor.set(match.number, action.number);
    }
  }

  // The review window: the programme's last month (or the month up to now when no end is set).
  const nowLocal = DateTime.fromJSDate(input.now, { zone });
  const lastDay = input.programmeEnd ? DateTime.fromISO(input.programmeEnd.date, { zone }) : nowLocal.startOf("day");
  const reviewFrom = lastDay.plus({ days: 1 }).minus({ months: 1 }).startOf("day");
  const reviewFromMs = reviewFrom.toMillis();

  const a: Analysis = {
    zone,
    entries,
    strengths: [],
    limitations: [],
    goals: [],
    method: [],
    problems: [],
    other: emptyGroup(null),
    review: [],
    reviewFromDay: showDay(reviewFrom),
    reviewStarted: nowLocal.toMillis() >= reviewFromMs,
    actionOf,
    linkedOutcome,
    outcomeFor,
    placement: new Map(),
    problemOfAction: new Map(),
  };
  let current: Group | null = null;
  for (const e of entries) {
    const group: Group = current ?? a.other;
    switch (e.kind) {
      case "strength":
        a.strengths.push(e);
        a.placement.set(e.number, "1.1");
        break;
      case "limitation":
        a.limitations.push(e);
        a.placement.set(e.number, "1.1");
        break;
      case "goal":
        a.goals.push(e);
        a.placement.set(e.number, "1.2");
        break;
      case "problem":
        current = emptyGroup(e);
        a.problems.push(current);
        a.placement.set(e.number, "2.2");
        break;
      case "reflect":
        if (e.createdAt.getTime() >= reviewFromMs) {
          a.review.push(e);
          a.placement.set(e.number, "2.3");
        } else if (current === null) {
          a.method.push(e);
          a.placement.set(e.number, "2.1");
        } else {
          current.reflections.push(e);
          a.placement.set(e.number, "2.2");
        }
        break;
      case "question":
        group.questions.push(e);
        a.placement.set(e.number, "2.2");
        break;
      case "action":
        group.actions.push(e);
        a.placement.set(e.number, "2.2");
        a.problemOfAction.set(e.number, current === null ? null : a.problems.length);
        break;
      case "outcome":
        if (!outcomeFor.has(e.number)) group.outcomes.push(e);
        a.placement.set(e.number, "2.2");
        break;
    }
  }
  return a;
}

/** Member's words placed in the body: every entry's text, plus the outcome texts of actions not already linked to an entry. */
function memberWords(a: Analysis): number {
  let n = 0;
  for (const e of a.entries) n += countWords(e.text);
  for (const action of a.actionOf.values())
    if (hasText(action.outcome) && !a.linkedOutcome.has(action.number)) n += countWords(action.outcome);
  return n;
}

function periodText(input: DraftInput): string {
  const { programmeStart: start, programmeEnd: end } = input;
  if (start === null) return "not set (M3.37 needs 6–12 months of set membership)";
  if (end === null) return `from ${calendarDay(start)}, no end date set (M3.37 needs 6–12 months)`;
  const s = DateTime.fromISO(start.date, { zone: "utc" });
  const e = DateTime.fromISO(end.date, { zone: "utc" }).plus({ days: 1 });
  const diff = e.diff(s, ["months", "days"]).toObject();
  const months = Math.max(0, Math.floor(diff.months ?? 0));
  const days = Math.max(0, Math.round(diff.days ?? 0));
  const length =
    e <= s
      ? "ends before it starts"
      : [months > 0 || days === 0 ? plural(months, "month") : "", days > 0 ? plural(days, "day") : ""].filter(Boolean).join(" and ");
  const code = programmeWarnings(start, end)[0]?.code;
  const verdict =
    code === "programme-too-short"
      ? "under the 6 months M3.37 requires"
      : code === "programme-too-long"
        ? "over the 12 months M3.37 allows"
        : "meets the 6–12 months M3.37 requires";
  return `${calendarDay(start)} to ${calendarDay(end)} (${length}): ${verdict}`;
}

function wordCountText(words: number): string {
  const w = plural(words, "word");
  if (words < DRAFT_WORDS.min) return `${w} of your own: under the suggested ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)}`;
  if (words > DRAFT_WORDS.max)
    return `${thousands(words)} words of your own: over the suggested ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)}`;
  return `${thousands(words)} words of your own: within the suggested ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)} (nominal ${thousands(DRAFT_WORDS.nominal)})`;
}

function actionsWithoutOutcome(a: Analysis): number[] {
  return a.entries
    .filter((e) => e.kind === "action")
    .map((e) => e.number)
    .filter((n) => !hasText(a.actionOf.get(n)?.outcome ?? null));
}
function noOutcomeMessage(missing: number[], total: number): string {
  return `No outcome recorded for ${missing.length} of your ${plural(total, "action")} (${refs(missing)}): /action done action:N text:"…"`;
}

function coverage(input: DraftInput, a: Analysis): Coverage[] {
  const title = (c: Criterion) => CRITERIA.find((x) => x.criterion === c)!.title;
  const nums = (es: DraftEntry[]) => es.map((e) => e.number);
  const out: Coverage[] = [];
  const actions = a.entries.filter((e) => e.kind === "action");
  const withDue = actions.filter((e) => a.actionOf.get(e.number)?.due);

  {
    const evidence: string[] = [];
    const prompts: string[] = [];
    if (a.strengths.length) evidence.push(`${plural(a.strengths.length, "strength")} (${refs(nums(a.strengths))})`);
    else prompts.push('No strength recorded yet: /log strength text:"…"');
    if (a.limitations.length) evidence.push(`${plural(a.limitations.length, "limitation")} (${refs(nums(a.limitations))})`);
    else prompts.push('No limitation recorded yet: /log limitation text:"…"');
    const status = prompts.length === 0 ? "covered" : evidence.length === 0 ? "missing" : "thin";
    out.push({ criterion: "1.1", title: title("1.1"), status, evidence, prompts });
  }
  {
    const evidence: string[] = [];
    const prompts: string[] = [];
    if (a.goals.length) evidence.push(`${plural(a.goals.length, "goal")} (${refs(nums(a.goals))})`);
    else prompts.push('No goal recorded yet: /log goal text:"…"');
    if (actions.length) evidence.push(`${plural(actions.length, "action")}, ${withDue.length} with a due date`);
    if (actions.length === 0) prompts.push('No action recorded yet: /log action text:"…" due:"…"');
    else if (withDue.length === 0)
      prompts.push(
        `None of your ${plural(actions.length, "action")} has a timescale: give the next one a due date: /log action text:"…" due:"…"`,
      );
    evidence.push(
      `help and support: the set${input.advisors.length ? ` and ${input.advisors.length === 1 ? "its advisor" : "its advisors"}` : ""}`,
    );
    const status = a.goals.length === 0 ? "missing" : prompts.length === 0 ? "covered" : "thin";
    out.push({ criterion: "1.2", title: title("1.2"), status, evidence, prompts });
  }
  {
    const evidence: string[] = [];
    const prompts: string[] = [];
    const firstProblem = a.problems[0]?.problem ?? null;
    const rule = firstProblem
      ? `reflections recorded before your first problem (#${firstProblem.number}, ${dayIn(firstProblem.createdAt, a.zone)})`
      : "reflections recorded before your first problem";
    if (a.method.length) evidence.push(`${plural(a.method.length, "reflection")} (${refs(nums(a.method))}): ${rule}`);
    if (a.method.length < 2) {
      const what =
        "what action learning is (L = P + Q) and its benefits, your responsibilities in the set, and its role in your development";
      prompts.push(
        firstProblem
          ? `${a.method.length === 0 ? "No reflection on action learning itself" : "Only one reflection on action learning itself"} (this section takes ${rule}): write here, in your own words, ${what}.`
          : `${a.method.length === 0 ? "No reflection on action learning itself yet" : "Only one reflection on action learning itself so far"}: /log reflect text:"…" on ${what}.`,
      );
    }
    const status = a.method.length === 0 ? "missing" : a.method.length < 2 ? "thin" : "covered";
    out.push({ criterion: "2.1", title: title("2.1"), status, evidence, prompts });
  }
  {
    const evidence: string[] = [];
    const prompts: string[] = [];
    const all = [...a.problems, a.other];
    const count = (pick: (g: Group) => DraftEntry[]) => all.reduce((n, g) => n + pick(g).length, 0);
    const missing = actionsWithoutOutcome(a);
    if (a.problems.length) {
      evidence.push(`${plural(a.problems.length, "problem")} (${refs(a.problems.map((g) => g.problem!.number))})`);
      evidence.push(
        `${plural(
          count((g) => g.questions),
          "question",
        )}, ${plural(actions.length, "action")}, ${plural(actions.length - missing.length, "action outcome")}, ${plural(
          count((g) => g.outcomes),
          "other outcome",
        )}, ${plural(
          count((g) => g.reflections),
          "reflection",
        )}`,
      );
    } else {
      prompts.push('No problem brought to the set recorded yet: /log problem text:"…"');
    }
    a.problems.forEach((g, i) => {
      const label = `Problem ${i + 1} (#${g.problem!.number}, ${dayIn(g.problem!.createdAt, a.zone)})`;
      const latest = i === a.problems.length - 1;
      if (g.actions.length === 0) prompts.push(`${label} has no action agreed${latest ? ': /log action text:"…"' : "."}`);
      if (g.questions.length === 0) prompts.push(`${label} has no question that helped${latest ? ': /log question text:"…"' : "."}`);
    });
    if (missing.length) prompts.push(noOutcomeMessage(missing, actions.length));
    const unrated = actions
      .map((e) => e.number)
      .filter((n) => !missing.includes(n) && effectivenessText(a.actionOf.get(n)?.effectiveness ?? null) === null);
    if (unrated.length)
      prompts.push(
        `How effective not recorded for ${plural(unrated.length, "action")} (${refs(unrated)}): /action done action:N effective:very|somewhat|not`,
      );
    const status = a.problems.length === 0 ? "missing" : prompts.length === 0 ? "covered" : "thin";
    out.push({ criterion: "2.2", title: title("2.2"), status, evidence, prompts });
  }
  {
    const evidence: string[] = [];
    const prompts: string[] = [];
    const rule = `reflections recorded from ${a.reviewFromDay}, ${input.programmeEnd ? "the programme's last month" : "the last month (no programme end is set)"}`;
    if (a.review.length) evidence.push(`${plural(a.review.length, "reflection")} (${refs(nums(a.review))}): ${rule}`);
    if (a.goals.length) evidence.push(`reviewed against ${plural(a.goals.length, "goal")}`);
    if (a.review.length === 0) {
      prompts.push(
        a.reviewStarted
          ? `No review yet (this section takes ${rule}): /log reflect text:"…" on how far you met your goals and how your leadership improved.`
          : `No review yet: this section takes ${rule}; from then, /log reflect text:"…" on how far you met your goals and how your leadership improved.`,
      );
    }
    if (a.goals.length === 0) prompts.push('No goal to review: /log goal text:"…"');
    const status = a.review.length === 0 ? "missing" : prompts.length === 0 ? "covered" : "thin";
    out.push({ criterion: "2.3", title: title("2.3"), status, evidence, prompts });
  }
  return out;
}

/** The blocks of one problem's group (or of Other notes). */
function groupBlocks(g: Group, a: Analysis): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  if (g.problem) blocks.push({ kind: "paragraph", text: g.problem.text });
  if (g.questions.length) {
    blocks.push({ kind: "heading", level: 3, text: "Questions that helped" });
    blocks.push({ kind: "bullets", items: g.questions.map((q) => q.text) });
  }
  if (g.actions.length) {
    blocks.push({ kind: "heading", level: 3, text: "Actions agreed and how they went" });
    for (const e of g.actions) {
      const action = a.actionOf.get(e.number);
      const due = action?.due ? `due ${calendarDay(action.due)}` : "no due date";
      blocks.push({ kind: "paragraph", text: `Action #${e.number} (agreed ${dayIn(e.createdAt, a.zone)}, ${due}): ${e.text}` });
      const linked = a.linkedOutcome.get(e.number);
      const outcome = linked ? linked.text : action && hasText(action.outcome) ? action.outcome : null;
      blocks.push({ kind: "paragraph", text: `How I put it into effect: ${outcome ?? "no outcome recorded yet."}` });
      const status = action ? STATUS_TEXT[action.status] : STATUS_TEXT.open;
      const when = action?.outcomeAt && action.status !== "open" ? `, ${dayIn(action.outcomeAt, a.zone)}` : "";
      blocks.push({
        kind: "paragraph",
        text: `How effective: ${effectivenessText(action?.effectiveness ?? null) ?? "not recorded yet"} (${status}${when}).`,
      });
    }
  }
  if (g.outcomes.length) {
    blocks.push({ kind: "heading", level: 3, text: "Outcomes I reported" });
    blocks.push({ kind: "bullets", items: g.outcomes.map((o) => o.text) });
  }
  if (g.reflections.length) {
    blocks.push({ kind: "heading", level: 3, text: "What I learned" });
    for (const r of g.reflections) blocks.push({ kind: "paragraph", text: r.text });
  }
  return blocks;
}

/** The draft M3.37 log: header, Leadership action plan, Leadership log, criteria checklist, warnings. */
export function compileDraft(input: DraftInput): Draft {
  const a = analyse(input);
  const wordCount = memberWords(a);
  const H = DRAFT_HEADINGS;
  const blocks: DraftBlock[] = [];
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: "heading", level, text });
  const para = (text: string) => blocks.push({ kind: "paragraph", text });

  // Leadership action plan
  h(1, H.plan);
  h(2, H.strengths);
  if (a.strengths.length) {
    h(3, "Strengths");
    blocks.push({ kind: "bullets", items: a.strengths.map((e) => e.text) });
  }
  if (a.limitations.length) {
    h(3, "Limitations");
    blocks.push({ kind: "bullets", items: a.limitations.map((e) => e.text) });
  }
  if (!a.strengths.length && !a.limitations.length) para("No strengths or limitations recorded yet.");

  h(2, H.goals);
  if (a.goals.length) {
    h(3, "Goals");
    blocks.push({ kind: "bullets", items: a.goals.map((g, i) => `Goal ${i + 1}: ${g.text}`) });
  } else para("No goals recorded yet.");
  const actionEntries = a.entries.filter((e) => e.kind === "action");
  if (actionEntries.length) {
    h(3, "Actions and timescales");
    blocks.push({
      kind: "table",
      header: ["Action", "Agreed", "Due", "Status", "Where in the log"],
      rows: actionEntries.map((e) => {
        const action = a.actionOf.get(e.number);
        const p = a.problemOfAction.get(e.number) ?? null;
        return [
          `#${e.number}`,
          `${dayIn(e.createdAt, a.zone)}${e.meetingNumber !== null ? ` (meeting ${e.meetingNumber})` : ""}`,
          action?.due ? calendarDay(action.due) : "not set",
          action ? STATUS_TEXT[action.status] : STATUS_TEXT.open,
          p === null ? "Other notes" : `Problem ${p}`,
        ];
      }),
    });
  }
  h(3, "Help and support");
  const advisors =
    input.advisors.length === 0
      ? ""
      : input.advisors.length === 1
        ? `, and its set advisor, ${input.advisors[0]}`
        : `, and its set advisors, ${input.advisors.join(" and ")}`;
  para(`My action learning set, ${input.setName} (${plural(input.attended.length, "meeting")} attended)${advisors}.`);

  h(2, H.method);
  if (a.method.length) for (const e of a.method) para(e.text);
  else para("No reflections on action learning recorded yet.");

  // Leadership log
  h(1, H.log);
  a.problems.forEach((g, i) => {
    const p = g.problem!;
    h(2, `Problem ${i + 1}: ${dayIn(p.createdAt, a.zone)}${p.meetingNumber !== null ? ` (meeting ${p.meetingNumber})` : ""}`);
    blocks.push(...groupBlocks(g, a));
  });
  if (!a.problems.length) para("No problems brought to the set recorded yet.");
  const o = a.other;
  if (o.questions.length || o.actions.length || o.outcomes.length || o.reflections.length) {
    h(2, H.other);
    blocks.push(...groupBlocks(o, a));
  }

  h(2, H.review);
  if (a.goals.length)
    para(`The goals I set (see the action plan): ${a.goals.map((g, i) => `Goal ${i + 1} (${dayIn(g.createdAt, a.zone)})`).join(", ")}.`);
  if (actionEntries.length) {
    const st = (s: DraftAction["status"]) => actionEntries.filter((e) => (a.actionOf.get(e.number)?.status ?? "open") === s).length;
    para(
      `Of my ${plural(actionEntries.length, "action")}: ${st("done")} done, ${st("partly")} partly done, ${st("dropped")} dropped, ${st("open")} still open.`,
    );
  }
  if (a.review.length) for (const e of a.review) para(e.text);
  else para("No review recorded yet.");

  // Checklist and warnings
  const cov = coverage(input, a);
  h(1, H.coverage);
  const STATUS = { covered: "covered", thin: "thin", missing: "missing" } as const;
  blocks.push({
    kind: "table",
    header: ["Criterion", "Status", "Evidence found", "What would fill it"],
    rows: cov.map((c) => [
      `${c.criterion} ${c.title}`,
      STATUS[c.status],
      c.evidence.join("\n") || "none",
      c.prompts.join("\n") || "nothing: covered",
    ]),
  });

  const warnings: string[] = programmeWarnings(input.programmeStart, input.programmeEnd).map((w) => w.message);
  if (wordCount < DRAFT_WORDS.min)
    warnings.push(
      `The draft has ${plural(wordCount, "word")} of your own: M3.37 suggests ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)} (nominal ${thousands(DRAFT_WORDS.nominal)}). Record more, or expand it in your own words.`,
    );
  if (wordCount > DRAFT_WORDS.max)
    warnings.push(
      `The draft has ${thousands(wordCount)} words of your own: M3.37 suggests ${thousands(DRAFT_WORDS.min)}–${thousands(DRAFT_WORDS.max)} (nominal ${thousands(DRAFT_WORDS.nominal)}). Shorten it before submission.`,
    );
  const missing = actionsWithoutOutcome(a);
  if (missing.length) warnings.push(noOutcomeMessage(missing, actionEntries.length));
  if (warnings.length) {
    h(2, H.warnings);
    blocks.push({ kind: "bullets", items: warnings });
  }

  const advisorLabel = input.advisors.length > 1 ? "Set advisors" : "Set advisor";
  const header = [
    { label: "Learner", value: input.learner },
    { label: "Set", value: input.setName },
    { label: advisorLabel, value: input.advisors.length ? input.advisors.join(", ") : "none recorded" },
    { label: "Period covered", value: periodText(input) },
    {
      label: "Meetings attended",
      value: `${input.attended.length} (${hoursText(input.attended.reduce((sum, m) => sum + m.durationMinutes, 0))} in the set)`,
    },
    { label: "Word count", value: wordCountText(wordCount) },
    { label: "Compiled", value: `${dayIn(input.now, a.zone)} (draft)` },
  ];
  return {
    title: `Leadership action plan and learning log (ILM M3.37): ${input.learner}`,
    header,
    blocks,
    coverage: cov,
    wordCount,
    warnings,
  };
}

const CATEGORY: Record<EntryKind, string> = {
  problem: "Problem",
  action: "Action",
  outcome: "Outcome",
  reflect: "Reflection",
  question: "Question",
  strength: "Strength",
  limitation: "Limitation",
  goal: "Goal",
};

/**
 * The evidence CSV's rows: one per entry, plus one per recorded action outcome that is not already an outcome
 * entry (an outcome entry that records an action's outcome is that action's outcome row). Date order (ties: entry
 * number, outcome after its action). `date` is the member's local calendar day (YYYY-MM-DD); `durationMinutes` is
 * blank (entries carry no time spent); `criteria` is the criterion of the draft section the text appears in.
 */
/** The category of the evidence row for each set meeting attended (the only rows with a duration). */
export const MEETING_CATEGORY = "Set meeting attended";

export function evidenceRows(input: DraftInput): EvidenceRow[] {
  const a = analyse(input);
  const iso = (d: Date) => DateTime.fromJSDate(d, { zone: a.zone }).toISODate() ?? "";
  const outcomeCategory = (n: number) => {
    const action = a.actionOf.get(n);
    const detail = [action ? STATUS_TEXT[action.status] : null, effectivenessText(action?.effectiveness ?? null)]
      .filter(Boolean)
      .join(", ");
    return `Action outcome (#${n}${detail ? `, ${detail}` : ""})`;
  };
  const keyed: { at: number; number: number; order: number; row: EvidenceRow }[] = [];
  for (const e of a.entries) {
    const linkedTo = a.outcomeFor.get(e.number);
    keyed.push({
      at: e.createdAt.getTime(),
      number: e.number,
      order: 0,
      row: {
        date: iso(e.createdAt),
        durationMinutes: "",
        category: linkedTo !== undefined ? outcomeCategory(linkedTo) : CATEGORY[e.kind],
        text: e.text,
        criteria: a.placement.get(e.number) ?? "2.2",
      },
    });
  }
  for (const action of a.actionOf.values()) {
    if (!hasText(action.outcome) || a.linkedOutcome.has(action.number)) continue;
    const at = action.outcomeAt ?? action.createdAt;
    keyed.push({
      at: at.getTime(),
      number: action.number,
      order: 1,
      row: { date: iso(at), durationMinutes: "", category: outcomeCategory(action.number), text: action.outcome, criteria: "2.2" },
    });
  }
  for (const m of input.attended) {
    const row = {
      date: iso(m.startsAt),
      durationMinutes: m.durationMinutes,
      category: MEETING_CATEGORY,
      text: `Action learning set meeting ${m.number}: ${input.setName}`,
      criteria: "2.2",
    };
    keyed.push({ at: m.startsAt.getTime(), number: 0, order: -1, row });
  }
  keyed.sort((x, y) => x.at - y.at || x.order - y.order || x.number - y.number);
  return keyed.map((k) => k.row);
}
