/**
 * The evidence rows of the draft M3.37 log (pure), for the CSV that e-portfolio tools import: one per meeting
 * attended (the only rows with a duration), one per entry, plus one per recorded action outcome that is not already
 * an outcome entry (an outcome entry that records an action's outcome is that action's outcome row). Date order
 * (ties: meetings first, then entry number, an outcome after its action). `date` is the member's local calendar day
 * (YYYY-MM-DD); `criteria` is the criterion of the draft section the text belongs to.
 */
import { DateTime } from "luxon";
import { analyse } from "./draft-analysis.ts";
import { effectivenessText, hasText, STATUS_TEXT } from "./draft-text.ts";
import type { DraftInput, EvidenceRow, StoredEntryKind } from "./draft-types.ts";

/** The category of the evidence row for each set meeting attended. */
export const MEETING_CATEGORY = "Set meeting attended";

const CATEGORY: Record<StoredEntryKind, string> = {
  problem: "Problem",
  action: "Action",
  outcome: "Outcome",
  reflect: "Reflection",
  question: "Question",
  strength: "Strength",
  limitation: "Limitation",
  goal: "Goal",
  "action-learning": "Action learning",
  review: "Goal review",
  write: "Write-up",
};

export function evidenceRows(input: DraftInput): EvidenceRow[] {
  const a = analyse(input);
  const iso = (d: Date) => DateTime.fromJSDate(d, { zone: a.zone }).toISODate() ?? "";
  const goalOrdinal = new Map(a.goals.map((g, i) => [g.number, i + 1]));
  const outcomeCategory = (n: number) => {
    const action = a.actionOf.get(n);
    const detail = [action ? STATUS_TEXT[action.status] : null, effectivenessText(action?.effectiveness ?? null)]
      .filter(Boolean)
      .join(", ");
    return `Action outcome (#${n}${detail ? `, ${detail}` : ""})`;
  };
  const keyed: { at: number; number: number; order: number; row: EvidenceRow }[] = [];
  for (const e of a.entries) {
    const linkedTo = a.outcomeFor.get(e.number);
    const goal = e.goal !== null && e.goal !== undefined ? goalOrdinal.get(e.goal) : undefined;
    const problem =
      e.problem !== null && e.problem !== undefined ? a.problems.find((g) => g.problem!.number === e.problem)?.ordinal : undefined;
    const category =
      e.kind === "write"
        ? `${CATEGORY.write} (${[e.section, problem !== undefined ? `Problem ${problem}` : "", goal !== undefined ? `Goal ${goal}` : ""].filter(Boolean).join(", ")})`
        : linkedTo !== undefined
          ? outcomeCategory(linkedTo)
          : goal !== undefined
            ? `${CATEGORY[e.kind]} (Goal ${goal})`
            : CATEGORY[e.kind];
    keyed.push({
      at: e.createdAt.getTime(),
      number: e.number,
      order: 0,
      row: { date: iso(e.createdAt), durationMinutes: "", category, text: e.text, criteria: a.placement.get(e.number) ?? "2.2" },
    });
  }
  for (const action of a.actionOf.values()) {
    if (!hasText(action.outcome) || a.linkedOutcome.has(action.number)) continue;
    const at = action.outcomeAt ?? action.createdAt;
    keyed.push({
      at: at.getTime(),
      number: action.number,
      order: 1,
      row: { date: iso(at), durationMinutes: "", category: outcomeCategory(action.number), text: action.outcome, criteria: "2.2" },
    });
  }
  for (const m of a.held) {
    if (!m.attended) continue;
    const row = {
      date: iso(m.startsAt),
      durationMinutes: m.durationMinutes,
      category: MEETING_CATEGORY,
      text: `Action learning set meeting ${m.number}: ${input.setName}${m.presented ? " (presented)" : ""}`,
      criteria: "2.2",
    };
    keyed.push({ at: m.startsAt.getTime(), number: 0, order: -1, row });
  }
  keyed.sort((x, y) => x.at - y.at || x.order - y.order || x.number - y.number);
  return keyed.map((k) => k.row);
}
