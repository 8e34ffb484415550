import { reviewList } from "../../../../commands/index.ts";
import { plural } from "../../../domain/text/plural.ts";
import { type ReviewRow, reviewsInSet } from "../../../store/reviews.ts";
import type { MembershipRow } from "../../../store/sets.ts";
import { setMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { nameOf } from "../../format.ts";
import { at, type Field, toActor } from "../../reply.ts";
import { optionFailure, success } from "../../result.ts";

/**
 * `/review list [member:]`: advisors see each member's reviews and when each was last reviewed; a member sees their
 * own. A member's reply is their words: advisors see its text only while that member shares their log.
 */
export default handler(reviewList, async (ctx, { member }) => {
  const members = ctx.set.memberships.filter((m) => m.role === "member");
  let shown: MembershipRow[];
  if (ctx.role === "advisor") {
    if (member) {
      const target = await setMember(ctx, member);
      if (!target.ok) return target;
      shown = [target.value];
    } else shown = members;
  } else {
    const own = members.find((m) => m.person.id === ctx.actor.id)!;
    if (member && member.externalId !== own.person.externalId)
      return optionFailure("forbidden", "member", "you can list only your own reviews (leave member: out).");
    shown = [own];
  }
  const all = await reviewsInSet(ctx.deps.db, ctx.set.id);
  const byMember = new Map<string, ReviewRow[]>();
  for (const r of all) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
  const isAdvisor = ctx.role === "advisor";
  const fields: Field[] = shown.map((m) => {
    const reviews = byMember.get(m.person.id) ?? [];
    const last = reviews.at(-1);
    const lines = reviews.map((r) => {
      const reply =
        r.reply === null
          ? "no reply yet"
          : isAdvisor && !m.sharing
            ? `replied ${at(r.repliedAt!, "date")} (its text is theirs unless they share)`
            : `reply ${at(r.repliedAt!, "date")}: ${r.reply}`;
      return `Review ${r.number} · ${at(r.createdAt, "date")} by ${nameOf(ctx.set, r.advisorId)}${r.editedAt ? " (edited)" : ""}: ${r.text}\n  ${reply}`;
    });
    return {
      label: isAdvisor ? m.person.displayName : "Your reviews",
      value: [
        ...(isAdvisor
          ? [last ? `last reviewed ${at(last.createdAt, "date")}, ${plural(reviews.length, "review")} in all` : "never reviewed"]
          : []),
        ...lines,
        ...(lines.length ? [] : [isAdvisor ? `Review with /review member:@${m.person.displayName} text:"…"` : "No review yet."]),
      ].join("\n"),
    };
  });
  const title = isAdvisor
    ? `Reviews of members' progress in "${ctx.set.name}"`
    : `Your advisors' reviews in "${ctx.set.name}" (reply once to each with /review reply)`;
  return success([toActor({ text: title, fields })]);
});
