/**
 * The criteria checklist of the draft M3.37 log (pure), which is also the coaching reading of a member's log (the
 * coaching DMs and the replies that suggest a next step read it): for each of 1.1, 1.2, 2.1, 2.2, 2.3, the evidence
 * found (by entry number and count, never the member's text), what is thin or missing with the command that fills
 * it, the member's own words against the criterion's target, and the steps that would fill it, most valuable first.
 * Status: `missing` when the criterion has no evidence at all; `covered` when each thing its prompts ask for is
 * there and the words reach the target; `thin` otherwise. The rules per criterion are next to each block below;
 * they read the criteria as the mark sheet does: 2.1 in its three parts, 2.2 problem by problem, 2.3 goal by goal.
 */

import { plural } from "../text/plural.ts";
import { dayEnds } from "../time/calendar-date.ts";
import { ACTION_LEARNING_PARTS, type ActionLearningPart, actionLearningParts } from "./action-learning-parts.ts";
import type { Analysis, Group } from "./analysis.ts";
import { missingMeasureOrTime, readSmartGoal } from "./smart-goal.ts";
import { countWords, effectivenessText, hasText, refs } from "./text.ts";
import type { CoachStep, Coverage, Criterion, CriterionReading, DraftBlock, DraftEntry } from "./types.ts";

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

/**
 * Each criterion's share of the words: the least of the unit's suggested 1,000–2,000 (M3.37 Appendix B: "nominal
 * 1,200, suggested 1,000 to 2,000"), split like the marks (the action plan 40 of 100, the log 60). The plan's 400
 * go 120 to each of 1.1 and 1.2 and 160 to 2.1, which asks for three things (about 50 words each); the log's 600 go
 * 400 to 2.2 (the record of every problem brought, the bulk of the log: about 130 words a problem for three) and 200
 * to 2.3 (the review of each goal: about 80 words a goal for two, and a closing reflection). A member
 * who reaches every target has the least the unit suggests in every part; the draft's own table of words per
 * section (src/domain/draft/compile.ts) shows the nominal 1,200 split the same way.
 */
export const CRITERION_WORDS: Record<Criterion, number> = { "1.1": 120, "1.2": 120, "2.1": 160, "2.2": 400, "2.3": 200 };

/** The fewest words a goal's review can say how well it was met, how, the evidence and what next in: a few sentences. */
const REVIEW_WORDS = 25;

/**
 * The member's words in each criterion's sections: each entry once, where it belongs; sources and support too; and
 * their replies to their advisor's reviews (their reflection on feedback, evidence for 2.3). The advisor's own words
 * are never counted.
 */
export function wordsByCriterion(a: Analysis): Record<Criterion, number> {
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
  for (const reply of a.reviewReplies) words["2.3"] += countWords(reply);
  return words;
}

const nums = (es: DraftEntry[]) => es.map((e) => e.number);
const step = (criterion: Criterion, text: string, command: string, form: string | null, label: string): CoachStep => ({
  criterion,
  text,
  command,
  form,
  label,
  fills: "part",
});
/** A step that records an entry of this kind: its button opens the entry form (src/app/entry-form.ts). */
const logStep = (criterion: Criterion, text: string, kind: string, options: string, label: string) =>
  step(criterion, text, `/log ${kind} ${options}`.trim(), `/log ${kind}`, label);
const title = (c: Criterion) => CRITERIA.find((x) => x.criterion === c)!.title;
const statusOf = (hasEvidence: boolean, prompts: string[]): Coverage["status"] =>
  !hasEvidence ? "missing" : prompts.length === 0 ? "covered" : "thin";

/** Action entries with no recorded outcome. */
export function actionsWithoutOutcome(a: Analysis): number[] {
  return a.entries
    .filter((e) => e.kind === "action")
    .map((e) => e.number)
    .filter((n) => !hasText(a.actionOf.get(n)?.outcome ?? null));
}

/** "No outcome recorded for 2 of your 5 actions (#18, #26): …"; `whose` names someone else's ("Ana's") for an advisor. */
export function noOutcomeMessage(missing: number[], total: number, whose = "your"): string {
  const command = '/action done action:N text:"…" effective:very|somewhat|not';
  const how = whose === "your" ? `: ${command}` : ` (the member records one with ${command})`;
  return `No outcome recorded for ${missing.length} of ${whose} ${plural(total, "action")} (${refs(missing)})${how}`;
}

