import { logDelete } from "../../../commands/index.ts";
import { deleteEntry, findOwnAction, findOwnEntry } from "../../store/entries.ts";
import { handler } from "../context.ts";
import { at, toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

/**
 * `/log delete entry:N`: shows the whole entry (and, for an action, the outcome that goes with it) and asks to
 * confirm, changing nothing; `confirm:yes` (the button) deletes it and shows again what was deleted, so it can be
 * recorded again if that was a mistake. Deleting cannot be undone: asking first is what keeps it safe.
 */
export default handler(logDelete, async (ctx, { entry, confirm }) => {
  const { db } = ctx.deps;
  const own = await findOwnEntry(db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  const action = own.kind === "action" ? await findOwnAction(db, ctx.set.id, ctx.actor.id, entry) : null;
  const outcome = action?.outcome ? `\nIts outcome (${action.status}) goes with it: ${action.outcome}` : "";
  const shown = `#${entry} ${at(own.createdAt, "date")} · ${own.kind}: ${own.text}${outcome}`;
  if (confirm !== "yes") {
    return success([
      toActor({
        text: `Delete this entry? It cannot be undone.\n${shown}`,
        buttons: [
          {
            id: `log-delete-${entry}`,
            label: `Delete entry #${entry}`,
            command: `/log delete entry:${entry} confirm:yes`,
            style: "danger",
          },
        ],
      }),
    ]);
  }
  await deleteEntry(db, own.id);
  return success([toActor({ text: `Deleted entry #${entry}. If that was a mistake, record it again with /log ${own.kind}:\n${shown}` })]);
});
