import { reviewGive } from "../../../../commands/index.ts";
import { addReview } from "../../../store/reviews.ts";
import { setMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { toActor, toPerson } from "../../reply.ts";
import { success } from "../../result.ts";
import { reviewReplyButton } from "../../review-text.ts";

/** `/review member: text:`: stores the advisor's review and sends it to the member by DM; it goes into their draft log. */
export default handler(reviewGive, async (ctx, { member, text }) => {
  const target = await setMember(ctx, member);
  if (!target.ok) return target;
  const person = target.value.person;
  const added = await addReview(ctx.deps.db, { setId: ctx.set.id, advisorId: ctx.actor.id, memberId: person.id, text, now: ctx.now });
  return success([
    toPerson(person, {
      text:
        `${ctx.actor.displayName}, your set advisor in "${ctx.set.name}", reviewed your action plan and progress:\n${text}\n` +
        `It is in your draft log (/log draft) under "Feedback from my set advisor", with their name and today's date. ` +
        `You may reply once with a reflection: /review reply review:${added.number} text:"…"; it is shown under the review.`,
      buttons: [reviewReplyButton(added.number)],
    }),
    toActor({
      text:
        `Review sent to ${person.displayName} by DM; it appears in their draft log under "Feedback from my set advisor". ` +
        `Change it with /review edit member:@${person.displayName} text:"…", or remove it with /review delete member:@${person.displayName}.`,
    }),
  ]);
});
