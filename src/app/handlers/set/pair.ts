import { setPair } from "../../../../commands/index.ts";
import { findPerson } from "../../../store/people.ts";
import { setPairLabel } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { listed } from "../../meeting-advice.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** `/set pair member: pair:`: a member's new pair label (`none` clears it). Turns already announced stay as they are. */
export default handler(setPair, async (ctx, { member, pair }) => {
  const person = await findPerson(ctx.deps.db, ctx.workspace.id, member.externalId);
  const membership = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
  if (!membership) return failure("not-found", `${member.displayName} is not a member of this set.`);
  const label = pair.toLowerCase() === "none" ? null : pair;
  const name = membership.person.displayName;
  if (label === membership.pairLabel) {
    return failure("conflict", label ? `${name} is already in pair "${label}".` : `${name} is not in a pair.`);
  }
  await setPairLabel(ctx.deps.db, membership.id, label);
  const partners = label
    ? ctx.set.memberships
        .filter((m) => m.role === "member" && m.id !== membership.id && m.pairLabel === label)
        .map((m) => m.person.displayName)
    : [];
  const what = !label
    ? `${name} is no longer in a pair${membership.pairLabel ? ` (was "${membership.pairLabel}")` : ""}: they present on their own.`
    : partners.length
      ? `${name} is now in pair "${label}" with ${listed(partners)}: pair partners present together.`
      : `${name} is now in pair "${label}", so far the only member in it: give a partner the same label with /set pair.`;
  return success([
    toChannel({ text: `${what} Turns already announced stay as they are; the rotation uses the new pairs from the next announcement.` }),
  ]);
});
