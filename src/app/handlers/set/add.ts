import { setAdd } from "../../../../commands/index.ts";
import { SET_SIZE, setSizeWarnings } from "../../../domain/set/compliance.ts";
import { plural } from "../../../domain/text/plural.ts";
import { ensurePerson, findPerson } from "../../../store/people.ts";
import { addMembership } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { listed } from "../../meeting-advice.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/**
 * `/set add member:@Ana @Ben …`: adds each person in the order given while the set has room (at most 8 members),
 * and says, person by person, who was not added and why. Nobody added: a refusal that changes nothing.
 */
export default handler(setAdd, async (ctx, { member: users, pair }) => {
  const { db } = ctx.deps;
  let members = ctx.set.memberships.filter((m) => m.role === "member").length;
  const added: string[] = [];
  const notAdded: string[] = [];
  for (const user of users) {
    const existing = await findPerson(db, ctx.workspace.id, user.externalId);
    const current = existing && ctx.set.memberships.find((m) => m.person.id === existing.id);
    const name = existing?.displayName ?? user.displayName;
    if (current?.role === "member") notAdded.push(`${name} is already a member of the set`);
    else if (current?.role === "advisor")
      notAdded.push(`${name} is an advisor of this set; advisors are not members (they are not in the rotation)`);
    else if (members >= SET_SIZE.max) {
      const why = `the set already has ${members} members: ILM allows at most ${SET_SIZE.max} (4–6 recommended). Remove someone first with /set remove`;
      notAdded.push(users.length === 1 ? `${why[0]!.toUpperCase()}${why.slice(1)}` : `${name}: ${why}`);
    } else {
      const person = existing ?? (await ensurePerson(db, ctx.workspace.id, user, ctx.deps.defaultTimeZone));
      await addMembership(db, { setId: ctx.set.id, personId: person.id, role: "member", pairLabel: pair ?? null, now: ctx.now });
      added.push(person.displayName);
      members++;
    }
  }
  if (added.length === 0) {
    const full = notAdded.some((why) => why.includes("ILM allows"));
    return failure(full ? "limit" : "conflict", `${notAdded.join(". ")}.`);
  }
  const pairNote = pair ? ` in pair "${pair}" (pair partners present together)` : "";
  const lines = [`Welcome ${listed(added)}: added to the set${pairNote}. The set has ${plural(members, "member")}.`];
  if (notAdded.length) lines.push(`Not added: ${notAdded.join("; ")}.`);
  lines.push(...setSizeWarnings(members).map((w) => w.message));
  return success([toChannel({ text: lines.join("\n") })]);
});
