import { logList } from "../../../commands/index.ts";
import { listEntries } from "../../store/entries.ts";
import { findPerson } from "../../store/people.ts";
import { handler } from "../context.ts";
import { at, toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(logList, async (ctx, { last, member }) => {
  const { db } = ctx.deps;
  let author = ctx.set.memberships.find((m) => m.person.id === ctx.actor.id && m.role === "member");
  if (member) {
    const person = await findPerson(db, ctx.workspace.id, member.externalId);
    const target = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
    if (!target) return failure("not-found", `${member.displayName} is not a member of this set.`);
    if (target.person.id !== ctx.actor.id) {
      if (ctx.role !== "advisor") return failure("forbidden", "You can only read your own entries.");
      if (!target.sharing) return failure("forbidden", `${target.person.displayName} has not shared their entries. Only they can turn sharing on (/log share on).`);
    }
    author = target;
  }
  if (!author) return failure("forbidden", "Advisors have no entries of their own: name a member who shares, e.g. /log list member:@Ana.");
  const entries = await listEntries(db, ctx.set.id, author.person.id, last ?? 10);
  const whose = author.person.id === ctx.actor.id ? "Your" : `${author.person.displayName}'s`;
  if (entries.length === 0) return success([toActor({ text: `${whose} log is empty. Start with /log problem text:"…".` })]);
  const lines = entries.map((e) => `#${e.number} ${at(e.createdAt, "date")} · ${e.kind}: ${e.text}${e.editedAt ? " (edited)" : ""}`);
  return success([toActor({ text: [`${whose} latest ${entries.length} entries:`, ...lines].join("\n") })]);
});
