import { meetingCancel } from "../../../commands/index.ts";
import { meetingTimeReminders } from "../../domain/reminders/catalog.ts";
import { setMeetingStatus } from "../../store/meetings.ts";
import { skipPending } from "../../store/outbox.ts";
import { handler } from "../context.ts";
import { findMeeting } from "../format.ts";
import { at, toChannel } from "../reply.ts";
import { failure, success } from "../result.ts";
import { announceThenLoad, loadSetState } from "../set-state.ts";

export default handler(meetingCancel, async (ctx, { meeting }) => {
  const { db } = ctx.deps;
  const state = await loadSetState(db, ctx.set, ctx.now);
  const target = findMeeting(state.meetings, state.upcoming, meeting);
  if (!target) return failure("not-found", `There is no meeting ${meeting}. See /meeting list for the numbers.`);
  if (!state.upcoming.includes(target))
    return failure(
      "conflict",
      `Meeting ${target.number} is ${target.status === "scheduled" ? "already over" : target.status}; only upcoming meetings can be cancelled.`,
    );
  await setMeetingStatus(db, target.id, "cancelled", ctx.now);
  await skipPending(db, ctx.set.id, meetingTimeReminders(target), `meeting ${target.number} was cancelled`);
  const { state: after } = await announceThenLoad(db, ctx.set, ctx.now);
  const next = after.upcoming[0];
  const tail = next
    ? `The next meeting is meeting ${next.number}, ${at(next.startsAt)}.`
    : "No other meeting is scheduled: agree the next date and /meeting schedule it.";
  return success([toChannel({ text: `${ctx.actor.displayName} cancelled meeting ${target.number} (${at(target.startsAt)}). ${tail}` })]);
});
