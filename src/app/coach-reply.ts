/**
 * What a reply adds to coach: where an entry truly shows in the draft (read from the draft's own placement,
 * src/domain/draft/analysis.ts) and the single most valuable next step with its button (src/domain/draft/coach.ts).
 */

import { type Analysis, analyse } from "../domain/draft/analysis.ts";
import { type CoachReading, nextStepLine, readAnalysis } from "../domain/draft/coach.ts";
import type { CoachStep } from "../domain/draft/types.ts";
import type { SetContext } from "./context.ts";
import { loadDraftInput } from "./draft-input.ts";
import type { Button } from "./reply.ts";

/** The actor's log in this set, analysed and read (the same reading the draft's checklist shows). */
export async function readOwnLog(ctx: SetContext): Promise<{ a: Analysis; reading: CoachReading }> {
  const a = analyse(await loadDraftInput(ctx.deps.db, ctx.set, ctx.actor, ctx.now));
  return { a, reading: readAnalysis(a) };
}

/** The button that opens a step's form (on the console it runs the bare command, whose answer says what to type); none for an edit. */
export function stepButton(step: CoachStep | null): Button[] {
  return step?.form ? [{ id: "coach-next", label: step.label, command: step.form, style: "primary" }] : [];
}

/** " Next for your draft: …" and its button, or nothing when there is nothing to say. */
export function nextStepAddition(reading: CoachReading): { text: string; buttons: Button[] } {
  const line = nextStepLine(reading);
  return line ? { text: ` ${line}`, buttons: reading.complete ? [] : stepButton(reading.next) } : { text: "", buttons: [] };
}

/**
 * Where an entry shows in the draft, as the draft places it: under its problem, placed there by date (naming no
 * problem), under "Other notes", or under 2.3's "Looking back overall". Empty for an entry the draft files by kind alone.
 */
export function placementText(a: Analysis, entryNumber: number): string {
  const where = a.placement.get(entryNumber);
  if (where === "2.3" && a.overall.some((e) => e.number === entryNumber))
    return ' Your draft shows it under 2.3, "Looking back overall" (an entry of the programme\'s last month that names no problem).';
  if (where !== "2.2") return "";
  const group = [...a.problems, a.other].find((g) =>
    [...g.questions, ...g.actions, ...g.outcomes, ...g.reflections].some((e) => e.number === entryNumber),
  );
  if (!group) return "";
  const name = group.ordinal === 0 ? '"Other notes" (before your first problem)' : `Problem ${group.ordinal}`;
  if (!group.byTime.includes(entryNumber)) return "";
  return ` With no problem: named, your draft places it by date, under ${name}; to name one: /log edit entry:${entryNumber} problem:N.`;
}
