import { setAdvisor } from "../../../../commands/index.ts";
import { ensurePerson, findPerson } from "../../../store/people.ts";
import { addMembership } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

export default handler(setAdvisor, async (ctx, { user }) => {
  const { db } = ctx.deps;
  const existing = await findPerson(db, ctx.workspace.id, user.externalId);
  const current = existing && ctx.set.memberships.find((m) => m.person.id === existing.id);
  if (current?.role === "advisor") return failure("conflict", `${existing!.displayName} is already an advisor of this set.`);
  if (current?.role === "member") {
    return failure(
      "conflict",
      `${existing!.displayName} is a member of the set; an advisor is not part of the set. Remove them as a member first if they are to facilitate.`,
    );
  }
  const person = existing ?? (await ensurePerson(db, ctx.workspace.id, user, ctx.deps.defaultTimeZone));
  await addMembership(db, { setId: ctx.set.id, personId: person.id, role: "advisor", now: ctx.now });
  return success([toChannel({ text: `${person.displayName} is now a co-advisor of the set.` })]);
});
