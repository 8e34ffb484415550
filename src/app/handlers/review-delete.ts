import { reviewDelete } from "../../../commands/index.ts";
import { deleteReview, reviewsOf } from "../../store/reviews.ts";
import { setMember } from "../access.ts";
import { handler } from "../context.ts";
import { at, toActor, toPerson } from "../reply.ts";
import { failure, success } from "../result.ts";
import { pickReview } from "../review-text.ts";

/** `/review delete member: [review:]`: an advisor deletes one of their own reviews (and the member's reply to it). */
export default handler(reviewDelete, async (ctx, { member, review }) => {
  const target = await setMember(ctx, member);
  if (!target.ok) return target;
  const person = target.value.person;
  const picked = pickReview(
    await reviewsOf(ctx.deps.db, ctx.set.id, person.id),
    review,
    `of ${person.displayName} by you`,
    (r) => r.advisorId === ctx.actor.id,
  );
  if (!picked.ok) return picked;
  const { review: row, number } = picked.value;
  if (row.advisorId !== ctx.actor.id)
    return failure("forbidden", `Review ${number} of ${person.displayName} is another advisor's: only its author can delete it.`);
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
