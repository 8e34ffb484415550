import { setRename } from "../../../../commands/index.ts";
import { updateSet } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** `/set rename name:`: the set's new name, told to the channel. */
export default handler(setRename, async (ctx, { name }) => {
  if (name === ctx.set.name) return failure("conflict", `The set is already called "${name}".`);
  await updateSet(ctx.deps.db, ctx.set.id, { name });
  return success([toChannel({ text: `${ctx.actor.displayName} renamed the set "${ctx.set.name}" to "${name}".` })]);
});
