import { meetingMove } from "../../../../commands/index.ts";
import { meetingTimeReminders } from "../../../domain/reminders/catalog.ts";
import { clashes } from "../../../domain/set/meeting-checks.ts";
import { moveMeeting } from "../../../store/meetings.ts";
import { skipPending } from "../../../store/outbox.ts";
import { handler } from "../../context.ts";
import { findMeeting, meetingTitle, renumberNote } from "../../format.ts";
import { clashRefusal, weekendAdvice } from "../../meeting-advice.ts";
import { at, toActor, toChannel } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";
import { announcePresenters, loadSetState } from "../../set-state.ts";

export default handler(meetingMove, async (ctx, { meeting, when }) => {
  const { db } = ctx.deps;
  const state = await loadSetState(db, ctx.set, ctx.now);
  const target = findMeeting(state.meetings, state.upcoming, meeting);
  if (!target) return failure("not-found", `There is no meeting ${meeting}. See /meeting list for the numbers.`);
  if (!state.upcoming.includes(target))
    return failure(
      "conflict",
      `Meeting ${target.number} is ${target.status === "scheduled" ? "already over" : target.status}; only upcoming meetings can be moved.`,
    );
  if (when <= ctx.now) return optionFailure("bad-option", "when", `${at(when)} is in the past.`);
  const others = state.meetings.filter((m) => m.id !== target.id && m.status !== "cancelled");
  const clash = clashRefusal(clashes([{ ...target, startsAt: when }], others), `meeting ${target.number} was not moved`);
  if (clash) return clash;
  const from = target.startsAt;
  const renumbered = await moveMeeting(db, target.id, when, ctx.now);
  const number = renumbered.find((c) => c.id === target.id)?.to ?? target.number;
  // Reminders for the old time that are still waiting to go (a retry) would give the wrong date; the new time has its own.
  await skipPending(db, ctx.set.id, meetingTimeReminders(target), `meeting ${target.number} moved to another time`);
  // A meeting moved to less than a week ahead has its presenters announced at once (src/domain/set/rotation-state.ts).
  await announcePresenters(db, ctx.set, ctx.now);
  const advice = weekendAdvice([{ number, startsAt: when }], ctx.actor.timeZone);
  return success([
    toChannel({
      text: [
        `${ctx.actor.displayName} moved meeting ${target.number} from ${at(from)} to ${at(when)}.`,
        meetingTitle({ ...target, number, startsAt: when }),
        ...renumberNote(renumbered),
      ].join("\n"),
    }),
    ...(advice ? [toActor({ text: advice })] : []),
  ]);
});
