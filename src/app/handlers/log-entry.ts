import { DateTime } from "luxon";
import type { OptionsOf } from "../../../commands/define.ts";
import {
  logAction,
  logGoal,
  logLimitation,
  logOutcome,
  logProblem,
  logQuestion,
  logReflect,
  logStrength,
} from "../../../commands/index.ts";
import { createEntry, findOwnAction, recordOutcome } from "../../store/entries.ts";
import { listMeetings } from "../../store/meetings.ts";
import { handler, type SetContext } from "../context.ts";
import { findMeeting, meetingForEntry } from "../format.ts";
import type { Outgoing } from "../reply.ts";
import { at, toActor } from "../reply.ts";
import { failure, type Result, success } from "../result.ts";

type EntryDecl =
  | typeof logProblem
  | typeof logAction
  | typeof logOutcome
  | typeof logReflect
  | typeof logQuestion
  | typeof logStrength
  | typeof logLimitation
  | typeof logGoal;

const confirmations: Record<string, string> = {
  problem: "Problem recorded",
  action: "Action recorded",
  outcome: "Outcome recorded",
  reflect: "Reflection recorded",
  question: "Question recorded",
  strength: "Strength recorded",
  limitation: "Limitation recorded",
  goal: "Goal recorded",
};

/** Records one entry of the declaration's kind (the sub is the kind), private to its author. */
async function recordEntry(
  ctx: SetContext,
  kind: string,
  options: OptionsOf<EntryDecl> & { due?: Date; action?: number },
): Promise<Result<Outgoing[]>> {
  const { db } = ctx.deps;
  const meetings = await listMeetings(db, ctx.set.id);
  const upcoming = meetings.filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  const meeting = options.meeting ? findMeeting(meetings, upcoming, options.meeting) : meetingForEntry(meetings, ctx.now);
  if (options.meeting && !meeting)
    return failure("not-found", `Option meeting: there is no meeting ${options.meeting}. See /meeting list.`);
  const action = options.action !== undefined ? await findOwnAction(db, ctx.set.id, ctx.actor.id, options.action) : null;
  if (options.action !== undefined && !action)
    return failure("not-found", `Option action: you have no action #${options.action}. See /action list.`);
  const dueAt = options.due
    ? DateTime.fromJSDate(options.due, { zone: ctx.actor.timeZone }).plus({ days: 1 }).startOf("day").toJSDate()
    : null;
  if (dueAt && dueAt <= ctx.now) return failure("bad-option", `Option due: ${at(options.due!, "date")} is in the past.`);

  const entry = await createEntry(db, {
    setId: ctx.set.id,
    authorId: ctx.actor.id,
    kind,
    text: options.text,
    meetingId: meeting?.id ?? null,
    now: ctx.now,
    dueAt,
  });
  if (action)
    await recordOutcome(db, action.id, {
      status: "done",
      outcome: options.text,
      effectiveness: action.effectiveness,
      now: ctx.now,
      outcomeEntryId: entry.id,
    });
  const where = meeting ? ` (meeting ${meeting.number})` : "";
  const extra = action
    ? ` Action #${action.number} is marked done.`
    : kind === "outcome"
      ? " Link it to an action with action:N to close that action (see /action list)."
      : kind === "action"
        ? " It is a report-back item for the next meeting."
        : "";
  return success([
    toActor({ text: `${confirmations[kind]} as entry #${entry.number}${where}. Only you can see it unless you /log share on.${extra}` }),
  ]);
}

const entryHandler = <D extends EntryDecl>(decl: D) => handler(decl, (ctx, options) => recordEntry(ctx, decl.sub!, options as never));

export const logProblemHandler = entryHandler(logProblem);
export const logActionHandler = entryHandler(logAction);
export const logOutcomeHandler = entryHandler(logOutcome);
export const logReflectHandler = entryHandler(logReflect);
export const logQuestionHandler = entryHandler(logQuestion);
export const logStrengthHandler = entryHandler(logStrength);
export const logLimitationHandler = entryHandler(logLimitation);
export const logGoalHandler = entryHandler(logGoal);
