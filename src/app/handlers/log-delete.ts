import { logDelete } from "../../../commands/index.ts";
import {
  type ActionRow,
  actionClosedBy,
  actionOfEntry,
  createEntry,
  deleteEntry,
  type EntryRow,
  findEntry,
  findOwnEntry,
  reopenAction,
} from "../../store/entries.ts";
import { handler, type SetContext } from "../context.ts";
import { deleteConfirmation } from "../entry-lines.ts";
import { type Outgoing, toActor } from "../reply.ts";
import { failure, optionFailure, type Result, success } from "../result.ts";

/** Entry text is shown whole: what is deleted must be recognisable, and can be recorded again from the reply. */
const quote = (text: string) => `"${text}"`;
const deleted = (e: EntryRow) => `Entry #${e.number} deleted: the ${e.kind} ${quote(e.text)}.`;

/**
 * Deletes one of the member's entries and keeps what it recorded consistent: deleting an outcome entry reopens
 * the action it closed; deleting an action that has an outcome first asks whether the outcome goes too or stays
 * as an entry of its own (`outcome:delete|keep`). Any other entry is shown whole first, with a button to confirm
 * (`confirm:yes`): nothing is deleted until then.
 */
export default handler(logDelete, async (ctx, { entry, outcome, confirm }) => {
  const { db } = ctx.deps;
  const own = await findOwnEntry(db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  const action = own.kind === "action" ? await actionOfEntry(db, own) : null;
  if (outcome && !action)
    return optionFailure(
      "bad-option",
      "outcome",
      `is for deleting an action that has an outcome; entry #${entry} is ${/^[aeiou]/.test(own.kind) ? "an" : "a"} ${own.kind}.`,
    );

  if (action && hasOutcome(action)) return deleteAction(ctx, own, action, outcome);

  const closed = own.kind === "outcome" ? await actionClosedBy(db, own.id) : null;
  if (confirm !== "yes") {
    const reopens = closed ? `\nAction #${closed.number} ${quote(closed.text)} will be open again: it will have no outcome.` : "";
    return success([deleteConfirmation(own, `/log delete entry:${own.number} confirm:yes`, reopens)]);
  }
  if (closed) await reopenAction(db, closed.id);
  await deleteEntry(db, own.id);
  const reopened = closed ? ` Action #${closed.number} ${quote(closed.text)} is open again: it has no outcome now.` : "";
  return success([toActor({ text: `${deleted(own)}${reopened}` })]);
});

const hasOutcome = (a: ActionRow) => a.outcome !== null || a.outcomeEntryId !== null;

async function deleteAction(ctx: SetContext, own: EntryRow, action: ActionRow, choice?: "delete" | "keep"): Promise<Result<Outgoing[]>> {
  const { db } = ctx.deps;
  const recordedBy = action.outcomeEntryId ? await findEntry(db, action.outcomeEntryId) : null;
  const outcomeText = action.outcome ?? recordedBy?.text ?? "";
  if (!choice) {
    const where = recordedBy ? ` (entry #${recordedBy.number})` : "";
    return success([
      toActor({
        text: `Action #${own.number} ${quote(own.text)} has an outcome${where}: ${quote(outcomeText)}. Delete the outcome too, or keep it as an entry of its own?`,
        buttons: [
          {
            id: `delete-both-${own.number}`,
            label: "Delete both",
            command: `/log delete entry:${own.number} outcome:delete`,
            style: "danger",
          },
          { id: `keep-outcome-${own.number}`, label: "Keep the outcome", command: `/log delete entry:${own.number} outcome:keep` },
        ],
      }),
    ]);
  }
  if (choice === "delete") {
    if (recordedBy) await deleteEntry(db, recordedBy.id);
    await deleteEntry(db, own.id);
    const also = recordedBy ? `, with its outcome (entry #${recordedBy.number})` : ", with its outcome";
    return success([toActor({ text: `Entry #${own.number} deleted: the action ${quote(own.text)}${also}.` })]);
  }
  const kept =
    recordedBy ??
    (await createEntry(db, {
      setId: ctx.set.id,
      authorId: ctx.actor.id,
      kind: "outcome",
      text: outcomeText,
      meetingId: action.meetingId,
      now: action.outcomeAt ?? ctx.now,
    }));
  await deleteEntry(db, own.id);
  return success([toActor({ text: `${deleted(own)} Its outcome stays, as entry #${kept.number} (an outcome).` })]);
}