/** The criteria checklist as the appendix shows it: each criterion, its status, the evidence found and what would fill it. */
export function checklistTable(cov: Coverage<string>[]): DraftBlock {
  return {
    kind: "table",
    header: ["Criterion", "Status", "Evidence found", "What would fill it"],
    rows: cov.map((c) => [
      `${c.criterion} ${c.title}`,
      c.status,
      c.evidence.join("\n") || "none",
      c.prompts.join("\n") || "nothing: covered",
    ]),
  };
}

/**
 * The checklist rows, in criterion order, each with the member's words against its target and its steps. A
 * criterion whose prompts are all met but whose words are under the target is `thin`, with a prompt and a step
 * saying so.
 */
export function coverage(a: Analysis): CriterionReading[] {
  const words = wordsByCriterion(a);
  return [strengths(a), plan(a), method(a), log(a), review(a)].map(({ row, steps }) => {
    const target = CRITERION_WORDS[row.criterion];
    const own = words[row.criterion];
    const short = own < target;
    const prompts = short ? [...row.prompts, `${own} of about ${target} words of your own: ${wordsHint(row.criterion)}`] : row.prompts;
    const status = row.status === "covered" && short ? "thin" : row.status;
    const more = short && row.status !== "missing" ? [{ ...moreWordsStep(a, row.criterion, own, target), fills: "words" as const }] : [];
    return {
      ...row,
      status,
      prompts,
      evidence: [...row.evidence, `${own} of about ${target} words`],
      words: own,
      target,
      steps: [...steps, ...more],
    };
  });
}

const WORDS_HINT: Record<Criterion, string> = {
  "1.1": "say what each strength and limitation looks like at work, with an example, and where you learned it",
  "1.2": "say for each goal what you will do, by when, and who or what will help",
  "2.1": "say what action learning is, what you owe the set, and how it is changing how you lead",
  "2.2": "say for each problem what the set asked, what you did, how well it worked and what you learned",
  "2.3": "say for each goal how well you met it, how you improved, your evidence and what next",
};
const wordsHint = (c: Criterion) => WORDS_HINT[c];

/** The step for a criterion whose parts are there but whose words are short: the part with the fewest words. */
function moreWordsStep(a: Analysis, c: Criterion, own: number, target: number): CoachStep {
  const need = `${c}: ${own} of about ${target} words so far`;
  switch (c) {
    case "1.1":
      // The side with fewer entries: a plan of one strength and three limitations needs a strength next.
      return a.strengths.length < a.limitations.length
        ? logStep(
            c,
            `${need}. Add another leadership strength, with an example of when it showed at work and where you learned it (feedback, your reflective review).`,
            "strength",
            'text:"…" source:"…"',
            "Add a strength",
          )
        : logStep(
            c,
            `${need}. Add another limitation you want to work on, with an example of when it showed at work and where you learned it.`,
            "limitation",
            'text:"…" source:"…"',
            "Add a limitation",
          );
    case "1.2": {
      // A goal's words and an action's help count here (an action's own words are the log's, 2.2).
      if (a.goals.length < 2)
        return logStep(
          c,
          `${need}. Set a goal for another limitation: what you will do differently, how you will know, and by when.`,
          "goal",
          'text:"…"',
          "Set a goal",
        );
      const goal = a.goals.findIndex((g) => (a.actionsOfGoal.get(g.number) ?? []).length < 2) + 1 || 1;
      return logStep(
        c,
        `${need}. Add another action for goal ${goal}: what you will do, by when, and who will help and how.`,
        "action",
        `text:"…" due:"…" goal:${goal} support:"…"`,
        "Add an action",
      );
    }
    case "2.1":
      return logStep(
        c,
        `${need}. Add an example of something the set did that changed how you lead: two or three sentences will do.`,
        "action-learning",
        'text:"…"',
        "Write about action learning",
      );
    case "2.2": {
      const thinnest = [...a.problems].sort((x, y) => groupWords(x) - groupWords(y))[0];
      const n = thinnest?.ordinal ?? 1;
      return logStep(
        c,
        `${need}. Problem ${n} has the fewest: what did you learn from it, and what would you do differently?`,
        "reflect",
        `text:"…" problem:${n}`,
        "Add a reflection",
      );
    }
    case "2.3":
      return a.reviewStarted || a.goals.length === 0
        ? logStep(
            c,
            `${need}. Looking back over the whole programme: how do you lead differently now, and what is your evidence?`,
            "reflect",
            'text:"…"',
            "Add a closing reflection",
          )
        : logStep(
            c,
            `${need}. In the programme's last month (from ${a.reviewFromDay}) you will review each goal.`,
            "review",
            'goal:1 text:"…"',
            "Review a goal",
          );
  }
}

