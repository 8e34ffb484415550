/**
 * The copy of a member's draft M3.37 log ready to submit (pure): the same document with nothing of the bot's
 * scaffolding left — no prompts, no facts boxes, no entry numbers, no status column or status words, no appendix
 * (checklist, words, warnings, notes) — and a header of plain facts (the period stated as dates and a length; a
 * detail not given left blank to fill in by hand). The member's words are unchanged.
 */
import type { DraftBlock, DraftDocument } from "./draft-types.ts";

/** Header labels of the compiled draft and what the submitted copy shows for each (null: left out). */
type HeaderFacts = { period: string; meetings: string; words: string };

const STATUS = "(?:still open|done|partly done|dropped)";
/** A paragraph the draft adds where a member's words are still to come: a gap, not content. */
const GAP = /^(How I put it into effect: no outcome recorded yet\.|How effective: not recorded yet \(.*\)\.)$/;

/** Table cells the draft fills where nothing is recorded yet: blank in the copy to submit. */
const EMPTY_CELL = new Set(["no outcome recorded yet", "not recorded yet", "no date yet", "not named yet", "still open"]);

/** Removes what only the bot's numbering added: "#13 " at the start of a cell, "Action #13 (", "(actions #13, #18)". */
function unnumbered(text: string): string {
  return text
    .replace(/^#\d+ /, "")
    .replace(/^Action #\d+ \(/, "Action (")
    .replace(/ \(actions? #\d+(?:, #\d+)*\)$/, "");
}

/** "How effective: very effective (done, 19 Feb 2027)." → "How effective: very effective." */
const withoutStatus = (text: string) => text.replace(new RegExp(`^(How effective: .*) \\(${STATUS}(?:, [^)]*)?\\)\\.$`), "$1.");

function finalBlock(b: DraftBlock): DraftBlock[] {
  switch (b.kind) {
    case "prompt":
    case "facts":
      return [];
    case "heading":
      return [b];
    case "paragraph":
      return GAP.test(b.text) ? [] : [{ kind: "paragraph", text: withoutStatus(unnumbered(b.text)) }];
    case "bullets":
      return [{ kind: "bullets", items: b.items.map(unnumbered) }];
    case "table": {
      const keep = b.header.map((h, i) => (h === "Status" ? -1 : i)).filter((i) => i >= 0);
      return [
        {
          kind: "table",
          header: keep.map((i) => b.header[i]!),
          rows: b.rows.map((r) => keep.map((i) => (EMPTY_CELL.has(r[i] ?? "") ? "" : unnumbered(r[i] ?? "")))),
        },
      ];
    }
  }
}

/** Drops headings left with nothing under them before the next heading of their level or above. */
function withoutEmptyHeadings(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.filter((b, i) => {
    if (b.kind !== "heading") return true;
    const next = blocks[i + 1];
    return next !== undefined && !(next.kind === "heading" && next.level <= b.level);
  });
}

/**
 * The submitted copy. `facts` are the header's plain statements: the period (dates and length), the meetings
 * attended and the word count, as figures.
 */
export function finalCopy(d: DraftDocument, facts: HeaderFacts): DraftDocument {
  const plain: Record<string, string | null> = {
    "Period covered": facts.period,
    "Meetings attended": facts.meetings,
    "Word count": facts.words,
    Compiled: null,
  };
  const header = d.header.flatMap((f) => {
    if (f.label in plain) return plain[f.label] === null ? [] : [{ label: f.label, value: plain[f.label]! }];
    return [{ label: f.label, value: f.value.startsWith("not given yet") ? "" : f.value }];
  });
  return { ...d, header, blocks: withoutEmptyHeadings(d.blocks.flatMap(finalBlock)), appendix: [] };
}
