import { logDelete } from "../../../commands/index.ts";
import { deleteEntry, findOwnEntry } from "../../store/entries.ts";
import { handler } from "../context.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(logDelete, async (ctx, { entry }) => {
  const own = await findOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  await deleteEntry(ctx.deps.db, own.id);
  const what = own.kind === "action" ? "action (and its outcome)" : own.kind;
  return success([toActor({ text: `Entry #${entry} deleted: the ${what} "${own.text.slice(0, 60)}${own.text.length > 60 ? "…" : ""}".` })]);
});
