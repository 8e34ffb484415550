/**
 * The exporters only some commands need (the .docx writer, the iCalendar writer), loaded on their first use so a
 * process that never makes one does not hold their modules (docs/scaling.md, "Memory"). The chart's renderer is
 * loaded the same way by /progress (src/app/handlers/progress.ts).
 */
import type { DraftDocument } from "../domain/draft/types.ts";
import type { meetingsToIcs } from "./ics.ts";

/** A draft as a .docx file (src/export/draft-docx.ts). */
export async function docxOf(draft: DraftDocument): Promise<Uint8Array> {
  return (await import("./draft-docx.ts")).draftToDocx(draft);
}

/** Meetings as an iCalendar text (src/export/ics.ts). */
export async function icsOf(input: Parameters<typeof meetingsToIcs>[0]): Promise<ReturnType<typeof meetingsToIcs>> {
  return (await import("./ics.ts")).meetingsToIcs(input);
}
