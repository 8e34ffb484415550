import type { MeetingRef } from "../../../../commands/define.ts";
import {
  logAction,
  logActionLearning,
  logGoal,
  logLimitation,
  logOutcome,
  logProblem,
  logQuestion,
  logReflect,
  logReview,
  logStrength,
} from "../../../../commands/index.ts";
import type { Effectiveness } from "../../../domain/draft/effectiveness.ts";
import type { EntryKind } from "../../../domain/draft/entry-kind.ts";
import { mentionedAction } from "../../../domain/draft/outcome-mentions.ts";
import { readSmartGoal } from "../../../domain/draft/smart-goal.ts";
import { ANNOUNCE_LEAD_MS } from "../../../domain/set/rotation-state.ts";
import type { CalendarDate } from "../../../domain/time/calendar-date.ts";
import { createEntry, findOwnAction, findOwnEntry, linkOutcome, listActions, ordinalOf, recordOutcome } from "../../../store/entries.ts";
import { listMeetings, listSlots } from "../../../store/meetings.ts";
import { nextStepAddition, placementText, readOwnLog } from "../../coach-reply.ts";
import { handler, type SetContext } from "../../context.ts";
import { checkDue, resolveLink } from "../../entry-links.ts";
import { actionRef, findMeeting, meetingForEntry, noSuchAction } from "../../format.ts";
import type { Outgoing } from "../../reply.ts";
import { toActor } from "../../reply.ts";
import { failure, optionFailure, type Result, success } from "../../result.ts";

/** Every option any entry command takes (`text:`, `meeting:` and the kind's own); each declaration takes some of them. */
type EntryOptions = {
  text: string;
  meeting?: MeetingRef;
  due?: CalendarDate;
  action?: number;
  goal?: number;
  problem?: number;
  support?: string;
  source?: string;
  effective?: Effectiveness;
};

const confirmations: Record<EntryKind, string> = {
  problem: "Problem recorded",
  action: "Action recorded",
  outcome: "Outcome recorded",
  reflect: "Reflection recorded",
  question: "Question recorded",
  strength: "Strength recorded",
  limitation: "Limitation recorded",
  goal: "Goal recorded",
  "action-learning": "Recorded for 2.1 (action learning and my development)",
  review: "Review recorded",
};

/** What the reply adds after recording: where the entry will show in the draft and what would complete it. */
async function afterword(ctx: SetContext, kind: EntryKind, entry: { id: string; number: number; kind: string }, o: EntryOptions) {
  const { db } = ctx.deps;
  switch (kind) {
    case "goal": {
      const n = await ordinalOf(db, entry, ctx.set.id, ctx.actor.id);
      const reading = readSmartGoal(o.text);
      const smart = reading.lacks.length
        ? ` A SMART reading (advice only; your goal is kept as you wrote it): it seems to lack ${reading.lacks.join(", ")}. ${reading.advice
            .map((x) => `${x[0]!.toUpperCase()}${x.slice(1)}.`)
            .join(" ")} To reword it: /log edit entry:${entry.number} text:"…".`
        : " A SMART reading: it reads as specific, measurable and time-bound; whether it is achievable and relevant is yours to judge.";
      return ` It is Goal ${n} in your draft: link actions to it with goal:${n}.${smart}`;
    }
    case "problem": {
      const n = await ordinalOf(db, entry, ctx.set.id, ctx.actor.id);
      return ` It is Problem ${n} in your draft: link its questions, actions and reflections with problem:${n}. Which question from the set helped most? /log question problem:${n} text:"…"`;
    }
    case "action":
      return [
        ` It is a report-back item for the next meeting; when it is done: /action done action:${entry.number}.`,
        o.goal === undefined ? ` Link it to the goal it serves: /log edit entry:${entry.number} goal:N.` : "",
        o.support === undefined ? ` Who or what will help? /log edit entry:${entry.number} support:"…".` : "",
      ].join("");
    case "outcome":
      return o.action === undefined
        ? " Link it to an action with action:N to close that action (see /action list)."
        : o.effective === undefined
          ? ` How effective was it? /action done action:${o.action} effective:very|somewhat|not.`
          : "";
    case "strength":
    case "limitation":
      return sourceAsk(entry.number, o);
    default:
      return "";
  }
}

