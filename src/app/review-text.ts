import type { ReviewRow } from "../store/reviews.ts";
import type { Button } from "./reply.ts";
import { failure, type Result, success } from "./result.ts";

/** The button under a review's DM: /review reply's help, with its options and an example. */
export const reviewReplyHelp: Button = { id: "review-reply-help", label: "How to reply", command: "/help command:review reply" };

/**
 * The review an option `review:N` names among one member's reviews (numbered from 1, oldest first, as /review list
 * shows them), or by default the latest that `mine` accepts; otherwise a refusal naming the option. `about` says
 * whose reviews they are in a refusal: "of Ana", "for you".
 */
export function pickReview(
  reviews: ReviewRow[],
  n: number | undefined,
  about: string,
  mine: (r: ReviewRow) => boolean = () => true,
): Result<{ review: ReviewRow; number: number }> {
  if (n !== undefined) {
    const review = reviews[n - 1];
    if (!review)
      return failure(
        "not-found",
        `Option review: there is no review ${n} ${about} (there ${reviews.length === 1 ? "is 1" : `are ${reviews.length}`}; see /review list).`,
      );
    return success({ review, number: n });
  }
  let index = reviews.length - 1;
  while (index >= 0 && !mine(reviews[index]!)) index--;
  if (index < 0) return failure("not-found", `There is no review ${about} to act on yet. See /review list.`);
  return success({ review: reviews[index]!, number: index + 1 });
}
