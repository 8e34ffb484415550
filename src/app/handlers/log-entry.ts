import type { MeetingRef } from "../../../commands/define.ts";
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
import { type CalendarDate, dayEnds, formatCalendarDate } from "../../domain/calendar-date.ts";
import type { EntryKind } from "../../domain/entry-kind.ts";
import { createEntry, findOwnAction, listActions, recordOutcome } from "../../store/entries.ts";
import { listMeetings } from "../../store/meetings.ts";
import { handler, type SetContext } from "../context.ts";
import { actionRef, findMeeting, meetingForEntry, noSuchAction } from "../format.ts";
import type { Outgoing } from "../reply.ts";
import { toActor } from "../reply.ts";
import { failure, type Result, success } from "../result.ts";

/** The options of every entry command: `text:` and `meeting:`; actions also take `due:`, outcomes `action:`. */
type EntryOptions = { text: string; meeting?: MeetingRef; due?: CalendarDate; action?: number };

const confirmations: Record<EntryKind, string> = {
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
async function recordEntry(ctx: SetContext, kind: EntryKind, options: EntryOptions): Promise<Result<Outgoing[]>> {
  const { db } = ctx.deps;
  const meetings = await listMeetings(db, ctx.set.id);
  const upcoming = meetings.filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  const meeting = options.meeting ? findMeeting(meetings, upcoming, options.meeting) : meetingForEntry(meetings, ctx.now);
  if (options.meeting && !meeting)
    return failure("not-found", `Option meeting: there is no meeting ${options.meeting}. See /meeting list.`);
  const action = options.action !== undefined ? await findOwnAction(db, ctx.set.id, ctx.actor.id, options.action) : null;
  if (options.action !== undefined && !action)
    return failure("not-found", noSuchAction(options.action, await listActions(db, ctx.set.id, ctx.actor.id), "Option action: "));
  if (options.due && dayEnds(options.due) <= ctx.now)
    return failure(
      "bad-option",
      `Option due: ${formatCalendarDate(options.due)} is in the past. Give today or a later day, e.g. due:"next friday".`,
    );

  const entry = await createEntry(db, {
    setId: ctx.set.id,
    authorId: ctx.actor.id,
    kind,
    text: options.text,
    meetingId: meeting?.id ?? null,
    now: ctx.now,
    due: options.due ?? null,
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
    ? ` ${actionRef(action.number, "Action")} is marked done.`
    : kind === "outcome"
      ? " Link it to an action with action:N to close that action (see /action list)."
      : kind === "action"
        ? ` It is a report-back item for the next meeting; when it is done: /action done action:${entry.number}.`
        : "";
  const as = kind === "action" ? actionRef(entry.number) : `entry #${entry.number}`;
  return success([toActor({ text: `${confirmations[kind]} as ${as}${where}. Only you can see it unless you /log share on.${extra}` })]);
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