const sourceAsk = (entryNumber: number, o: EntryOptions) =>
  o.source === undefined ? ` Where does it come from? /log edit entry:${entryNumber} source:"360 feedback".` : "";

/** A limitation's reply asks for its goal (1.2 sets one for each) in place of the draft's next step. */
const goalForLimitation = (entryNumber: number) => ({
  text: ` Next for your draft: 1.2: what goal will you set for limitation #${entryNumber}: what you will do differently, how you will know, and by when? Type: /log goal text:"…"`,
  buttons: [{ id: "coach-next", label: "Set a goal", command: "/log goal", style: "primary" as const }],
});

/**
 * The coming meeting the actor is announced to present at, within the announcement lead (a week): a problem logged
 * then, in answer to the presenter DM or not, is the one they bring to it, not one of the last meeting held.
 */
async function presentingNext<M extends { id: string; startsAt: Date }>(ctx: SetContext, upcoming: M[]): Promise<M | undefined> {
  const next = upcoming[0];
  if (!next || next.startsAt.getTime() - ctx.now.getTime() > ANNOUNCE_LEAD_MS) return undefined;
  const slots = await listSlots(ctx.deps.db, ctx.set.id);
  return slots.some((s) => s.meetingId === next.id && s.personId === ctx.actor.id && s.status === "planned") ? next : undefined;
}

/**
 * For an outcome recorded without `action:` whose words name one of the member's actions ("re action 2", "action #2",
 * "#2"): a button that links it, never a link made silently (the number may mean something else).
 */
async function linkOffer(ctx: SetContext, entry: { number: number }, text: string) {
  const n = mentionedAction(text);
  if (n === null || n === entry.number) return null;
  const action = await findOwnAction(ctx.deps.db, ctx.set.id, ctx.actor.id, n);
  if (!action || action.outcome !== null) return null;
  return {
    text: ` It mentions ${actionRef(n)} "${action.text}": link it to that action to close it?`,
    button: {
      id: `link-outcome-${entry.number}-${n}`,
      label: `Link to action #${n}`,
      command: `/log edit entry:${entry.number} action:${n}`,
    },
  };
}

