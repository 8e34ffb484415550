import type { UserRef } from "../../commands/define.ts";
import { findPerson } from "../store/people.ts";
import type { MembershipRow } from "../store/sets.ts";
import type { SetContext } from "./context.ts";
import { failure, type Result, success } from "./result.ts";

/**
 * Whose log a command may read: the actor's own, or — for an advisor — a member who shares it.
 * The one place the privacy rule for entries and drafts is decided.
 */
export async function readableMember(ctx: SetContext, member: UserRef | undefined): Promise<Result<MembershipRow>> {
  const own = ctx.set.memberships.find((m) => m.person.id === ctx.actor.id && m.role === "member");
  if (!member) {
    return own ? success(own) : failure("forbidden", "Advisors have no log of their own: name a member who shares, e.g. member:@Ana.");
  }
  const person = await findPerson(ctx.deps.db, ctx.workspace.id, member.externalId);
  const target = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
  if (!target) return failure("not-found", `${member.displayName} is not a member of this set.`);
  if (target.person.id === ctx.actor.id) return success(target);
  if (ctx.role !== "advisor") return failure("forbidden", "You can only read your own entries.");
  if (!target.sharing)
    return failure("forbidden", `${target.person.displayName} has not shared their log. Only they can turn sharing on (/log share on).`);
  return success(target);
}
