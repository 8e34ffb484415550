import { logEdit } from "../../../commands/index.ts";
import { editEntry, findOwnEntry } from "../../store/entries.ts";
import { handler } from "../context.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(logEdit, async (ctx, { entry, text }) => {
  const own = await findOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  await editEntry(ctx.deps.db, own.id, text, ctx.now);
  return success([toActor({ text: `Entry #${entry} (${own.kind}) updated.` })]);
});