/** Records one entry of the declaration's kind (the sub is the kind), private to its author, with its links. */
async function recordEntry(ctx: SetContext, kind: EntryKind, options: EntryOptions): Promise<Result<Outgoing[]>> {
  const { db } = ctx.deps;
  const meetings = await listMeetings(db, ctx.set.id);
  const upcoming = meetings.filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  const meeting = options.meeting
    ? findMeeting(meetings, upcoming, options.meeting)
    : ((kind === "problem" ? await presentingNext(ctx, upcoming) : undefined) ?? meetingForEntry(meetings, ctx.now));
  if (options.meeting && !meeting)
    return optionFailure("not-found", "meeting", `there is no meeting ${options.meeting}. See /meeting list.`);
  const action = options.action !== undefined ? await findOwnAction(db, ctx.set.id, ctx.actor.id, options.action) : null;
  if (options.action !== undefined && !action)
    return {
      ...failure("not-found", noSuchAction(options.action, await listActions(db, ctx.set.id, ctx.actor.id), "Option action: ")),
      option: "action",
    };
  const goal = await resolveLink(ctx, "goal", options.goal);
  if (!goal.ok) return goal;
  const problem = await resolveLink(ctx, "problem", options.problem);
  if (!problem.ok) return problem;
  const due = options.due ? checkDue(ctx, options.due) : null;
  if (due && !due.ok) return due;
  // An outcome of an action belongs to that action's problem unless it names one.
  const actionEntry = action && !problem.value ? await findOwnEntry(db, ctx.set.id, ctx.actor.id, action.number) : null;

  // An outcome the action already has from /action done text: is kept as an outcome entry of its own, so the new
  // words stand beside it rather than replace it.
  const earlier =
    action && action.outcome !== null && action.outcomeEntryId === null
      ? await createEntry(db, {
          setId: ctx.set.id,
          authorId: ctx.actor.id,
          kind: "outcome",
          text: action.outcome,
          meetingId: action.meetingId,
          now: action.outcomeAt ?? ctx.now,
        })
      : null;
  if (action && earlier) await linkOutcome(db, earlier.id, action.id);
  const entry = await createEntry(db, {
    setId: ctx.set.id,
    authorId: ctx.actor.id,
    kind,
    text: options.text,
    meetingId: meeting?.id ?? null,
    now: ctx.now,
    due: options.due ?? null,
    goalId: goal.value?.id ?? null,
    problemId: problem.value?.id ?? actionEntry?.problemId ?? null,
    support: options.support ?? null,
    source: options.source ?? null,
    // With an action, how effective is the action's; an outcome on its own keeps it.
    effectiveness: action ? null : (options.effective ?? null),
  });
  if (action) await linkOutcome(db, entry.id, action.id);
  if (action)
    await recordOutcome(db, action.id, {
      status: "done",
      outcome: options.text,
      effectiveness: options.effective ?? action.effectiveness,
      now: ctx.now,
      outcomeEntryId: entry.id,
    });
  const where = meeting ? ` (meeting ${meeting.number})` : "";
  const kept = earlier ? ` Its earlier outcome "${earlier.text}" stays too, as entry #${earlier.number}.` : "";
  const how = options.effective ? ` (${options.effective} effective)` : "";
  const done = action
    ? ` ${actionRef(action.number, "Action")} is marked done${how}.${kept}`
    : how
      ? ` How effective: ${options.effective}.`
      : "";
  const extra = await afterword(ctx, kind, entry, options);
  // Where the draft truly shows it, and the next step, from the draft's own reading of the log as it now is.
  const { a, reading } = await readOwnLog(ctx);
  const next = kind === "limitation" ? goalForLimitation(entry.number) : nextStepAddition(reading);
  const as = kind === "action" ? actionRef(entry.number) : `entry #${entry.number}`;
  const offer = kind === "outcome" && !action ? await linkOffer(ctx, entry, options.text) : null;
  return success([
    toActor({
      text: `${confirmations[kind]} as ${as}${where}. Only you can see it unless you /log share on.${done}${extra}${placementText(a, entry.number)}${offer ? offer.text : ""}${next.text}`,
      ...(offer || next.buttons.length ? { buttons: [...(offer ? [offer.button] : []), ...next.buttons] } : {}),
    }),
  ]);
}

/** One handler per entry command: each records an entry of its own kind (the declaration's sub). */
export const logProblemHandler = handler(logProblem, (ctx, options) => recordEntry(ctx, logProblem.sub, options));
export const logActionHandler = handler(logAction, (ctx, options) => recordEntry(ctx, logAction.sub, options));
export const logOutcomeHandler = handler(logOutcome, (ctx, options) => recordEntry(ctx, logOutcome.sub, options));
export const logReflectHandler = handler(logReflect, (ctx, options) => recordEntry(ctx, logReflect.sub, options));
export const logQuestionHandler = handler(logQuestion, (ctx, options) => recordEntry(ctx, logQuestion.sub, options));
export const logStrengthHandler = handler(logStrength, (ctx, options) => recordEntry(ctx, logStrength.sub, options));
export const logLimitationHandler = handler(logLimitation, (ctx, options) => recordEntry(ctx, logLimitation.sub, options));
export const logGoalHandler = handler(logGoal, (ctx, options) => recordEntry(ctx, logGoal.sub, options));
export const logActionLearningHandler = handler(logActionLearning, (ctx, options) => recordEntry(ctx, logActionLearning.sub, options));
export const logReviewHandler = handler(logReview, (ctx, options) => recordEntry(ctx, logReview.sub, options));
