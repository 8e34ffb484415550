import { meetingCancel } from "../../../../commands/index.ts";
import { meetingTimeReminders } from "../../../domain/reminders/catalog.ts";
import { setMeetingStatus } from "../../../store/meetings.ts";
import { skipPending } from "../../../store/outbox.ts";
import { handler } from "../../context.ts";
import { findUpcomingMeeting } from "../../format.ts";
import { at, toChannel } from "../../reply.ts";
import { success } from "../../result.ts";
import { announceThenLoad, loadSetState } from "../../set-state.ts";

export default handler(meetingCancel, async (ctx, { meeting }) => {
  const { db } = ctx.deps;
  const state = await loadSetState(db, ctx.set, ctx.now);
  const found = findUpcomingMeeting(state, meeting, "cancelled");
  if ("refusal" in found) return found.refusal;
  const target = found.meeting;
  await setMeetingStatus(db, target.id, "cancelled", ctx.now);
  await skipPending(db, ctx.set.id, meetingTimeReminders(target), `meeting ${target.number} was cancelled`);
  const { state: after } = await announceThenLoad(db, ctx.set, ctx.now);
  const next = after.upcoming[0];
  const tail = next
    ? `The next meeting is meeting ${next.number}, ${at(next.startsAt)}.`
    : "No other meeting is scheduled: agree the next date and /meeting schedule it.";
  return success([toChannel({ text: `${ctx.actor.displayName} cancelled meeting ${target.number} (${at(target.startsAt)}). ${tail}` })]);
});
