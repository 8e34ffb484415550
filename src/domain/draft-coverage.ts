/**
 * The criteria checklist of the draft M3.37 log (pure): for each of 1.1, 1.2, 2.1, 2.2, 2.3, the evidence found (by
 * entry number and count, never the member's text) and what is thin or missing, with the command that fills it.
 * Status: `missing` when the criterion has no evidence at all; `covered` when each thing its prompts ask for is
 * there; `thin` otherwise. The rules per criterion are next to each block below.
 */
import { ACTION_LEARNING_PARTS, actionLearningParts } from "./action-learning-parts.ts";
import type { Analysis } from "./draft-analysis.ts";
import { effectivenessText, hasText, plural, refs } from "./draft-text.ts";
import type { Coverage, Criterion, DraftBlock, DraftEntry } from "./draft-types.ts";
import { missingMeasureOrTime, readSmartGoal } from "./smart-goal.ts";

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

const nums = (es: DraftEntry[]) => es.map((e) => e.number);
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

/** The checklist rows, in criterion order. */
export function coverage(a: Analysis): Coverage[] {
  return [strengths(a), plan(a), method(a), log(a), review(a)];
}

/** 1.1: a strength and a limitation; thin while none says where it comes from (the task's Reflective Review). */
function strengths(a: Analysis): Coverage {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const all = [...a.strengths, ...a.limitations];
  if (a.strengths.length) evidence.push(`${plural(a.strengths.length, "strength")} (${refs(nums(a.strengths))})`);
  else prompts.push('No strength recorded yet: /log strength text:"…" source:"…"');
  if (a.limitations.length) evidence.push(`${plural(a.limitations.length, "limitation")} (${refs(nums(a.limitations))})`);
  else prompts.push('No limitation recorded yet: /log limitation text:"…" source:"…"');
  const sourced = all.filter((e) => hasText(e.source));
  if (sourced.length) evidence.push(`${sourced.length} with a source`);
  else if (all.length)
    prompts.push(
      'None says where it comes from (the task asks you to use your Reflective Review): /log edit entry:N source:"360 feedback"',
    );
  return { criterion: "1.1", title: title("1.1"), status: statusOf(all.length > 0, prompts), evidence, prompts };
}

/** 1.2: goals with a measure and a time frame, each served by an action with a due date, help and support named. */
function plan(a: Analysis): Coverage {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const actions = a.entries.filter((e) => e.kind === "action");
  const withDue = actions.filter((e) => a.actionOf.get(e.number)?.due);
  const withSupport = actions.filter((e) => hasText(e.support));
  if (a.goals.length) evidence.push(`${plural(a.goals.length, "goal")} (${refs(nums(a.goals))})`);
  else prompts.push('No goal recorded yet: /log goal text:"…"');
  if (actions.length)
    evidence.push(
      `${plural(actions.length, "action")}: ${withDue.length} with a due date, ${withSupport.length} naming help and support, ${actions.length - a.unlinkedActions.length} linked to a goal`,
    );
  a.goals.forEach((g, i) => {
    const gap = missingMeasureOrTime(readSmartGoal(g.text));
    if (gap) prompts.push(`Goal ${i + 1} (#${g.number}) seems to lack ${gap}: /log edit entry:${g.number} text:"…"`);
    if ((a.actionsOfGoal.get(g.number) ?? []).length === 0)
      prompts.push(`Goal ${i + 1} has no action: /log action text:"…" due:"…" goal:${i + 1}, or /log edit entry:N goal:${i + 1}`);
  });
  if (actions.length && withDue.length === 0) prompts.push("None of your actions has a due date: /log edit entry:N due:2027-03-31");
  if (actions.length && withSupport.length === 0)
    prompts.push('No action names who or what will help: /log edit entry:N support:"my manager, who…"');
  if (a.goals.length && a.unlinkedActions.length)
    prompts.push(`Not linked to a goal: ${refs(nums(a.unlinkedActions))}: /log edit entry:N goal:M (if it serves one)`);
  // Unlinked actions are a prompt, not a gap: an action may rightly serve a problem and no goal.
  const gaps = prompts.filter((p) => !p.startsWith("Not linked"));
  const status = a.goals.length === 0 ? "missing" : gaps.length === 0 ? "covered" : "thin";
  return { criterion: "1.2", title: title("1.2"), status, evidence, prompts };
}

/** 2.1: action-learning entries that touch all three parts of the criterion. */
function method(a: Analysis): Coverage {
  const evidence: string[] = [];
  const prompts: string[] = [];
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
  return { criterion: "2.1", title: title("2.1"), status: statusOf(a.method.length > 0, prompts), evidence, prompts };
}

/** 2.2: problems, each with a question and an action; every action's outcome and effectiveness; every turn's problem. */
function log(a: Analysis): Coverage {
  const evidence: string[] = [];
  const prompts: string[] = [];
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
  } else prompts.push('No problem brought to the set recorded yet: /log problem text:"…"');
  const turns = a.turns.filter((t) => t.problem !== null).length;
  if (a.turns.length) evidence.push(`${turns} of ${plural(a.turns.length, "presenter turn")} with a problem logged`);
  for (const t of a.turns)
    if (!t.problem)
      prompts.push(
        `You presented at meeting ${t.meeting.number} but logged no problem for it: /log problem meeting:${t.meeting.number} text:"…"`,
      );
  for (const g of a.problems) {
    const label = `Problem ${g.ordinal} (#${g.problem!.number})`;
    if (g.actions.length === 0) prompts.push(`${label} has no action agreed: /log action text:"…" problem:${g.ordinal}`);
    if (g.questions.length === 0) prompts.push(`${label} has no question that helped: /log question text:"…" problem:${g.ordinal}`);
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
  return { criterion: "2.2", title: title("2.2"), status, evidence, prompts };
}

/** 2.3: covered only when every goal has the member's own review. */
function review(a: Analysis): Coverage {
  const evidence: string[] = [];
  const prompts: string[] = [];
  const reviewed = a.goals.filter((g) => (a.reviews.get(g.number) ?? []).length > 0);
  const reviewCount = [...a.reviews.values()].reduce((n, list) => n + list.length, 0);
  if (a.goals.length) evidence.push(`${reviewed.length} of ${plural(a.goals.length, "goal")} reviewed (${plural(reviewCount, "review")})`);
  if (a.overall.length) evidence.push(`${plural(a.overall.length, "closing reflection")} (${refs(nums(a.overall))})`);
  if (a.goals.length === 0) prompts.push('No goal to review: /log goal text:"…"');
  a.goals.forEach((g, i) => {
    if (!(a.reviews.get(g.number) ?? []).length)
      prompts.push(
        `Goal ${i + 1} has no review${a.reviewStarted ? "" : ` (the programme's last month starts ${a.reviewFromDay})`}: /log review goal:${i + 1} text:"…"`,
      );
  });
  const hasEvidence = reviewCount > 0 || a.overall.length > 0;
  const status = !hasEvidence ? "missing" : a.goals.length > 0 && reviewed.length === a.goals.length ? "covered" : "thin";
  return { criterion: "2.3", title: title("2.3"), status, evidence, prompts };
}