const groupWords = (g: Group) =>
  [g.problem, ...g.questions, ...g.actions, ...g.outcomes, ...g.reflections].reduce((n, e) => n + countWords(e?.text), 0);

type Read = { row: Coverage; steps: CoachStep[] };

/** 1.1: a strength and a limitation; thin while none says where it comes from (the task's Reflective Review). */
function strengths(a: Analysis): Read {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const steps: CoachStep[] = [];
  const all = [...a.strengths, ...a.limitations];
  if (a.strengths.length) evidence.push(`${plural(a.strengths.length, "strength")} (${refs(nums(a.strengths))})`);
  else {
    prompts.push('No strength recorded yet: /log strength text:"…" source:"…"');
    steps.push(
      logStep(
        "1.1",
        "1.1: name one leadership strength and where it comes from (your reflective review, feedback from others): a sentence will do.",
        "strength",
        'text:"…" source:"…"',
        "Record a strength",
      ),
    );
  }
  if (a.limitations.length) evidence.push(`${plural(a.limitations.length, "limitation")} (${refs(nums(a.limitations))})`);
  else {
    prompts.push('No limitation recorded yet: /log limitation text:"…" source:"…"');
    steps.push(
      logStep(
        "1.1",
        "1.1: name one limitation you want to work on and where it comes from (your reflective review, feedback from others): a sentence will do.",
        "limitation",
        'text:"…" source:"…"',
        "Record a limitation",
      ),
    );
  }
  const sourced = all.filter((e) => hasText(e.source));
  if (sourced.length) evidence.push(`${sourced.length} with a source`);
  else if (all.length) {
    prompts.push(
      'None says where it comes from (the task asks you to use your Reflective Review): /log edit entry:N source:"360 feedback"',
    );
    const first = all[0]!.number;
    steps.push(
      step(
        "1.1",
        `1.1: say where entry #${first} comes from (your reflective review, feedback from others): a few words will do.`,
        `/log edit entry:${first} source:"…"`,
        null,
        "Add its source",
      ),
    );
  }
  return { row: { criterion: "1.1", title: title("1.1"), status: statusOf(all.length > 0, prompts), evidence, prompts }, steps };
}

