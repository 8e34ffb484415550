import { reviewReply } from "../../../../commands/index.ts";
import { replyToReview, reviewsOf } from "../../../store/reviews.ts";
import { handler } from "../../context.ts";
import { at, toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { pickReview } from "../../review-text.ts";

/**
 * `/review reply text: [review:]`: the member's one reflection on a review, shown under it in their draft. Like their
 * entries it is theirs: advisors see that they replied, and its text only while they share their log.
 */
export default handler(reviewReply, async (ctx, { text, review }) => {
  const reviews = await reviewsOf(ctx.deps.db, ctx.set.id, ctx.actor.id);
  const picked = pickReview(reviews, review, "for you", (r) => r.reply === null);
  if (!picked.ok) {
    if (review === undefined && reviews.length > 0)
      return failure("conflict", "You have replied to every review you have had: each takes one reply.");
    return picked;
  }
  const { review: row, number } = picked.value;
  const replied = `You replied to review ${number}${row.repliedAt ? ` on ${at(row.repliedAt, "date")}` : ""}: a review takes one reply.`;
  if (row.reply !== null || !(await replyToReview(ctx.deps.db, row.id, text, ctx.now))) return failure("conflict", replied);
  return success([
    toActor({
      text:
        `Your reply to review ${number} (${at(row.createdAt, "date")}) is stored under it in your draft log (/log draft). ` +
        "Your advisors see that you replied; they read its text only while you share your log (/log share on).",
    }),
  ]);
});
