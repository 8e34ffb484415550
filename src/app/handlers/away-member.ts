import type { UserRef } from "../../../commands/define.ts";
import { findPerson, type PersonRow } from "../../store/people.ts";
import type { SetContext } from "../context.ts";
import { failure, type Result, success } from "../result.ts";

/** Whose absence `/away` changes: the actor if a member, or — for advisors only — the named member. */
export async function resolveAwayMember(ctx: SetContext, member: UserRef | undefined): Promise<Result<PersonRow>> {
  if (!member) {
    if (ctx.role !== "member")
      return failure(
        "forbidden",
        "Only members are in the rotation: an advisor names the member, e.g. /away until:2027-03-01 member:@Tom.",
      );
    return success(ctx.actor);
  }
  if (ctx.role !== "advisor")
    return failure(
      "forbidden",
      "Only the set's advisors can set another member's leave (option member:). Use /away without member: for yourself.",
    );
  const person = await findPerson(ctx.deps.db, ctx.workspace.id, member.externalId);
  const isMember = person && ctx.set.memberships.some((m) => m.person.id === person.id && m.role === "member");
  return isMember ? success(person) : failure("not-found", `${member.displayName} is not a member of this set.`);
}
