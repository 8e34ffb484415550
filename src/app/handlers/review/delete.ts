import { reviewDelete } from "../../../../commands/index.ts";
import { deleteReview } from "../../../store/reviews.ts";
import { handler } from "../../context.ts";
import { at, toActor, toPerson } from "../../reply.ts";
import { success } from "../../result.ts";
import { pickOwnReview } from "../../review-text.ts";

/** `/review delete member: [review:]`: an advisor deletes one of their own reviews (and the member's reply to it). */
export default handler(reviewDelete, async (ctx, { member, review }) => {
  const picked = await pickOwnReview(ctx, member, review, "delete");
  if (!picked.ok) return picked;
  const { person, review: row, number } = picked.value;
  await deleteReview(ctx.deps.db, row.id);
  return success([
    toPerson(person, {
      text: `${ctx.actor.displayName} withdrew their review of ${at(row.createdAt, "date")} in "${ctx.set.name}"; it has left your draft log.`,
    }),
    toActor({
      text: `Review ${number} of ${person.displayName} deleted${row.reply !== null ? ", with their reply" : ""}; they have been told by DM.`,
    }),
  ]);
});
