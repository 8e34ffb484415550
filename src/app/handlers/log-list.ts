import { logList } from "../../../commands/index.ts";
import { listEntries, listOwnOfKind } from "../../store/entries.ts";
import { readableMember } from "../access.ts";
import { handler } from "../context.ts";
import { entryLine } from "../entry-lines.ts";
import { plural } from "../format.ts";
import { toActor } from "../reply.ts";
import { success } from "../result.ts";

export default handler(logList, async (ctx, { last, member }) => {
  const readable = await readableMember(ctx, member);
  if (!readable.ok) return readable;
  const author = readable.value;
  const [entries, goals, problems] = await Promise.all([
    listEntries(ctx.deps.db, ctx.set.id, author.person.id, last ?? 10),
    listOwnOfKind(ctx.deps.db, ctx.set.id, author.person.id, "goal"),
    listOwnOfKind(ctx.deps.db, ctx.set.id, author.person.id, "problem"),
  ]);
  const whose = author.person.id === ctx.actor.id ? "Your" : `${author.person.displayName}'s`;
  if (entries.length === 0) return success([toActor({ text: `${whose} log is empty. Start with /log problem text:"…".` })]);
  // Goals and problems are named as the draft numbers them ("Goal 2"), so links read the same in both.
  const nth = (list: { id: string }[], id: string) => list.findIndex((e) => e.id === id) + 1;
  const labels = (e: (typeof entries)[number]) =>
    [
      e.kind === "write" ? `write-up of ${e.section}` : "",
      e.kind === "goal" ? `Goal ${nth(goals, e.id)}` : "",
      e.kind === "problem" ? `Problem ${nth(problems, e.id)}` : "",
      e.goalId ? `for Goal ${nth(goals, e.goalId)}` : "",
      e.problemId ? `under Problem ${nth(problems, e.problemId)}` : "",
    ].filter(Boolean);
  const lines = entries.map((e) => entryLine(e, labels(e)));
  const latest = entries.length === 1 ? "latest entry" : `latest ${plural(entries.length, "entry", "entries")}`;
  return success([toActor({ text: [`${whose} ${latest}:`, ...lines].join("\n") })]);
});
