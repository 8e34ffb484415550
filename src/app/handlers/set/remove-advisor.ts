import { setRemoveAdvisor } from "../../../../commands/index.ts";
import { withdrawPending } from "../../../store/outbox.ts";
import { findPerson } from "../../../store/people.ts";
import { endMembership } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { listed } from "../../meeting-advice.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** `/set remove-advisor user:`: ends an advisor's part in the set, never the last advisor's (a set always has one). */
export default handler(setRemoveAdvisor, async (ctx, { user }) => {
  const { db } = ctx.deps;
  const advisors = ctx.set.memberships.filter((m) => m.role === "advisor");
  const person = await findPerson(db, ctx.workspace.id, user.externalId);
  const membership = person && advisors.find((m) => m.person.id === person.id);
  if (!membership) {
    return failure(
      "not-found",
      `${user.displayName} is not an advisor of this set. Advisors: ${listed(advisors.map((m) => m.person.displayName))}.`,
    );
  }
  const name = membership.person.displayName;
  if (advisors.length === 1) {
    return failure(
      "conflict",
      `${name} is the set's only advisor, and a set needs one. Add another advisor first (/set advisor user:@Name), then remove ${name}.`,
    );
  }
  await endMembership(db, membership.id, ctx.now);
  await withdrawPending(db, { setId: ctx.set.id, personId: membership.person.id }, "no longer an advisor of the set");
  const remaining = listed(advisors.filter((m) => m.id !== membership.id).map((m) => m.person.displayName));
  const what =
    membership.person.id === ctx.actor.id
      ? `${name} stepped down as an advisor of the set.`
      : `${ctx.actor.displayName} removed ${name} as an advisor of the set.`;
  return success([toChannel({ text: `${what} Advisors: ${remaining}.` })]);
});
