import { logList } from "../../../commands/index.ts";
import { listEntries } from "../../store/entries.ts";
import { readableMember } from "../access.ts";
import { handler } from "../context.ts";
import { plural } from "../format.ts";
import { at, toActor } from "../reply.ts";
import { success } from "../result.ts";

export default handler(logList, async (ctx, { last, member }) => {
  const readable = await readableMember(ctx, member);
  if (!readable.ok) return readable;
  const author = readable.value;
  const entries = await listEntries(ctx.deps.db, ctx.set.id, author.person.id, last ?? 10);
  const whose = author.person.id === ctx.actor.id ? "Your" : `${author.person.displayName}'s`;
  if (entries.length === 0) return success([toActor({ text: `${whose} log is empty. Start with /log problem text:"…".` })]);
  const lines = entries.map((e) => `#${e.number} ${at(e.createdAt, "date")} · ${e.kind}: ${e.text}${e.editedAt ? " (edited)" : ""}`);
  const latest = entries.length === 1 ? "latest entry" : `latest ${plural(entries.length, "entry", "entries")}`;
  return success([toActor({ text: [`${whose} ${latest}:`, ...lines].join("\n") })]);
});
