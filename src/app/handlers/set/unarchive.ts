import { setUnarchive } from "../../../../commands/index.ts";
import { updateSet } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { at, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** `/set unarchive`: commands and reminders work again, from now on (nothing is sent for the archived time). */
export default handler(setUnarchive, async (ctx) => {
  const since = ctx.set.archivedAt;
  if (!since) return failure("conflict", `The set "${ctx.set.name}" is not archived: everything in it already works.`);
  await updateSet(ctx.deps.db, ctx.set.id, { archivedAt: null });
  return success([
    toChannel({
      text:
        `${ctx.actor.displayName} reopened the set "${ctx.set.name}" (archived since ${at(since, "date")}): commands and reminders work ` +
        "again from now on. Meetings cancelled by the archive stay cancelled: schedule the next one with /meeting schedule.",
    }),
  ]);
});
