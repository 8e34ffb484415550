import { feedbackGive } from "../../../../commands/index.ts";
import { opensSetReview } from "../../../domain/facilitation/set-review.ts";
import { DAY } from "../../../domain/time/time-units.ts";
import { addFeedback, feedbackBy, heldMeetingsBy, latestClosedMeeting, reviewEveryOf } from "../../../store/feedback.ts";
import { handler } from "../../context.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";

/** How long after the meeting that opened a set review feedback is filed as answering it. */
const REVIEW_OPEN_MS = 14 * DAY;

/**
 * `/feedback text: [about:] [anonymous:]`. Anonymous feedback is stored with no author, and nothing else written here
 * (the reply goes to the giver alone) names them: it cannot be withdrawn, since nobody can tell whose it is.
 */
export default handler(feedbackGive, async (ctx, { text, about = "set", anonymous = "no" }) => {
  const { db } = ctx.deps;
  const latest = await latestClosedMeeting(db, ctx.set.id);
  const answers =
    latest &&
    ctx.now.getTime() - latest.closedAt.getTime() < REVIEW_OPEN_MS &&
    opensSetReview(await heldMeetingsBy(db, ctx.set.id, latest.closedAt), await reviewEveryOf(db, ctx.set.id));
  const anon = anonymous === "yes";
  await addFeedback(db, {
    setId: ctx.set.id,
    authorId: anon ? null : ctx.actor.id,
    about,
    text,
    meetingId: answers ? latest.id : null,
    now: ctx.now,
  });
  const whom = about === "advisor" ? "your advisor" : "the set";
  if (anon) {
    return success([
      toActor({
        text:
          `Thank you. Your feedback about ${whom} is stored anonymously: no name is kept with it, not even by the bot, ` +
          "so nobody (you included) can withdraw or change it. Your advisors read it with /feedback list.",
      }),
    ]);
  }
  const number = (await feedbackBy(db, ctx.set.id, ctx.actor.id)).length;
  return success([
    toActor({
      text:
        `Thank you. Your feedback about ${whom} is stored with your name; your advisors read it with /feedback list. ` +
        `You can withdraw it with /feedback withdraw feedback:${number}.`,
    }),
  ]);
});
