/**
 * The criteria checklist of an advisor's draft M5.37 log (pure): for each criterion, the evidence found (entry
 * numbers and counts) and the prompts that would fill what is thin or missing, with the command to use. Status:
 * `missing` when the criterion has no evidence at all; `covered` when each thing its prompts ask for is there;
 * `thin` otherwise. A prompt marked SOFT is advice that does not make a criterion thin. The rules per criterion are
 * next to each function below.
 */
import { hasText, hoursText, refs } from "../draft/text.ts";
import type { Coverage } from "../draft/types.ts";
import { plural } from "../text/plural.ts";
import { type FacilitationAnalysis, MINIMUM_HOURS } from "./analysis.ts";
import type { FacilitationDraftEntry, FacilitationDraftInput, M537Criterion } from "./types.ts";

/** M5.37's assessment criteria, as the unit words them. */
export const M537_CRITERIA: { criterion: M537Criterion; title: string }[] = [
  { criterion: "1.1", title: "Agree with clients and other stakeholders the goals for an action learning intervention" },
  { criterion: "2.1", title: "Design an action learning intervention for a minimum of 12 hours to meet agreed goals" },
  {
    criterion: "2.2",
    title: "Develop individual action learning sessions with appropriate materials and resources to support these sessions",
  },
  { criterion: "2.3", title: "Maintain appropriate records detailing the delivery of action learning sessions" },
  { criterion: "2.4", title: "Review individuals' progress using individual action plans" },
  { criterion: "3.1", title: "Analyse feedback on own action learning facilitation practice" },
  { criterion: "3.2", title: "Review own action learning facilitation practice" },
  { criterion: "3.3", title: "Develop a plan to improve own action learning facilitation practice" },
];

type Check = { evidence: string[]; prompts: string[]; soft: string[] };
const nums = (es: FacilitationDraftEntry[]) => refs(es.map((e) => e.number));
const row = (criterion: M537Criterion, hasEvidence: boolean, { evidence, prompts, soft }: Check): Coverage<M537Criterion> => ({
  criterion,
  title: M537_CRITERIA.find((c) => c.criterion === criterion)!.title,
  status: !hasEvidence ? "missing" : prompts.length === 0 ? "covered" : "thin",
  evidence,
  prompts: [...prompts, ...soft],
});

/** Under the minimum: the planned hours fall short of 12 (the design itself does not meet the unit). */
export const underMinimum = (a: FacilitationAnalysis) => a.hours.plannedMinutes < MINIMUM_HOURS * 60;

/** The checklist rows, in the unit's order. */
export function facilitationCoverage(input: FacilitationDraftInput, a: FacilitationAnalysis): Coverage<M537Criterion>[] {
  return [goals(a), design(a), sessions(a), records(input, a), reviews(input, a), feedback(a), practice(a), improvement(a)];
}

/** 1.1: goals, each naming who it was agreed with. */
function goals(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const goals = a.byKind.goal;
  const named = goals.filter((g) => hasText(g.with));
  if (goals.length) c.evidence.push(`${plural(goals.length, "goal")} (${nums(goals)}), ${named.length} naming who agreed them`);
  else c.prompts.push('No goal agreed with the sponsor or stakeholders recorded yet: /facilitation goal text:"…" with:"…"');
  const unnamed = goals.filter((g) => !hasText(g.with));
  if (unnamed.length) c.prompts.push(`Who agreed ${refs(unnamed.map((g) => g.number))}? /facilitation edit entry:N with:"…"`);
  return row("1.1", goals.length > 0, c);
}

/** 2.1: the design in the advisor's words, for at least 12 planned hours, after goals to meet. */
function design(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const designs = a.byKind.design;
  if (designs.length) c.evidence.push(`${plural(designs.length, "design entry", "design entries")} (${nums(designs)})`);
  else c.prompts.push('How did you design the intervention to meet the goals? /facilitation design text:"…"');
  c.evidence.push(
    `${hoursText(a.hours.plannedMinutes)} planned (${plural(a.hours.plannedMeetings, "meeting")}), ${hoursText(a.hours.deliveredMinutes)} delivered`,
  );
  if (underMinimum(a))
    c.prompts.push(
      `The meetings planned come to ${hoursText(a.hours.plannedMinutes)}: under the unit's minimum of ${MINIMUM_HOURS} hours. Schedule more: /meeting schedule when:"…" duration:2h`,
    );
  if (designs.length && a.byKind.goal.length === 0)
    c.prompts.push('The design has no agreed goals to meet: /facilitation goal text:"…" with:"…"');
  return row("2.1", designs.length > 0, c);
}

