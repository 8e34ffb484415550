/**
 * Where each of a member's entries belongs in the draft M3.37 log (pure). Rules, in order:
 * - `strength`, `limitation` → 1.1; `goal` → 1.2, numbered "Goal 1", "Goal 2" … by entry number;
 *   `action-learning` → 2.1, in date order.
 * - `problem` → a problem of the Leadership log (2.2), numbered "Problem 1" … by entry number.
 * - `review` → 2.3, under the goal it names; one whose goal was deleted goes to "Looking back overall".
 * - `question`, `reflect`, `action`, `outcome` that name a problem (`problem`) → under that problem (by link).
 *   An `outcome` that is an action's recorded outcome (same text, what `/log outcome action:N` makes) is shown
 *   once, with its action. An unlinked `reflect` recorded in the programme's last month (from the day one calendar
 *   month before the day after its last day; with no end set, the month up to `now`) → 2.3 "Looking back overall".
 *   Any other unlinked one is placed BY TIME: under the most recent problem recorded at or before it, else under
 *   "Other notes"; the draft lists these so the member can link them.
 * - Presenter turns (meetings the member presented at) are matched to problems: a problem recorded for that
 *   meeting, else the first unmatched problem recorded after the previous meeting ended and within a week of
 *   the turn. A turn with no problem is reported.
 * An Action with no `action` entry is shown from its own text, unlinked.
 */
import { DateTime } from "luxon";
import { dayIn, hasText, validZone } from "./draft-text.ts";
import type { Criterion, DraftAction, DraftEntry, DraftInput, DraftMeeting } from "./draft-types.ts";

export type Group = {
  problem: DraftEntry | null;
  /** 1-based, as "Problem N"; 0 for Other notes. */
  ordinal: number;
  turn: DraftMeeting | null;
  questions: DraftEntry[];
  actions: DraftEntry[];
  outcomes: DraftEntry[];
  reflections: DraftEntry[];
  /** Entry numbers placed here by time (no problem link). */
  byTime: number[];
};

export type Analysis = {
  zone: string;
  entries: DraftEntry[];
  strengths: DraftEntry[];
  limitations: DraftEntry[];
  /** In entry-number order: index + 1 is "Goal N". */
  goals: DraftEntry[];
  method: DraftEntry[];
  problems: Group[];
  other: Group;
  /** goal entry number → its reviews, in date order. */
  reviews: Map<number, DraftEntry[]>;
  /** Unlinked reflections of the last month, and reviews of a deleted goal. */
  overall: DraftEntry[];
  reviewFromDay: string;
  reviewStarted: boolean;
  actionOf: Map<number, DraftAction>;
  /** action number → the outcome entry that recorded its outcome text. */
  linkedOutcome: Map<number, DraftEntry>;
  /** outcome entry number → action number. */
  outcomeFor: Map<number, number>;
  /** entry number → the criterion of the section it belongs to. */
  placement: Map<number, Criterion>;
  /** action number → the group it is shown in. */
  groupOfAction: Map<number, Group>;
  /** goal entry number → its action entries (entry order); and the actions that name no goal. */
  actionsOfGoal: Map<number, DraftEntry[]>;
  unlinkedActions: DraftEntry[];
  /**
   * The member's write-ups (`/log write`), by what they are for: "1.1", "1.2", "2.1", "2.2:N" (problem entry N),
   * "2.3:N" (goal entry N), "2.3" (looking back overall). A write-up also stands where its criterion's reading looks
   * (2.1 with the action-learning entries, 2.2 with its problem's reflections, 2.3 with its goal's reviews or overall),
   * so coverage and word counts count it; the renderers show it in place of that section's fragments.
   */
  written: Map<string, DraftEntry>;
  /** Entries of a section the member has written up: shown in the "my notes" appendix, not counted as its words. */
  inNotes: Set<number>;
  /** The meetings held, in time order; the member's turns with the problem matched to each (or null). */
  held: DraftMeeting[];
  turns: { meeting: DraftMeeting; problem: DraftEntry | null }[];
};

