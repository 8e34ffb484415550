import type { UserRef } from "../../commands/define.ts";
import type { PersonRow } from "../store/people.ts";
import { type ReviewRow, reviewsOf } from "../store/reviews.ts";
import { setMember } from "./access.ts";
import type { SetContext } from "./context.ts";
import type { Button } from "./reply.ts";
import { failure, optionFailure, type Result, success } from "./result.ts";

/**
 * The button under a review's DM: `/review reply` for that review, without its text, so on Slack and Discord it opens
 * the reply form with the review's number filled in; on the console, which has no forms, its answer names the
 * command to type. A member's reply is their reflection on the review, evidence for M3.37 2.3.
 */
export const reviewReplyButton = (number: number): Button => ({
  id: `review-reply-${number}`,
  label: "Reply to this review",
  command: `/review reply review:${number}`,
});

/**
 * The review an option `review:N` names among one member's reviews (by its stable number, as /review list shows
 * it: a deleted review's number is not given again), or by default the latest that `mine` accepts; otherwise a refusal naming the option. `about` says
 * whose reviews they are in a refusal: "of Ana", "for you".
 */
export function pickReview(
  reviews: ReviewRow[],
  n: number | undefined,
  about: string,
  mine: (r: ReviewRow) => boolean = () => true,
): Result<{ review: ReviewRow; number: number }> {
  if (n !== undefined) {
    const review = reviews.find((r) => r.number === n);
    if (!review) {
      const numbers = reviews.map((r) => r.number).join(", ");
      return optionFailure(
        "not-found",
        "review",
        `there is no review ${n} ${about} (${reviews.length ? `the reviews are numbered ${numbers}` : "there are none"}; see /review list).`,
      );
    }
    return success({ review, number: n });
  }
  const review = [...reviews].reverse().find(mine);
  if (!review) return failure("not-found", `There is no review ${about} to act on yet. See /review list.`);
  return success({ review, number: review.number });
}

/**
 * The actor's own review of `member` that `review:N` names (by default their latest), for /review edit and
 * /review delete; a refusal when the member is not in the set, there is no such review, or it is another advisor's.
 */
export async function pickOwnReview(
  ctx: SetContext,
  member: UserRef,
  n: number | undefined,
  verb: "edit" | "delete",
): Promise<Result<{ person: PersonRow; review: ReviewRow; number: number }>> {
  const target = await setMember(ctx, member);
  if (!target.ok) return target;
  const person = target.value.person;
  const mine = (r: ReviewRow) => r.advisorId === ctx.actor.id;
  const picked = pickReview(await reviewsOf(ctx.deps.db, ctx.set.id, person.id), n, `of ${person.displayName} by you`, mine);
  if (!picked.ok) return picked;
  const { review, number } = picked.value;
  if (!mine(review))
    return failure("forbidden", `Review ${number} of ${person.displayName} is another advisor's: only its author can ${verb} it.`);
  return success({ person, review, number });
}
