import { reviewEdit } from "../../../../commands/index.ts";
import { editReview } from "../../../store/reviews.ts";
import { handler } from "../../context.ts";
import { at, toActor, toPerson } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { pickOwnReview, reviewReplyButton } from "../../review-text.ts";

/** `/review edit member: text: [review:]`: an advisor changes one of their own reviews; the member is told by DM. */
export default handler(reviewEdit, async (ctx, { member, text, review }) => {
  const picked = await pickOwnReview(ctx, member, review, "edit");
  if (!picked.ok) return picked;
  const { person, review: row, number } = picked.value;
  if (row.text === text) return failure("conflict", `Review ${number} of ${person.displayName} already says that.`);
  await editReview(ctx.deps.db, row.id, text, ctx.now);
  return success([
    toPerson(person, {
      text: `${ctx.actor.displayName} edited their review of ${at(row.createdAt, "date")} in "${ctx.set.name}"; it now reads:\n${text}`,
      buttons: row.reply === null ? [reviewReplyButton(number)] : [],
    }),
    toActor({ text: `Review ${number} of ${person.displayName} edited; they have been told by DM.` }),
  ]);
});