const byTime = (a: { createdAt: Date; number: number }, b: { createdAt: Date; number: number }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;
const emptyGroup = (problem: DraftEntry | null, ordinal: number): Group => ({
  problem,
  ordinal,
  turn: null,
  questions: [],
  actions: [],
  outcomes: [],
  reflections: [],
  byTime: [],
});
const WEEK_MS = 7 * 86_400_000;

/** Places every entry (see the module comment). */
export function analyse(input: DraftInput): Analysis {
  const zone = validZone(input.timeZone);
  const actionOf = new Map(input.actions.map((a) => [a.number, a]));
  const entryNumbers = new Set(input.entries.map((e) => e.number));
  const synthesized: DraftEntry[] = input.actions
    .filter((a) => !entryNumbers.has(a.number))
    .map((a) => ({ number: a.number, kind: "action", text: a.text, createdAt: a.createdAt, meetingNumber: a.meetingNumber }));
  const entries = [...input.entries, ...synthesized].sort(byTime);
  const byNumber = (kind: DraftEntry["kind"]) => entries.filter((e) => e.kind === kind).sort((x, y) => x.number - y.number);

  // Outcome entries that are an action's recorded outcome (same text): shown once, with the action.
  const linkedOutcome = new Map<number, DraftEntry>();
  const outcomeFor = new Map<number, number>();
  for (const action of [...input.actions].sort(byTime)) {
    if (!hasText(action.outcome)) continue;
    const text = action.outcome.trim();
    const free = (e: DraftEntry) => e.kind === "outcome" && !outcomeFor.has(e.number) && e.text.trim() === text;
    const match = entries.find((e) => free(e) && e.createdAt >= action.createdAt) ?? entries.find(free);
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

  const goals = byNumber("goal");
  const problemEntries = byNumber("problem");
  const problems = problemEntries.map((p, i) => emptyGroup(p, i + 1));
  const groupOfProblem = new Map(problems.map((g) => [g.problem!.number, g]));
  const goalNumbers = new Set(goals.map((g) => g.number));

  const a: Analysis = {
    zone,
    entries,
    strengths: [],
    limitations: [],
    goals,
    method: [],
    problems,
    other: emptyGroup(null, 0),
    reviews: new Map(goals.map((g) => [g.number, []])),
    overall: [],
    reviewFromDay: dayIn(reviewFrom.toJSDate(), zone),
    reviewStarted: nowLocal.toMillis() >= reviewFromMs,
    actionOf,
    linkedOutcome,
    outcomeFor,
    placement: new Map(),
    groupOfAction: new Map(),
    actionsOfGoal: new Map(goals.map((g) => [g.number, []])),
    unlinkedActions: [],
    written: new Map(),
    inNotes: new Set(),
    held: [...input.meetings].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()),
    turns: [],
  };

  /** The group an entry goes to: its linked problem, else the latest problem recorded at or before it. */
  const groupFor = (e: DraftEntry): Group => {
    const linked = e.problem !== null && e.problem !== undefined ? groupOfProblem.get(e.problem) : undefined;
    if (linked) return linked;
    const earlier = problems.filter((g) => byTime(g.problem!, e) <= 0).sort((x, y) => byTime(x.problem!, y.problem!));
    const g = earlier.at(-1) ?? a.other;
    g.byTime.push(e.number);
    return g;
  };
  const isLinked = (e: DraftEntry) => e.problem !== null && e.problem !== undefined && groupOfProblem.has(e.problem);

  for (const e of entries) {
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
        a.placement.set(e.number, "1.2");
        break;
      case "action-learning":
        a.method.push(e);
        a.placement.set(e.number, "2.1");
        break;
      case "problem":
        a.placement.set(e.number, "2.2");
        break;
      case "review": {
        const list = e.goal !== null && e.goal !== undefined && goalNumbers.has(e.goal) ? a.reviews.get(e.goal)! : a.overall;
        list.push(e);
        a.placement.set(e.number, "2.3");
        break;
      }
      case "reflect":
        if (!isLinked(e) && e.createdAt.getTime() >= reviewFromMs) {
          a.overall.push(e);
          a.placement.set(e.number, "2.3");
        } else {
          groupFor(e).reflections.push(e);
          a.placement.set(e.number, "2.2");
        }
        break;
      case "question":
        groupFor(e).questions.push(e);
        a.placement.set(e.number, "2.2");
        break;
      case "action": {
        const g = groupFor(e);
        g.actions.push(e);
        a.groupOfAction.set(e.number, g);
        a.placement.set(e.number, "2.2");
        const goal = e.goal !== null && e.goal !== undefined ? a.actionsOfGoal.get(e.goal) : undefined;
        if (goal) goal.push(e);
        else a.unlinkedActions.push(e);
        break;
      }
      case "outcome":
        a.placement.set(e.number, "2.2");
        if (outcomeFor.has(e.number)) break;
        groupFor(e).outcomes.push(e);
        break;
      case "write":
        placeWriteUp(a, e, groupOfProblem, goalNumbers);
        break;
    }
  }
  for (const list of a.actionsOfGoal.values()) list.sort((x, y) => x.number - y.number);
  moveToNotes(a);
  matchTurns(a, problemEntries, groupOfProblem);
  return a;
}

