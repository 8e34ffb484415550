import { logDraft } from "../../../commands/index.ts";
import { calendarDateOf, formatCalendarDate } from "../../domain/calendar-date.ts";
import { compileDraft, evidenceRows } from "../../domain/draft.ts";
import { plural } from "../../domain/plural.ts";
import { evidenceCsv } from "../../export/draft-csv.ts";
import { draftToDocx } from "../../export/draft-docx.ts";
import { draftToMarkdown } from "../../export/draft-markdown.ts";
import { readableMember } from "../access.ts";
import { handler } from "../context.ts";
import { loadDraftInput } from "../draft-input.ts";
import { type FileOut, toActor } from "../reply.ts";
import { success } from "../result.ts";

const MIME = {
  md: "text/markdown",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
} as const;

export default handler(logDraft, async (ctx, { format = "md", member }) => {
  const readable = await readableMember(ctx, member);
  if (!readable.ok) return readable;
  const learner = readable.value.person;
  const input = await loadDraftInput(ctx.deps.db, ctx.set, learner, ctx.now);
  const draft = compileDraft(input);
  const slug =
    learner.displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "member";
  const name = `m337-${format === "csv" ? "evidence" : "draft"}-${slug}-${formatCalendarDate(calendarDateOf(ctx.now, ctx.actor.timeZone), "iso")}.${format}`;
  const content =
    format === "md" ? draftToMarkdown(draft) : format === "docx" ? await draftToDocx(draft) : evidenceCsv(evidenceRows(input));
  const file: FileOut = { name, mimeType: MIME[format], content };
  const gaps = draft.coverage.filter((c) => c.status !== "covered").map((c) => c.criterion);
  const summary = [
    `Draft M3.37 learning log for ${learner.displayName}: ${draft.wordCount} words from ${plural(input.entries.length, "entry", "entries")}.`,
    gaps.length
      ? `Still thin or missing: ${gaps.join(", ")} (the prompts in the draft, and its appendix, say what would fill them).`
      : "Every criterion has evidence.",
    ...draft.warnings,
  ];
  return success([toActor({ text: summary.join("\n"), files: [file] })]);
});
