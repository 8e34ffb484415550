import { actionNone } from "../../../../commands/index.ts";
import { markNoActions } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { findMeeting } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

/**
 * "None this time": the attendee agreed no actions at a closed meeting, so its log-action reminders (and their
 * follow-ups) stop (src/domain/reminders/rules/after-meeting.ts). Logging an action for it later still works.
 */
export default handler(actionNone, async (ctx, { meeting }) => {
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  if (meeting === "next")
    return optionFailure("bad-option", "meeting", "Actions are agreed at a meeting already held: give its number (see /meeting list).");
  const target = findMeeting(state.meetings, state.upcoming, meeting);
  if (!target) return failure("not-found", `There is no meeting ${meeting}. See /meeting list.`);
  if (target.status !== "closed")
    return failure(
      "conflict",
      `Meeting ${target.number} has not been closed yet, so no actions are asked for it (it is ${target.status}).`,
    );
  if (!(await markNoActions(ctx.deps.db, target.id, ctx.actor.id, ctx.now)))
    return failure("conflict", `You are not recorded as attending meeting ${target.number}, so no actions are asked of you for it.`);
  return success([
    toActor({
      text:
        `Noted: no actions agreed at meeting ${target.number}. The reminders to record them stop. ` +
        `If you did agree one after all: /log action meeting:${target.number} text:"…"`,
    }),
  ]);
});