/** 1.2: goals with a measure and a time frame, each served by an action with a due date, help and support named. */
function plan(a: Analysis): Read {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const steps: CoachStep[] = [];
  const actions = a.entries.filter((e) => e.kind === "action");
  const withDue = actions.filter((e) => a.actionOf.get(e.number)?.due);
  const withSupport = actions.filter((e) => hasText(e.support));
  if (a.goals.length) evidence.push(`${plural(a.goals.length, "goal")} (${refs(nums(a.goals))})`);
  else {
    prompts.push('No goal recorded yet: /log goal text:"…"');
    const limit = a.limitations[0];
    steps.push(
      logStep(
        "1.2",
        `1.2: set a goal${limit ? ` for your limitation #${limit.number}` : ""}: what you will do differently, how you will know, and by when.`,
        "goal",
        'text:"…"',
        "Set a goal",
      ),
    );
  }
  if (actions.length)
    evidence.push(
      `${plural(actions.length, "action")}: ${withDue.length} with a due date, ${withSupport.length} naming help and support, ${actions.length - a.unlinkedActions.length} linked to a goal`,
    );
  a.goals.forEach((g, i) => {
    const gap = missingMeasureOrTime(readSmartGoal(g.text));
    if (gap) {
      prompts.push(`Goal ${i + 1} (#${g.number}) seems to lack ${gap}: /log edit entry:${g.number} text:"…"`);
      steps.push(
        step(
          "1.2",
          `1.2: goal ${i + 1} seems to lack ${gap}: rewrite it with how you will know and by when.`,
          `/log edit entry:${g.number} text:"…"`,
          null,
          "Edit the goal",
        ),
      );
    }
    if ((a.actionsOfGoal.get(g.number) ?? []).length === 0) {
      prompts.push(`Goal ${i + 1} has no action: /log action text:"…" due:"…" goal:${i + 1}, or /log edit entry:N goal:${i + 1}`);
      steps.push(
        logStep(
          "1.2",
          `1.2: goal ${i + 1} has no action yet: what will you do first, by when, and who will help?`,
          "action",
          `text:"…" due:"…" goal:${i + 1} support:"…"`,
          "Add an action",
        ),
      );
    }
  });
  if (actions.length && withDue.length === 0) {
    prompts.push("None of your actions has a due date: /log edit entry:N due:2027-03-31");
    const first = actions[0]!.number;
    steps.push(
      step(
        "1.2",
        `1.2: none of your actions has a due date: give #${first} one.`,
        `/log edit entry:${first} due:"…"`,
        null,
        "Add a due date",
      ),
    );
  }
  if (actions.length && withSupport.length === 0) {
    prompts.push('No action names who or what will help: /log edit entry:N support:"my manager, who…"');
    const first = actions[0]!.number;
    steps.push(
      step(
        "1.2",
        `1.2: no action says who or what will help you (your manager, a colleague, the set, a course): add it to #${first}.`,
        `/log edit entry:${first} support:"…"`,
        null,
        "Name the help",
      ),
    );
  }
  if (a.goals.length && a.unlinkedActions.length)
    prompts.push(`Not linked to a goal: ${refs(nums(a.unlinkedActions))}: /log edit entry:N goal:M (if it serves one)`);
  // Unlinked actions are a prompt, not a gap: an action may rightly serve a problem and no goal.
  const gaps = prompts.filter((p) => !p.startsWith("Not linked"));
  const status = a.goals.length === 0 ? "missing" : gaps.length === 0 ? "covered" : "thin";
  return { row: { criterion: "1.2", title: title("1.2"), status, evidence, prompts }, steps };
}

const PART_SHORT: Record<ActionLearningPart, string> = {
  nature: "what action learning is and its benefits",
  responsibilities: "a member's responsibilities in the set",
  development: "its role in your own development",
};
/** 2.1: the question that fills each part, small enough to answer in a sentence or two. */
export const ACTION_LEARNING_ASKS: Record<ActionLearningPart, string> = {
  nature: "what is action learning, and what does it give you that a course does not?",
  responsibilities:
    "what do you owe the set as a member (preparing, confidentiality, questions rather than advice, doing what you agreed)?",
  development: "how is the set changing how you lead? Give an example.",
};

/** 2.1: action-learning entries that touch all three parts of the criterion. */
function method(a: Analysis): Read {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const steps: CoachStep[] = [];
  const parts = actionLearningParts(a.method.map((e) => e.text));
  if (a.method.length)
    evidence.push(`${plural(a.method.length, "action-learning entry", "action-learning entries")} (${refs(nums(a.method))})`);
  const missing = ACTION_LEARNING_PARTS.filter((p) => !parts.includes(p.part));
  if (a.method.length && parts.length)
    evidence.push(
      `touching ${ACTION_LEARNING_PARTS.filter((p) => parts.includes(p.part))
        .map((p) => p.name)
        .join("; ")}`,
    );
  if (missing.length)
    prompts.push(
      `${a.method.length ? "Not yet touched" : "Nothing recorded yet on"}: ${missing.map((p) => p.name).join("; ")}: /log action-learning text:"…"`,
    );
  const touched = ACTION_LEARNING_PARTS.filter((p) => parts.includes(p.part));
  for (const p of missing)
    steps.push({
      ...logStep(
        "2.1",
        `2.1: ${touched.length ? `you have written about ${touched.map((t) => PART_SHORT[t.part]).join(" and ")}, not yet about ${PART_SHORT[p.part]}` : `nothing yet on ${PART_SHORT[p.part]}`}: ${ACTION_LEARNING_ASKS[p.part]} Two or three sentences will do.`,
        "action-learning",
        'text:"…"',
        "Write about action learning",
      ),
      part: p.part,
    });
  return { row: { criterion: "2.1", title: title("2.1"), status: statusOf(a.method.length > 0, prompts), evidence, prompts }, steps };
}

