import { feedbackList } from "../../../../commands/index.ts";
import { feedbackBy, feedbackInSet } from "../../../store/feedback.ts";
import { handler } from "../../context.ts";
import { nameOf } from "../../format.ts";
import { at, toActor } from "../../reply.ts";
import { success } from "../../result.ts";

/**
 * `/feedback list [last:]`: advisors read the set's feedback, newest first, anonymous feedback shown as "anonymous";
 * a member sees only their own named feedback (anonymous feedback has no author, so it is nobody's to list).
 */
export default handler(feedbackList, async (ctx, { last = 20 }) => {
  const { db } = ctx.deps;
  const about = (a: string) => (a === "advisor" ? "about the advisor" : "about the set");
  if (ctx.role === "advisor") {
    const rows = await feedbackInSet(db, ctx.set.id, last);
    if (rows.length === 0)
      return success([toActor({ text: `No feedback in "${ctx.set.name}" yet. Members give it with /feedback text:"…".` })]);
    const lines = rows.map(
      (f) =>
        `${at(f.createdAt, "date")} · ${about(f.about)} · ${f.authorId === null ? "anonymous" : nameOf(ctx.set, f.authorId)}: ${f.text}`,
    );
    return success([toActor({ text: [`Feedback in "${ctx.set.name}", newest first:`, ...lines].join("\n") })]);
  }
  const own = await feedbackBy(db, ctx.set.id, ctx.actor.id);
  const note = "Anonymous feedback is not listed: it has no author.";
  if (own.length === 0) return success([toActor({ text: `You have given no feedback under your name. ${note}` })]);
  const lines = own
    .map((f, i) => `Feedback ${i + 1} · ${at(f.createdAt, "date")} · ${about(f.about)}: ${f.text}`)
    .reverse()
    .slice(0, last);
  return success([
    toActor({ text: [`Your named feedback, newest first (withdraw with /feedback withdraw feedback:N):`, ...lines, note].join("\n") }),
  ]);
});
