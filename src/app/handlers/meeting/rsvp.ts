import { meetingRsvp } from "../../../../commands/index.ts";
import { isAway } from "../../../domain/set/rotation-state.ts";
import { saveRsvp } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { findMeeting, nameOf, presenterNames } from "../../format.ts";
import { at, type Outgoing, toActor, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { announcePresenters, loadSetState } from "../../set-state.ts";

export default handler(meetingRsvp, async (ctx, { answer, meeting }) => {
  const { db } = ctx.deps;
  const state = await loadSetState(db, ctx.set, ctx.now);
  const target = findMeeting(state.meetings, state.upcoming, meeting ?? "next");
  if (!target) return failure("not-found", meeting ? `There is no meeting ${meeting}. See /meeting list.` : "No meeting is scheduled yet.");
  if (!state.upcoming.includes(target))
    return failure("conflict", `Meeting ${target.number} is not upcoming (${target.status}); RSVPs are for upcoming meetings.`);
  if (answer === "yes" && isAway(state.absences, ctx.actor.id, target.startsAt)) {
    return failure(
      "conflict",
      `You're marked as away for meeting ${target.number} (${at(target.startsAt)}). Use /away off first if you're back.`,
    );
  }
  await saveRsvp(db, target.id, ctx.actor.id, answer, ctx.now);
  const announcement = (await announcePresenters(db, ctx.set, ctx.now)).find((a) => a.meeting.id === target.id);
  const out: Outgoing[] = [
    toActor({
      text:
        answer === "yes"
          ? `Thanks: you're coming to meeting ${target.number} (${at(target.startsAt)}).`
          : `Apologies noted for meeting ${target.number} (${at(target.startsAt)}).`,
    }),
  ];
  if (announcement?.dropped.includes(ctx.actor.id)) {
    const taker = announcement.added.length
      ? `${presenterNames(ctx.set, announcement.added)} presents instead`
      : "no one else is free to take the slot";
    out.push(
      toChannel({
        text: `${nameOf(ctx.set, ctx.actor.id)} can't come to meeting ${target.number}: ${taker}. ${ctx.actor.displayName} is owed the next turn.`,
      }),
    );
  }
  return success(out);
});