/** The fragments each write-up replaces (see `Analysis.inNotes`): no longer placed, so not counted. */
function moveToNotes(a: Analysis): void {
  const notes = (es: DraftEntry[]) => {
    for (const e of es) if (e.kind !== "write") a.inNotes.add(e.number);
  };
  for (const key of a.written.keys()) {
    const [section, n] = key.split(":");
    const linked = n === undefined ? null : Number(n);
    if (section === "1.1") notes([...a.strengths, ...a.limitations]);
    else if (section === "1.2") notes(a.goals);
    else if (section === "2.1") notes(a.method);
    else if (section === "2.2" && linked !== null) {
      const g = a.problems.find((x) => x.problem!.number === linked)!;
      const outcomes = g.actions.flatMap((e) => a.linkedOutcome.get(e.number) ?? []);
      notes([g.problem!, ...g.questions, ...g.actions, ...outcomes, ...g.outcomes, ...g.reflections]);
    } else if (section === "2.3") notes(linked !== null ? (a.reviews.get(linked) ?? []) : a.overall);
  }
  for (const n of a.inNotes) a.placement.delete(n);
}

/** Where a write-up stands (see `Analysis.written`); a later one for the same place replaces an earlier one. */
function placeWriteUp(a: Analysis, e: DraftEntry, groupOfProblem: Map<number, Group>, goalNumbers: Set<number>): void {
  const section = (e.section ?? "") as Criterion;
  if (!["1.1", "1.2", "2.1", "2.2", "2.3"].includes(section)) return;
  a.placement.set(e.number, section);
  const problem = e.problem !== null && e.problem !== undefined ? groupOfProblem.get(e.problem) : undefined;
  const goal = e.goal !== null && e.goal !== undefined && goalNumbers.has(e.goal) ? e.goal : undefined;
  const key =
    section === "2.2" && problem ? `2.2:${problem.problem!.number}` : section === "2.3" && goal !== undefined ? `2.3:${goal}` : section;
  const before = a.written.get(key);
  if (before) a.placement.delete(before.number);
  a.written.set(key, e);
  if (section === "2.1") a.method.push(e);
  else if (section === "2.2" && problem) problem.reflections.push(e);
  else if (section === "2.3") (goal !== undefined ? a.reviews.get(goal)! : a.overall).push(e);
}

/** Pairs each presenter turn with the problem brought to it (see the module comment). */
function matchTurns(a: Analysis, problems: DraftEntry[], groupOfProblem: Map<number, Group>): void {
  const used = new Set<number>();
  a.held.forEach((m, i) => {
    if (!m.presented) return;
    const previous = a.held[i - 1];
    const from = previous ? previous.startsAt.getTime() + previous.durationMinutes * 60_000 : -Infinity;
    const to = m.startsAt.getTime() + WEEK_MS;
    const problem =
      problems.find((p) => !used.has(p.number) && p.meetingNumber === m.number) ??
      problems.find((p) => !used.has(p.number) && p.createdAt.getTime() > from && p.createdAt.getTime() <= to) ??
      null;
    if (problem) {
      used.add(problem.number);
      groupOfProblem.get(problem.number)!.turn = m;
    }
    a.turns.push({ meeting: m, problem });
  });
}