/** 2.2: a session plan (with its materials) for every meeting held; the next meeting's plan is advice. */
function sessions(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const plans = a.byKind.session;
  const planned = a.held.filter((m) => a.plansOf.has(m.number));
  if (plans.length)
    c.evidence.push(
      `${plural(plans.length, "session plan")} (${nums(plans)}); ${planned.length} of the ${plural(a.held.length, "meeting")} held planned`,
    );
  else c.prompts.push('No session plan recorded yet: /facilitation session meeting:N text:"… (and the materials you will use)"');
  for (const m of a.held)
    if (!a.plansOf.has(m.number))
      c.prompts.push(`Meeting ${m.number} was held with no session plan recorded: /facilitation session meeting:${m.number} text:"…"`);
  if (a.next && !a.plansOf.has(a.next.number))
    c.soft.push(`Plan the next session: /facilitation session meeting:${a.next.number} text:"…"`);
  return row("2.2", plans.length > 0, c);
}

/** 2.3: meetings held and closed (attendance, presenters), with the advisor's own notes; set learning reviews are advice. */
function records(input: FacilitationDraftInput, a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  if (a.held.length) c.evidence.push(`${plural(a.held.length, "meeting")} held, with attendance and presenters`);
  else c.prompts.push("No meeting held yet: close each meeting after it with /meeting close (it records attendance and presenters)");
  const unrecorded = a.held.filter((m) => m.present.length === 0);
  if (unrecorded.length)
    c.prompts.push(
      `No attendance recorded for meeting ${unrecorded.map((m) => m.number).join(", ")}: /meeting close meeting:N present:@Ana,@Ben…`,
    );
  if (a.ownNotes) c.evidence.push(`${plural(a.ownNotes, "facilitation note")} of yours`);
  else c.prompts.push('No facilitation note of yours in the records yet: /records note:"…"');
  if (a.feedbackAboutSet.length) c.evidence.push(`${plural(a.feedbackAboutSet.length, "set learning review response")}`);
  else if (input.reviewEvery !== null && a.held.length >= input.reviewEvery)
    c.soft.push(
      `No set learning review answered yet (one is due every ${plural(input.reviewEvery, "meeting")}): members answer with /feedback text:"…"`,
    );
  return row("2.3", a.held.length > 0, c);
}

/** 2.4: the advisor's reviews of each current member's progress on their action plan. */
function reviews(input: FacilitationDraftInput, a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const count = input.reviews.length;
  const reviewed = input.members.length - a.unreviewed.length;
  if (count) c.evidence.push(`${plural(count, "review")} of ${reviewed} of ${plural(input.members.length, "member")}`);
  else c.prompts.push('No review of a member\'s progress yet: /review member:@NAME text:"…"');
  if (input.members.length) c.evidence.push("each member's entries, actions and outcomes counted");
  for (const name of a.unreviewed) if (count) c.prompts.push(`${name} has no review from you yet: /review member:@${name} text:"…"`);
  return row("2.4", count > 0, c);
}

/** 3.1: feedback received, analysed in the advisor's own words (`/facilitation feedback`); the set's view is advice. */
function feedback(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const own = a.byKind.feedback;
  const fromSet = a.feedbackAboutAdvisor;
  if (fromSet.length)
    c.evidence.push(
      `${plural(fromSet.length, "piece")} of feedback from members (${fromSet.filter((f) => f.author === null).length} anonymous)`,
    );
  if (own.length) c.evidence.push(`${plural(own.length, "feedback entry", "feedback entries")} of yours (${nums(own)})`);
  if (!own.length)
    c.prompts.push(
      `${fromSet.length ? "Analyse the feedback in your own words" : "No feedback on your facilitation recorded yet"}: what was said, by whom, and what you make of it: /facilitation feedback text:"…" with:"…"`,
    );
  if (!fromSet.length) c.soft.push('Ask the set for feedback on your facilitation: members answer with /feedback text:"…" about:advisor');
  return row("3.1", own.length + fromSet.length > 0, c);
}

/** 3.2: reviews of own practice, at more than one point of the programme. */
function practice(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const own = a.byKind.reflect;
  if (own.length) c.evidence.push(`${plural(own.length, "review")} of your practice (${nums(own)})`);
  if (own.length === 0) c.prompts.push('No review of your own facilitation yet: /facilitation reflect text:"…"');
  if (own.length === 1)
    c.prompts.push('One review so far: review your practice again later (mid-programme, at the end): /facilitation reflect text:"…"');
  return row("3.2", own.length > 0, c);
}

/** 3.3: an improvement plan, every step with a date. */
function improvement(a: FacilitationAnalysis): Coverage<M537Criterion> {
  const c: Check = { evidence: [], prompts: [], soft: [] };
  const steps = a.byKind.improve;
  const dated = steps.filter((s) => s.due !== null);
  if (steps.length) c.evidence.push(`${plural(steps.length, "improvement step")} (${nums(steps)}), ${dated.length} with a date`);
  else c.prompts.push('No plan to improve your facilitation yet: /facilitation improve text:"…" due:2027-09-30');
  const undated = steps.filter((s) => s.due === null);
  if (undated.length) c.prompts.push(`By when? ${refs(undated.map((s) => s.number))} has no date: /facilitation edit entry:N due:…`);
  return row("3.3", steps.length > 0, c);
}
