import { actionDone } from "../../../../commands/index.ts";
import { findOwnAction, listActions, recordOutcome } from "../../../store/entries.ts";
import { nextStepAddition, readOwnLog } from "../../coach-reply.ts";
import { handler } from "../../context.ts";
import { actionRef, effectivenessButtons, noSuchAction } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/**
 * Records an action's outcome. New words never replace an outcome the action already has without asking: the reply
 * offers to replace it (`replace:yes`) or to keep both (the new words as an outcome entry of the action). Without
 * text:, the outcome stands and only the status or effectiveness given changes.
 */
export default handler(actionDone, async (ctx, { action, text, status, effective, replace }) => {
  const own = await findOwnAction(ctx.deps.db, ctx.set.id, ctx.actor.id, action);
  if (!own) return failure("not-found", noSuchAction(action, await listActions(ctx.deps.db, ctx.set.id, ctx.actor.id)));
  if (text && own.outcome !== null && own.outcome !== text && replace !== "yes") {
    const kept = [status ? `status:${status}` : "", effective ? `effective:${effective}` : ""].filter(Boolean).join(" ");
    return success([
      toActor({
        text:
          `${actionRef(action, "Action")} already has an outcome: "${own.outcome}". Replace it with "${text}", or keep both ` +
          "(the new words as an outcome entry of the action)? Nothing has changed yet.",
        buttons: [
          {
            id: `outcome-replace-${action}`,
            label: "Replace it",
            command: `/action done action:${action} ${kept} replace:yes text:${text}`,
          },
          { id: `outcome-keep-both-${action}`, label: "Keep both", command: `/log outcome action:${action} text:${text}` },
        ],
      }),
    ]);
  }
  const newStatus = status ?? (own.status === "open" ? "done" : own.status);
  await recordOutcome(ctx.deps.db, own.id, {
    status: newStatus,
    outcome: text ?? own.outcome,
    effectiveness: effective ?? own.effectiveness,
    now: text || own.outcomeAt === null ? ctx.now : own.outcomeAt,
    // New words are the outcome now, not the entry that recorded the old ones.
    ...(text && text !== own.outcome ? { outcomeEntryId: null } : {}),
  });
  const hint =
    text || own.outcome !== null ? "" : ' Add what happened with text:"…" — the draft log uses it as "how it was put into effect".';
  const rated = effective ?? own.effectiveness;
  const lead = `${actionRef(action, "Action")} marked ${newStatus}${effective ? ` (${effective} effective)` : ""}.${hint}`;
  if (!rated) return success([toActor({ text: `${lead} How effective was it?`, buttons: effectivenessButtons(action, newStatus) })]);
  // The last open action of a problem closed: what was learned from it (2.2 asks for it), else the next step.
  const { a, reading } = await readOwnLog(ctx);
  const group = a.groupOfAction.get(action);
  const closed = group?.problem && group.actions.every((e) => a.actionOf.get(e.number)?.status !== "open");
  if (group?.problem && closed && group.reflections.length === 0)
    return success([
      toActor({
        text: `${lead} That was the last open action of Problem ${group.ordinal}: what did you learn from it as a leader? A sentence or two: /log reflect problem:${group.ordinal} text:"…"`,
        buttons: [{ id: "coach-learned", label: "What I learned", command: "/log reflect", style: "primary" }],
      }),
    ]);
  // One ask at a time: while this action lacks what happened, that is the next step.
  const next = hint ? { text: "", buttons: [] } : nextStepAddition(reading);
  return success([toActor({ text: `${lead}${next.text}`, ...(next.buttons.length ? { buttons: next.buttons } : {}) })]);
});
