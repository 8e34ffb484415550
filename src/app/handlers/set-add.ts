import { setAdd } from "../../../commands/index.ts";
import { SET_SIZE, setSizeWarnings } from "../../domain/compliance.ts";
import { ensurePerson, findPerson } from "../../store/people.ts";
import { addMembership } from "../../store/sets.ts";
import { handler } from "../context.ts";
import { plural } from "../format.ts";
import { toChannel } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(setAdd, async (ctx, { member, pair }) => {
  const { db } = ctx.deps;
  const existing = await findPerson(db, ctx.workspace.id, member.externalId);
  const current = existing && ctx.set.memberships.find((m) => m.person.id === existing.id);
  if (current?.role === "member") return failure("conflict", `${existing!.displayName} is already a member of the set.`);
  if (current?.role === "advisor")
    return failure(
      "conflict",
      `${existing!.displayName} is an advisor of this set; advisors are not members (they are not in the rotation).`,
    );
  const members = ctx.set.memberships.filter((m) => m.role === "member").length;
  if (members >= SET_SIZE.max) {
    return failure(
      "limit",
      `The set already has ${members} members: ILM allows at most ${SET_SIZE.max} (4–6 recommended). Remove someone first with /set remove.`,
    );
  }
  const person = existing ?? (await ensurePerson(db, ctx.workspace.id, member, ctx.set.timeZone));
  await addMembership(db, { setId: ctx.set.id, personId: person.id, role: "member", pairLabel: pair ?? null, now: ctx.now });
  const warnings = setSizeWarnings(members + 1).map((w) => w.message);
  const pairNote = pair ? ` in pair "${pair}" (pair partners present together)` : "";
  return success([
    toChannel({
      text: [`Welcome ${person.displayName}: added to the set${pairNote}. The set has ${plural(members + 1, "member")}.`, ...warnings].join(
        "\n",
      ),
    }),
  ]);
});
