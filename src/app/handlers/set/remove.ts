import { setRemove } from "../../../../commands/index.ts";
import { setSizeWarnings } from "../../../domain/set/compliance.ts";
import { plural } from "../../../domain/text/plural.ts";
import { findPerson } from "../../../store/people.ts";
import { endMembership } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { announcePresenters } from "../../set-state.ts";

export default handler(setRemove, async (ctx, { member }) => {
  const { db } = ctx.deps;
  const person = await findPerson(db, ctx.workspace.id, member.externalId);
  const membership = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
  if (!membership) return failure("not-found", `${member.displayName} is not a member of this set.`);
  await endMembership(db, membership.id, ctx.now);
  const remaining = ctx.set.memberships.filter((m) => m.id !== membership.id);
  const announcements = await announcePresenters(db, { ...ctx.set, memberships: remaining }, ctx.now);
  const count = remaining.filter((m) => m.role === "member").length;
  const lines = [`${membership.person.displayName} has left the set. The set has ${plural(count, "member")}.`];
  for (const a of announcements.filter((a) => a.dropped.includes(membership.person.id) && a.added.length > 0))
    lines.push(`Their turn at meeting ${a.meeting.number} goes to the next in line.`);
  lines.push(...setSizeWarnings(count).map((w) => w.message));
  return success([toChannel({ text: lines.join("\n") })]);
});
