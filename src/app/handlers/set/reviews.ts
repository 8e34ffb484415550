import { setReviews } from "../../../../commands/index.ts";
import { reviewCadenceText } from "../../../domain/facilitation/set-review.ts";
import { plural } from "../../../domain/text/plural.ts";
import { heldMeetingsBy, reviewEveryOf, setReviewEvery } from "../../../store/feedback.ts";
import { handler } from "../../context.ts";
import { toActor, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** `/set reviews [every:]`: how often closing a meeting opens a set learning review (null: off); alone, shows it. */
export default handler(setReviews, async (ctx, { every }) => {
  const { db } = ctx.deps;
  const current = await reviewEveryOf(db, ctx.set.id);
  const held = await heldMeetingsBy(db, ctx.set.id, ctx.now);
  const nextAt = (n: number | null) =>
    n === null ? "" : ` The next opens when the ${ordinal(Math.floor(held / n) * n + n)} meeting held is closed.`;
  if (every === undefined) {
    return success([
      toActor({
        text: `Set learning reviews: ${reviewCadenceText(current)} (${plural(held, "meeting")} held so far).${nextAt(current)} Change with /set reviews every:N or every:off.`,
      }),
    ]);
  }
  const value = every === "off" ? null : Number(every);
  if (value === current) return failure("conflict", `Set learning reviews are already ${reviewCadenceText(current)}.`);
  await setReviewEvery(db, ctx.set.id, value);
  const what =
    value === null
      ? "Closing a meeting no longer asks members for feedback; they can still give it any time with /feedback."
      : `Closing a meeting at that cadence asks each member by DM what the set does well and what should change (/feedback, anonymous if they like).${nextAt(value)}`;
  return success([toChannel({ text: `${ctx.actor.displayName} set the set learning reviews to ${reviewCadenceText(value)}. ${what}` })]);
});

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
