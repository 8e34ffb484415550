import { feedbackWithdraw } from "../../../../commands/index.ts";
import { feedbackBy, withdrawFeedback } from "../../../store/feedback.ts";
import { handler } from "../../context.ts";
import { at, toActor } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";

/** `/feedback withdraw [feedback:]`: deletes feedback the member gave under their name (anonymous feedback has no author to withdraw it). */
export default handler(feedbackWithdraw, async (ctx, { feedback }) => {
  const own = await feedbackBy(ctx.deps.db, ctx.set.id, ctx.actor.id);
  const anonymousNote = "Anonymous feedback cannot be withdrawn: it has no author.";
  if (own.length === 0) return failure("not-found", `You have no feedback under your name to withdraw. ${anonymousNote}`);
  const n = feedback ?? own.length;
  const row = own[n - 1];
  if (!row) return optionFailure("not-found", "feedback", `you have feedback 1 to ${own.length} (see /feedback list). ${anonymousNote}`);
  await withdrawFeedback(ctx.deps.db, row.id, ctx.actor.id);
  return success([toActor({ text: `Feedback ${n} (${at(row.createdAt, "date")}) withdrawn: it is deleted.` })]);
});
