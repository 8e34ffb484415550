import { reviewEdit } from "../../../commands/index.ts";
import { editReview, reviewsOf } from "../../store/reviews.ts";
import { setMember } from "../access.ts";
import { handler } from "../context.ts";
import { at, toActor, toPerson } from "../reply.ts";
import { failure, success } from "../result.ts";
import { pickReview, reviewReplyHelp } from "../review-text.ts";

/** `/review edit member: text: [review:]`: an advisor changes one of their own reviews; the member is told by DM. */
export default handler(reviewEdit, async (ctx, { member, text, review }) => {
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
    return failure("forbidden", `Review ${number} of ${person.displayName} is another advisor's: only its author can edit it.`);
  if (row.text === text) return failure("conflict", `Review ${number} of ${person.displayName} already says that.`);
  await editReview(ctx.deps.db, row.id, text, ctx.now);
  return success([
    toPerson(person, {
      text: `${ctx.actor.displayName} edited their review of ${at(row.createdAt, "date")} in "${ctx.set.name}"; it now reads:\n${text}`,
      buttons: row.reply === null ? [reviewReplyHelp] : [],
    }),
    toActor({ text: `Review ${number} of ${person.displayName} edited; they have been told by DM.` }),
  ]);
});
