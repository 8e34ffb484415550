import { logEdit } from "../../../commands/index.ts";
import type { Effectiveness } from "../../domain/effectiveness.ts";
import {
  actionClosedBy,
  type EntryLinks,
  type EntryRow,
  editEntry,
  findOwnAction,
  findOwnEntry,
  listActions,
  recordOutcome,
  reopenAction,
} from "../../store/entries.ts";
import { handler, type SetContext } from "../context.ts";
import { checkDue, resolveLink } from "../entry-links.ts";
import { actionRef, noSuchAction } from "../format.ts";
import { toActor } from "../reply.ts";
import { failure, type Result, success } from "../result.ts";

/** Which entry kinds take each changeable option (text: all). */
const TAKES: Record<"due" | "goal" | "problem" | "support" | "source" | "action" | "effective", readonly string[]> = {
  due: ["action"],
  goal: ["action", "review"],
  problem: ["question", "reflect", "action", "outcome"],
  support: ["action"],
  source: ["strength", "limitation"],
  action: ["outcome"],
  effective: ["outcome"],
};
const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Changes one of the member's own entries: its text, and the links and notes its kind takes. Nothing else moves. */
export default handler(logEdit, async (ctx, options) => {
  const { entry, text, due, goal, problem, support, source, action, effective } = options;
  const own = await findOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  const given = { due, goal, problem, support, source, action, effective };
  if (text === undefined && Object.values(given).every((v) => v === undefined))
    return failure(
      "bad-option",
      `Say what to change in entry #${entry}: text:, due:, goal:, problem:, support:, source:, action: or effective:. Example: /log edit entry:${entry} goal:1`,
    );
  for (const [name, value] of Object.entries(given)) {
    const kinds = TAKES[name as keyof typeof TAKES];
    if (value !== undefined && !kinds.includes(own.kind))
      return failure(
        "bad-option",
        `Option ${name}: entry #${entry} is ${article(own.kind)}; only ${kinds.map((k) => `${k}s`).join(", ")} take ${name}:.`,
      );
  }
  if (own.kind === "review" && goal === 0)
    return failure("bad-option", "Option goal: a review is always of a goal: give its number, 1 or more.");
  const goalLink = await resolveLink(ctx, "goal", goal, true);
  if (!goalLink.ok) return goalLink;
  const problemLink = await resolveLink(ctx, "problem", problem, true);
  if (!problemLink.ok) return problemLink;
  const dueDay = due ? checkDue(ctx, due) : null;
  if (dueDay && !dueDay.ok) return dueDay;
  const relink = action !== undefined || effective !== undefined ? await outcomeLink(ctx, own, action, effective) : null;
  if (relink && !relink.ok) return relink;

  const links: EntryLinks = {};
  if (goalLink.value !== undefined) links.goalId = goalLink.value?.id ?? null;
  if (problemLink.value !== undefined) links.problemId = problemLink.value?.id ?? null;
  if (support !== undefined) links.support = support;
  if (source !== undefined) links.source = source;
  await editEntry(
    ctx.deps.db,
    own.id,
    { ...(text !== undefined ? { text } : {}), ...links, ...(dueDay ? { due: dueDay.value } : {}) },
    ctx.now,
  );
  const changed = [
    text !== undefined ? "text" : "",
    due ? "due date" : "",
    goal !== undefined ? (goal === 0 ? "goal link removed" : `now for Goal ${goal}`) : "",
    problem !== undefined ? (problem === 0 ? "problem link removed" : `now under Problem ${problem}`) : "",
    support !== undefined ? "help and support" : "",
    source !== undefined ? "source" : "",
    relink?.value ?? "",
  ].filter(Boolean);
  return success([toActor({ text: `Entry #${entry} (${own.kind}) updated: ${changed.join(", ")}.` })]);
});

/**
 * Links an outcome entry to the action it is the outcome of (`action:M`), closing it with the entry's words, or
 * unlinks it (`action:0`), reopening the action it closed; `effective:` changes how effective it was (the action's
 * when linked, the entry's own otherwise). The action it closed before, if another, is open again. An action whose
 * outcome was written some other way (`/action done text:`) is not overwritten: those words are the member's too.
 * What changed, for the reply.
 */
async function outcomeLink(
  ctx: SetContext,
  own: EntryRow,
  actionNumber: number | undefined,
  effective: Effectiveness | undefined,
): Promise<Result<string>> {
  const { db } = ctx.deps;
  const before = await actionClosedBy(db, own.id);
  if (actionNumber === undefined) {
    // Only how effective changes.
    if (before) await db.action.update({ where: { id: before.id }, data: { effectiveness: effective ?? null } });
    else await editEntry(db, own.id, { effectiveness: effective ?? null }, ctx.now);
    return success(`how effective: ${effective}`);
  }
  if (actionNumber === 0) {
    if (!before) return failure("bad-option", `Option action: entry #${own.number} is not linked to an action.`);
    const kept = effective ?? before.effectiveness;
    await reopenAction(db, before.id);
    await editEntry(db, own.id, { effectiveness: kept }, ctx.now);
    return success(`no longer the outcome of ${actionRef(before.number)}, which is open again`);
  }
  const target = await findOwnAction(db, ctx.set.id, ctx.actor.id, actionNumber);
  if (!target) return failure("not-found", noSuchAction(actionNumber, await listActions(db, ctx.set.id, ctx.actor.id), "Option action: "));
  if (before?.id === target.id) {
    if (effective !== undefined) await db.action.update({ where: { id: target.id }, data: { effectiveness: effective } });
    return success(`already the outcome of ${actionRef(target.number)}${effective ? `; how effective: ${effective}` : ""}`);
  }
  if (target.outcome !== null && target.outcomeEntryId === null)
    return failure(
      "conflict",
      `${actionRef(target.number, "Action")} already has an outcome in your words: "${target.outcome}". To keep this entry as its outcome instead, first clear that one (/log delete entry:${target.number} asks what to keep), or edit it: /action done action:${target.number} text:"…".`,
    );
  if (before) await reopenAction(db, before.id);
  const effectiveness = effective ?? own.effectiveness ?? target.effectiveness;
  await recordOutcome(db, target.id, { status: "done", outcome: own.text, effectiveness, now: ctx.now, outcomeEntryId: own.id });
  const actionEntry = own.problemId ? null : await findOwnEntry(db, ctx.set.id, ctx.actor.id, target.number);
  await editEntry(db, own.id, { effectiveness: null, ...(actionEntry?.problemId ? { problemId: actionEntry.problemId } : {}) }, ctx.now);
  const reopened = before ? `; ${actionRef(before.number)} is open again` : "";
  return success(
    `now the outcome of ${actionRef(target.number)}, which is marked done${effectiveness ? ` (${effectiveness} effective)` : ""}${reopened}`,
  );
}
