import { logWrite } from "../../../commands/index.ts";
import { countWords } from "../../domain/draft.ts";
import { sectionFragments, type WriteTarget } from "../../domain/draft-writeup.ts";
import { WRITE_KIND } from "../../domain/entry-kind.ts";
import { createEntry, editEntry, findWriteUp } from "../../store/entries.ts";
import { handler, type SetContext } from "../context.ts";
import { loadDraftInput } from "../draft-input.ts";
import { resolveLink } from "../entry-links.ts";
import { plural } from "../format.ts";
import { toActor } from "../reply.ts";
import { failure, type Result, success } from "../result.ts";

/** "2.2, Problem 1": what a write-up is for, as the draft heads it. */
const label = (t: WriteTarget) =>
  `${t.section}${t.problem !== undefined ? `, Problem ${t.problem}` : ""}${t.goal !== undefined ? `, Goal ${t.goal}` : t.section === "2.3" ? ", looking back overall" : ""}`;

/** Which links a section takes: 2.2 needs its problem; 2.3 may name a goal; the plan's sections take neither. */
function checkTarget(t: WriteTarget): Result<WriteTarget> {
  if (t.section === "2.2" && t.problem === undefined)
    return failure("bad-option", "Option problem: 2.2 is written problem by problem: say which, e.g. /log write section:2.2 problem:1");
  if (t.problem !== undefined && t.section !== "2.2")
    return failure("bad-option", `Option problem: only section 2.2 is written per problem; ${t.section} takes no problem:.`);
  if (t.goal !== undefined && t.section !== "2.3")
    return failure("bad-option", `Option goal: only section 2.3 is written per goal; ${t.section} takes no goal:.`);
  return success(t);
}

/**
 * Stores the member's own paragraph for one section of their draft (a `write` entry), replacing their earlier write-up
 * of it (whose words the reply gives back whole). Without text, shows the section's fragments to write from (forms
 * on Slack and Discord open filled with them instead: src/app/form-presets.ts). The text is theirs, as written.
 */
export default handler(logWrite, async (ctx: SetContext, { section, problem, goal, text }) => {
  const target = checkTarget({ section, ...(problem !== undefined ? { problem } : {}), ...(goal !== undefined ? { goal } : {}) });
  if (!target.ok) return target;
  const problemLink = await resolveLink(ctx, "problem", problem);
  if (!problemLink.ok) return problemLink;
  const goalLink = await resolveLink(ctx, "goal", goal);
  if (!goalLink.ok) return goalLink;
  const { db } = ctx.deps;
  const where = { section, problemId: problemLink.value?.id ?? null, goalId: goalLink.value?.id ?? null };
  const existing = await findWriteUp(db, ctx.set.id, ctx.actor.id, where);
  const what = label(target.value);
  const command = `/log write section:${section}${problem !== undefined ? ` problem:${problem}` : ""}${goal !== undefined ? ` goal:${goal}` : ""}`;

  if (text === undefined) {
    const input = await loadDraftInput(db, ctx.set, ctx.actor, ctx.now);
    const { fragments } = sectionFragments(input, target.value);
    const lines = fragments.map((f) => `  ${f.number !== null ? `#${f.number} ` : ""}${f.text}`);
    const head = fragments.length
      ? `Your notes for ${what}, to write up in your own words (${plural(
          fragments.reduce((n, f) => n + countWords(f.text), 0),
          "word",
        )}):`
      : `You have no entries for ${what} yet: write it from what you know, or record entries first.`;
    const mine = existing ? `\nYour write-up (entry #${existing.number}): ${existing.text}` : "";
    return success([
      toActor({
        text: `${[head, ...lines].join("\n")}${mine}\nWrite it: ${command} text:"…"${existing ? " (replaces your write-up)" : ""}`,
      }),
    ]);
  }

  const words = plural(countWords(text), "word");
  if (existing) {
    await editEntry(db, existing.id, { text }, ctx.now);
    return success([
      toActor({
        text: `Your write-up of ${what} (entry #${existing.number}) is replaced: ${words}. It was: "${existing.text}"`,
      }),
    ]);
  }
  const entry = await createEntry(db, {
    setId: ctx.set.id,
    authorId: ctx.actor.id,
    kind: WRITE_KIND,
    text,
    meetingId: null,
    now: ctx.now,
    section,
    problemId: where.problemId,
    goalId: where.goalId,
  });
  return success([
    toActor({
      text: `Your write-up of ${what} is stored as entry #${entry.number} (${words}). In your draft it stands in place of that section's entries, which move to the "my notes" appendix. Only you can see it unless you /log share on.`,
    }),
  ]);
});
