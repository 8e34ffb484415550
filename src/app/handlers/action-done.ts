import { actionDone } from "../../../commands/index.ts";
import { findOwnAction, listActions, recordOutcome } from "../../store/entries.ts";
import { handler } from "../context.ts";
import { actionRef, noSuchAction } from "../format.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(actionDone, async (ctx, { action, text, status, effective }) => {
  const own = await findOwnAction(ctx.deps.db, ctx.set.id, ctx.actor.id, action);
  if (!own) return failure("not-found", noSuchAction(action, await listActions(ctx.deps.db, ctx.set.id, ctx.actor.id)));
  await recordOutcome(ctx.deps.db, own.id, {
    status: status ?? "done",
    outcome: text ?? own.outcome,
    effectiveness: effective ?? own.effectiveness,
    now: ctx.now,
    // New words are the outcome now, not the entry that recorded the old ones.
    ...(text ? { outcomeEntryId: null } : {}),
  });
  const hint = text ? "" : ' Add what happened with text:"…" — the draft log uses it as "how it was put into effect".';
  return success([
    toActor({ text: `${actionRef(action, "Action")} marked ${status ?? "done"}${effective ? ` (${effective} effective)` : ""}.${hint}` }),
  ]);
});