/** 2.2: problems, each with a question and an action; every action's outcome and effectiveness; every turn's problem. */
function log(a: Analysis): Read {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const steps: CoachStep[] = [];
  const all = [...a.problems, a.other];
  const count = (pick: (g: (typeof all)[number]) => DraftEntry[]) => all.reduce((n, g) => n + pick(g).length, 0);
  const actions = a.entries.filter((e) => e.kind === "action");
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
    steps.push(
      logStep(
        "2.2",
        "2.2: what problem are you bringing (or did you bring) to the set? A sentence on what it is and why it matters to you as a leader.",
        "problem",
        'text:"…"',
        "Record my problem",
      ),
    );
  }
  const turns = a.turns.filter((t) => t.problem !== null).length;
  if (a.turns.length) evidence.push(`${turns} of ${plural(a.turns.length, "presenter turn")} with a problem logged`);
  for (const t of a.turns)
    if (!t.problem) {
      prompts.push(
        `You presented at meeting ${t.meeting.number} but logged no problem for it: /log problem meeting:${t.meeting.number} text:"…"`,
      );
      steps.push(
        logStep(
          "2.2",
          `2.2: you presented at meeting ${t.meeting.number} but logged no problem for it: which problem did you bring?`,
          "problem",
          `meeting:${t.meeting.number} text:"…"`,
          "Record my problem",
        ),
      );
    }
  for (const g of a.problems) {
    const label = `Problem ${g.ordinal} (#${g.problem!.number})`;
    if (g.questions.length === 0) {
      prompts.push(`${label} has no question that helped: /log question text:"…" problem:${g.ordinal}`);
      steps.push(
        logStep(
          "2.2",
          `2.2: problem ${g.ordinal}: which question from the set helped you most, and why? A sentence will do.`,
          "question",
          `text:"…" problem:${g.ordinal}`,
          "Record the question",
        ),
      );
    }
    if (g.actions.length === 0) {
      prompts.push(`${label} has no action agreed: /log action text:"…" problem:${g.ordinal}`);
      steps.push(
        logStep(
          "2.2",
          `2.2: problem ${g.ordinal}: which action did you agree with the set, and by when?`,
          "action",
          `text:"…" due:"…" problem:${g.ordinal}`,
          "Record an action",
        ),
      );
    }
    for (const e of g.actions) {
      const n = e.number;
      // How an action went is asked once it is due (its day is over), or two weeks after it was agreed, and of every
      // action in the programme's last month.
      const act = a.actionOf.get(n);
      const dueBy = act?.due ? dayEnds(act.due).getTime() : (act?.createdAt.getTime() ?? 0) + 14 * 86_400_000;
      // An open action not yet due is asked nothing: neither how it went nor how effective it was.
      if (missing.includes(n)) {
        if (a.reviewStarted || a.now.getTime() >= dueBy)
          steps.push(
            step(
              "2.2",
              `2.2: action #${n} (problem ${g.ordinal}): how did you put it into effect, and how effective was it?`,
              `/action done action:${n} text:"…" effective:very|somewhat|not`,
              "/log outcome",
              `Action #${n}: how it went`,
            ),
          );
      } else if (effectivenessText(a.actionOf.get(n)?.effectiveness ?? null) === null)
        steps.push(
          step(
            "2.2",
            `2.2: action #${n} (problem ${g.ordinal}): how effective was it: very, somewhat or not?`,
            `/action done action:${n} effective:very|somewhat|not`,
            null,
            `Action #${n}: how effective`,
          ),
        );
    }
    const closed = g.actions.length > 0 && g.actions.every((e) => a.actionOf.get(e.number)?.status !== "open");
    if (closed && g.reflections.length === 0) {
      prompts.push(`${label} has no reflection on what you learned: /log reflect text:"…" problem:${g.ordinal}`);
      steps.push(
        logStep(
          "2.2",
          `2.2: problem ${g.ordinal}'s actions are closed: what did you learn from it as a leader? Two sentences will do.`,
          "reflect",
          `text:"…" problem:${g.ordinal}`,
          "What I learned",
        ),
      );
    }
  }
  if (missing.length) prompts.push(noOutcomeMessage(missing, actions.length));
  const unrated = actions
    .map((e) => e.number)
    .filter((n) => !missing.includes(n) && effectivenessText(a.actionOf.get(n)?.effectiveness ?? null) === null);
  if (unrated.length)
    prompts.push(
      `How effective not recorded for ${plural(unrated.length, "action")} (${refs(unrated)}): /action done action:N effective:very|somewhat|not`,
    );
  const byTime = all.flatMap((g) => g.byTime);
  if (byTime.length) prompts.push(`Placed by date, not linked to a problem: ${refs(byTime)}: /log edit entry:N problem:M`);
  const gaps = prompts.filter((p) => !p.startsWith("Placed by date"));
  const status = a.problems.length === 0 ? "missing" : gaps.length === 0 ? "covered" : "thin";
  return { row: { criterion: "2.2", title: title("2.2"), status, evidence, prompts }, steps };
}

