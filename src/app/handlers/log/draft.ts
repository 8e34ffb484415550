import { logDraft } from "../../../../commands/index.ts";
import { compileDraft, type Draft, evidenceRows } from "../../../domain/draft/compile.ts";
import { plural } from "../../../domain/text/plural.ts";
import { calendarDateOf, formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { evidenceCsv } from "../../../export/draft-csv.ts";
import { draftToMarkdown } from "../../../export/draft-markdown.ts";
import { docxOf } from "../../../export/on-demand.ts";
import { readableMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { loadDraftInput } from "../../draft-input.ts";
import { type FileOut, toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";

const MIME = {
  md: "text/markdown",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
} as const;

export default handler(logDraft, async (ctx, { format = "md", member, final }) => {
  if (final && format === "csv")
    return failure("bad-option", "Option final: the copy to submit is a document: /log draft format:docx final:yes (or format:md).");
  const readable = await readableMember(ctx, member);
  if (!readable.ok) return readable;
  const learner = readable.value.person;
  const input = await loadDraftInput(ctx.deps.db, ctx.set, learner, ctx.now);
  const draft = compileDraft(input, { readBy: learner.id === ctx.actor.id ? "learner" : "advisor" });
  const slug =
    learner.displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "member";
  const name = `m337-${format === "csv" ? "evidence" : final ? "final" : "draft"}-${slug}-${formatCalendarDate(calendarDateOf(ctx.now, ctx.actor.timeZone), "iso")}.${format}`;
  const document = final ? draft.submission : draft;
  const content =
    format === "md" ? draftToMarkdown(document) : format === "docx" ? await docxOf(document) : evidenceCsv(evidenceRows(input));
  const file: FileOut = { name, mimeType: MIME[format], content };
  if (final) return success([toActor({ text: finalSummary(learner.displayName, draft), files: [file] })]);
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

/**
 * The reply to the copy to submit: it always compiles; what an assessor reading it against the mark sheet would find
 * missing (a criterion with no evidence) or thin is said here, since the copy itself says nothing of it.
 */
function finalSummary(learner: string, draft: Draft): string {
  const named = (status: "missing" | "thin") =>
    draft.coverage.filter((c) => c.status === status).map((c) => `${c.criterion} (${c.title.charAt(0).toLowerCase()}${c.title.slice(1)})`);
  const missing = named("missing");
  const thin = named("thin");
  return [
    `The copy of ${learner}'s M3.37 leadership action plan and learning log to submit: ${draft.wordCount} words, with no prompts, notes, entry numbers or checklist.`,
    missing.length
      ? `An assessor would find these criteria missing: ${missing.join("; ")}.`
      : "An assessor would find evidence for every criterion.",
    ...(thin.length ? [`Thin, by the draft's checklist: ${thin.join("; ")} (/log draft shows what would fill them).`] : []),
    // The copy has no prompts, so the one that matters before anyone else reads it is repeated here.
    ...draft.blocks.flatMap((b) => (b.kind === "prompt" ? b.items.filter((item) => /anonymise them/.test(item)) : [])),
  ].join("\n");
}
