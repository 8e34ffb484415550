import { facilitationDelete } from "../../../../commands/index.ts";
import { deleteFacilitationEntry, findOwnFacilitationEntry } from "../../../store/facilitation.ts";
import { handler } from "../../context.ts";
import { deleteConfirmation } from "../../entry-lines.ts";
import { toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** Deletes one of the advisor's own facilitation entries: shown whole first, with a button to confirm (`confirm:yes`). */
export default handler(facilitationDelete, async (ctx, { entry, confirm }) => {
  const own = await findOwnFacilitationEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no facilitation entry #${entry} in this set. See /facilitation list.`);
  if (confirm !== "yes") return success([deleteConfirmation(own, `/facilitation delete entry:${own.number} confirm:yes`)]);
  await deleteFacilitationEntry(ctx.deps.db, own.id);
  return success([toActor({ text: `Facilitation entry #${own.number} deleted: the ${own.kind} "${own.text}".` })]);
});
