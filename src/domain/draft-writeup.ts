/**
 * The write-up stage (pure): for one section of the draft (1.1, 1.2, 2.1, 2.2 for a problem, 2.3 for a goal or
 * overall), the member's own fragments that a write-up of it would replace, exactly as they wrote them, and the
 * write-up they already have. What a form is pre-filled with and what the console shows; the bot never writes the
 * paragraph itself.
 */
import { analyse } from "./draft-analysis.ts";
import { hasText } from "./draft-text.ts";
import type { DraftEntry, DraftInput } from "./draft-types.ts";
import type { WriteSection } from "./entry-kind.ts";

/** What a write-up is for: a section, with the problem (2.2) or goal (2.3) by the number the draft shows. */
export type WriteTarget = { section: WriteSection; problem?: number; goal?: number };

/** A fragment: the entry it comes from (null for an action's outcome given with /action done) and its text. */
export type Fragment = { number: number | null; text: string };

/** The section's fragments in the draft's order, and the member's write-up of it (null when none yet). */
export function sectionFragments(input: DraftInput, target: WriteTarget): { fragments: Fragment[]; written: DraftEntry | null } {
  const a = analyse(input);
  const own = (es: DraftEntry[]): Fragment[] => es.filter((e) => e.kind !== "write").map((e) => ({ number: e.number, text: e.text }));
  const notes = (es: (string | null | undefined)[]): Fragment[] => es.filter(hasText).map((text) => ({ number: null, text }));
  switch (target.section) {
    case "1.1":
      return {
        fragments: [...a.strengths, ...a.limitations].flatMap((e) => [...own([e]), ...notes([e.source])]),
        written: a.written.get("1.1") ?? null,
      };
    case "1.2":
      return {
        fragments: a.goals.flatMap((g) => [
          ...own([g]),
          ...(a.actionsOfGoal.get(g.number) ?? []).flatMap((e) => [...own([e]), ...notes([e.support])]),
        ]),
        written: a.written.get("1.2") ?? null,
      };
    case "2.1":
      return { fragments: own(a.method), written: a.written.get("2.1") ?? null };
    case "2.2": {
      const g = target.problem !== undefined ? a.problems[target.problem - 1] : undefined;
      if (!g) return { fragments: [], written: a.written.get("2.2") ?? null };
      const outcomes = g.actions.flatMap((e) => {
        const linked = a.linkedOutcome.get(e.number);
        return linked ? own([linked]) : notes([a.actionOf.get(e.number)?.outcome]);
      });
      return {
        fragments: [...own([g.problem!, ...g.questions, ...g.actions]), ...outcomes, ...own([...g.outcomes, ...g.reflections])],
        written: a.written.get(`2.2:${g.problem!.number}`) ?? null,
      };
    }
    case "2.3": {
      if (target.goal === undefined) {
        const replies = notes((input.advisorReviews ?? []).map((r) => r.reply));
        return { fragments: [...own(a.overall), ...replies], written: a.written.get("2.3") ?? null };
      }
      const g = a.goals[target.goal - 1];
      if (!g) return { fragments: [], written: null };
      return { fragments: own([g, ...(a.reviews.get(g.number) ?? [])]), written: a.written.get(`2.3:${g.number}`) ?? null };
    }
  }
}

/**
 * A form's starting text: the write-up when there is one (to revise), else the fragments, one paragraph each, as
 * many whole ones as fit in `limit` characters (a platform's limit for a pre-filled field).
 */
export function formText(found: { fragments: Fragment[]; written: DraftEntry | null }, limit: number): string {
  if (found.written) return found.written.text.slice(0, limit);
  let text = "";
  for (const f of found.fragments) {
    const next = text ? `${text}\n\n${f.text}` : f.text;
    if (next.length > limit) break;
    text = next;
  }
  return text;
}
