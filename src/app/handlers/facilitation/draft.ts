import { facilitationDraft } from "../../../../commands/index.ts";
import { thousands } from "../../../domain/draft/text.ts";
import { compileFacilitationDraft } from "../../../domain/facilitation/compile.ts";
import { plural } from "../../../domain/text/plural.ts";
import { calendarDateOf, formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { draftToMarkdown } from "../../../export/draft-markdown.ts";
import { docxOf } from "../../../export/on-demand.ts";
import { listAdvisedSets, type SetWithPeople } from "../../../store/sets.ts";
import { handler, type SetContext } from "../../context.ts";
import { loadFacilitationInput } from "../../facilitation-input.ts";
import { type FileOut, toActor } from "../../reply.ts";
import { optionFailure, type Result, success } from "../../result.ts";

const MIME = { md: "text/markdown", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;
const slug = (s: string, fallback: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || fallback;

/** The set the draft is for: the channel's, or the one named by `set:` among those the actor advises here. */
async function draftSet(ctx: SetContext, name: string | undefined): Promise<Result<SetWithPeople>> {
  if (name === undefined) return success(ctx.set);
  const advised = await listAdvisedSets(ctx.deps.db, ctx.workspace.id, ctx.actor.id);
  const wanted = name.trim().toLowerCase();
  const found = advised.find((s) => s.name.trim().toLowerCase() === wanted);
  if (found) return success(found);
  return optionFailure(
    "not-found",
    "set",
    `you do not advise a set called "${name}" here. The sets you advise: ${advised.map((s) => `"${s.name}"`).join(", ")}. Example: /facilitation draft set:"${advised[0]!.name}"`,
  );
}

/** The advisor's draft M5.37 facilitation log for one set they advise, as a file; reads only. */
export default handler(facilitationDraft, async (ctx, { format = "md", set: setName }) => {
  const set = await draftSet(ctx, setName);
  if (!set.ok) return set;
  const input = await loadFacilitationInput(ctx.deps.db, set.value, ctx.actor, ctx.now);
  const draft = compileFacilitationDraft(input);
  const day = formatCalendarDate(calendarDateOf(ctx.now, ctx.actor.timeZone), "iso");
  const name = `m537-draft-${slug(ctx.actor.displayName, "advisor")}-${slug(set.value.name, "set")}-${day}.${format}`;
  const file: FileOut = { name, mimeType: MIME[format], content: format === "md" ? draftToMarkdown(draft) : await docxOf(draft) };
  const gaps = draft.coverage.filter((c) => c.status !== "covered").map((c) => `${c.criterion} ${c.status}`);
  const summary = [
    `Draft M5.37 facilitation log for "${set.value.name}": ${thousands(draft.wordCount)} words of your own from ${plural(input.entries.length, "facilitation entry", "facilitation entries")}, ${plural(input.reviews.length, "review")} and your notes.`,
    gaps.length
      ? `Still thin or missing: ${gaps.join(", ")} (the prompts in the draft, and its appendix, say what would fill them).`
      : "Every criterion has evidence.",
    ...draft.warnings,
  ];
  return success([toActor({ text: summary.join("\n"), files: [file] })]);
});
