/**
 * Whose data a command may touch when it names a member: the one place the rules for another member's log
 * (privacy) and another member's leave are decided.
 */
import type { UserRef } from "../../commands/define.ts";
import { findPerson, type PersonRow } from "../store/people.ts";
import type { MembershipRow } from "../store/sets.ts";
import type { SetContext } from "./context.ts";
import { failure, optionFailure, type Result, success } from "./result.ts";

/** Whose log a command may read: the actor's own, or — for an advisor — a member who shares it. */
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

/** The current member of the set a `member:` option names, or a refusal saying they are not one. */
export async function setMember(ctx: SetContext, member: UserRef): Promise<Result<MembershipRow>> {
  const person = await findPerson(ctx.deps.db, ctx.workspace.id, member.externalId);
  const target = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
  if (!target) {
    const advisor = person && ctx.set.memberships.some((m) => m.person.id === person.id && m.role === "advisor");
    return optionFailure(
      "not-found",
      "member",
      `${member.displayName} is not a member of this set${advisor ? " (they are an advisor)" : ""}. Example: /review member:@Ana text:"…"`,
    );
  }
  return success(target);
}