/** 2.3: covered only when every goal has the member's own review of a few sentences; then a closing reflection is asked for. */
function review(a: Analysis): Read {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const steps: CoachStep[] = [];
  const reviewed = a.goals.filter((g) => (a.reviews.get(g.number) ?? []).length > 0);
  const reviewCount = [...a.reviews.values()].reduce((n, list) => n + list.length, 0);
  if (a.goals.length) evidence.push(`${reviewed.length} of ${plural(a.goals.length, "goal")} reviewed (${plural(reviewCount, "review")})`);
  if (a.overall.length) evidence.push(`${plural(a.overall.length, "closing reflection")} (${refs(nums(a.overall))})`);
  if (a.goals.length === 0) prompts.push('No goal to review: /log goal text:"…"');
  const ask = "how well you met it, how you improved, your evidence, next steps";
  a.goals.forEach((g, i) => {
    const reviews = a.reviews.get(g.number) ?? [];
    if (!reviews.length) {
      prompts.push(
        `Goal ${i + 1} has no review${a.reviewStarted ? "" : ` (the programme's last month starts ${a.reviewFromDay})`}: /log review goal:${i + 1} text:"…"`,
      );
      steps.push(logStep("2.3", `2.3: review goal ${i + 1}: ${ask}.`, "review", `goal:${i + 1} text:"…"`, `Review goal ${i + 1}`));
    } else if (reviews.reduce((n, e) => n + countWords(e.text), 0) < REVIEW_WORDS) {
      prompts.push(`Goal ${i + 1}'s review is short: ${ask}: /log review goal:${i + 1} text:"…"`);
      steps.push(
        logStep("2.3", `2.3: goal ${i + 1}'s review is short: add ${ask}.`, "review", `goal:${i + 1} text:"…"`, `Review goal ${i + 1}`),
      );
    }
  });
  const reviewedFully = a.goals.filter((g) => (a.reviews.get(g.number) ?? []).reduce((n, e) => n + countWords(e.text), 0) >= REVIEW_WORDS);
  if (a.goals.length > 0 && reviewedFully.length === a.goals.length && a.overall.length === 0) {
    prompts.push('No closing reflection on the programme as a whole: /log reflect text:"…" (in its last month)');
    steps.push(
      logStep(
        "2.3",
        "2.3: a closing reflection: looking back over the programme, how do you lead differently now, and what is your evidence?",
        "reflect",
        'text:"…"',
        "Closing reflection",
      ),
    );
  }
  const hasEvidence = reviewCount > 0 || a.overall.length > 0;
  // The closing reflection is asked for, but a review of every goal is what the criterion needs.
  const complete = a.goals.length > 0 && reviewedFully.length === a.goals.length;
  const status = !hasEvidence ? "missing" : complete ? "covered" : "thin";
  return { row: { criterion: "2.3", title: title("2.3"), status, evidence, prompts }, steps };
}
