import { logDelete } from "../../../../commands/index.ts";
import {
  type ActionRow,
  actionClosedBy,
  actionOfEntry,
  actionReportedBy,
  createEntry,
  deleteEntry,
  type EntryRow,
  findEntry,
  findOwnEntry,
  outcomesOf,
  recordOutcome,
  reopenAction,
} from "../../../store/entries.ts";
import { handler, type SetContext } from "../../context.ts";
import { deleteConfirmation } from "../../entry-lines.ts";
import { type Outgoing, toActor } from "../../reply.ts";
import { failure, optionFailure, type Result, success } from "../../result.ts";

/** Entry text is shown whole: what is deleted must be recognisable, and can be recorded again from the reply. */
const quote = (text: string) => `"${text}"`;
const deleted = (e: EntryRow) => `Entry #${e.number} deleted: the ${e.kind} ${quote(e.text)}.`;

/**
 * Deletes one of the member's entries and keeps what it recorded consistent: deleting an outcome entry reopens
 * the action it closed unless another of the action's outcome entries stands (then that is its outcome); deleting an action that has an outcome first asks whether the outcome goes too or stays
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

  const after = own.kind === "outcome" ? await outcomeAfterDeleting(ctx, own) : null;
  if (confirm !== "yes") {
    return success([deleteConfirmation(own, `/log delete entry:${own.number} confirm:yes`, after ? `\n${after.willSay}` : "")]);
  }
  await after?.apply();
  await deleteEntry(db, own.id);
  return success([toActor({ text: `${deleted(own)}${after ? ` ${after.said}` : ""}` })]);
});

/**
 * What deleting an outcome entry does to the action it reports on: while another of its outcome entries stands the
 * action stays done, its outcome the latest of them; when none does and this one recorded the outcome, it opens
 * again. null when the entry reports on no action, or the action's outcome was given some other way.
 */
async function outcomeAfterDeleting(
  ctx: SetContext,
  own: EntryRow,
): Promise<{ willSay: string; said: string; apply: () => Promise<void> } | null> {
  const { db } = ctx.deps;
  const action = (await actionReportedBy(db, own.id)) ?? (await actionClosedBy(db, own.id));
  if (!action) return null;
  const others = (await outcomesOf(db, action.id)).filter((e) => e.id !== own.id);
  const latest = others.at(-1);
  const name = `Action #${action.number} ${quote(action.text)}`;
  if (latest) {
    const recorded = action.outcomeEntryId === own.id;
    return {
      willSay: `${name} stays done: entry #${latest.number} is its outcome${others.length > 1 ? " (the latest of them)" : ""}.`,
      said: `${name} stays done: its outcome is entry #${latest.number} ${quote(latest.text)}.`,
      apply: async () => {
        if (recorded)
          await recordOutcome(db, action.id, {
            status: action.status,
            outcome: latest.text,
            effectiveness: action.effectiveness,
            now: action.outcomeAt ?? ctx.now,
            outcomeEntryId: latest.id,
          });
      },
    };
  }
  if (action.outcomeEntryId !== own.id) return null;
  return {
    willSay: `${name} will be open again: it will have no outcome.`,
    said: `${name} is open again: it has no outcome now.`,
    apply: () => reopenAction(db, action.id),
  };
}

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
    const outcomes = await outcomesOf(db, action.id);
    const all = recordedBy && !outcomes.some((e) => e.id === recordedBy.id) ? [...outcomes, recordedBy] : outcomes;
    for (const e of all) await deleteEntry(db, e.id);
    await deleteEntry(db, own.id);
    const numbers = all.map((e) => `#${e.number}`).join(", ");
    const also = all.length
      ? `, with its outcome${all.length > 1 ? "s" : ""} (entr${all.length > 1 ? "ies" : "y"} ${numbers})`
      : ", with its outcome";
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
