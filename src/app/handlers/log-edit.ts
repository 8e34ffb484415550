import { logEdit } from "../../../commands/index.ts";
import { type EntryLinks, editEntry, findOwnEntry } from "../../store/entries.ts";
import { handler } from "../context.ts";
import { checkDue, resolveLink } from "../entry-links.ts";
import { toActor } from "../reply.ts";
import { failure, optionFailure, success } from "../result.ts";

/** Which entry kinds take each changeable option (text: all). */
const TAKES: Record<"due" | "goal" | "problem" | "support" | "source", readonly string[]> = {
  due: ["action"],
  goal: ["action", "review"],
  problem: ["question", "reflect", "action", "outcome"],
  support: ["action"],
  source: ["strength", "limitation"],
};
const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Changes one of the member's own entries: its text, and the links and notes its kind takes. Nothing else moves. */
export default handler(logEdit, async (ctx, options) => {
  const { entry, text, due, goal, problem, support, source } = options;
  const own = await findOwnEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no entry #${entry}. See /log list.`);
  const given = { due, goal, problem, support, source };
  if (text === undefined && Object.values(given).every((v) => v === undefined))
    return failure(
      "bad-option",
      `Say what to change in entry #${entry}: text:, due:, goal:, problem:, support: or source:. Example: /log edit entry:${entry} goal:1`,
    );
  for (const [name, value] of Object.entries(given)) {
    const kinds = TAKES[name as keyof typeof TAKES];
    if (value !== undefined && !kinds.includes(own.kind))
      return optionFailure(
        "bad-option",
        name,
        `entry #${entry} is ${article(own.kind)}; only ${kinds.map((k) => `${k}s`).join(", ")} take ${name}:.`,
      );
  }
  if (own.kind === "review" && goal === 0)
    return optionFailure("bad-option", "goal", "a review is always of a goal: give its number, 1 or more.");
  const goalLink = await resolveLink(ctx, "goal", goal, true);
  if (!goalLink.ok) return goalLink;
  const problemLink = await resolveLink(ctx, "problem", problem, true);
  if (!problemLink.ok) return problemLink;
  const dueDay = due ? checkDue(ctx, due) : null;
  if (dueDay && !dueDay.ok) return dueDay;

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
  ].filter(Boolean);
  return success([toActor({ text: `Entry #${entry} (${own.kind}) updated: ${changed.join(", ")}.` })]);
});
