/**
 * A draft log (a member's M3.37, an advisor's M5.37) as a Word document (what centres expect), built with the `docx` library:
 * the title in the Title style, the header fields as a two-column table (labels in bold), block headings as real
 * Heading 1–4 paragraphs, bullets as bulleted paragraphs, and `table` blocks (actions and timescales, the criteria
 * checklist) as real tables with a repeating header row. Prompts are shaded italic paragraphs and facts a shaded
 * box, each labelled as not the learner's words; the appendix starts on a new page. Line breaks inside a text
 * become line breaks in Word.
 */
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { type DraftBlock, type DraftDocument, FACTS_LABEL, PROMPT_LABEL } from "../domain/draft/compile.ts";

/** Characters XML 1.0 does not allow (a pasted control character would make Word reject the file). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const clean = (t: string) => t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

function runs(text: string, bold = false, italics = false): TextRun[] {
  return clean(text)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, i) => new TextRun({ text: line, bold, italics, ...(i > 0 ? { break: 1 } : {}) }));
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const PROMPT_SHADE = { type: ShadingType.CLEAR, color: "auto", fill: "FFF4CC" } as const;
const FACTS_SHADE = { type: ShadingType.CLEAR, color: "auto", fill: "E8EEF4" } as const;

/** A full-width table; with a header row (repeated on each page) when `header` is given, else bold first column. */
function table(header: string[] | null, rows: string[][]): Table {
  const columns = header?.length ?? Math.max(1, ...rows.map((r) => r.length));
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      children: Array.from(
        { length: columns },
        (_, i) =>
          new TableCell({ children: [new Paragraph({ children: runs(cells[i] ?? "", isHeader || (header === null && i === 0)) })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(header ? [row(header, true)] : []), ...rows.map((r) => row(r, false))],
  });
}

function block(b: DraftBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADING[b.level], children: runs(b.text) })];
    case "paragraph":
      return [new Paragraph({ children: runs(b.text) })];
    case "bullets":
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case "table":
      // An empty paragraph after a table keeps two tables (or a table and a heading) from running together.
      return [table(b.header, b.rows), new Paragraph({})];
    case "prompt":
      return b.items.map(
        (item) =>
          new Paragraph({
            shading: PROMPT_SHADE,
            children: [new TextRun({ text: `${PROMPT_LABEL} `, bold: true }), ...runs(item, false, true)],
          }),
      );
    case "facts":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              children: [
                new TableCell({
                  shading: FACTS_SHADE,
                  children: [
                    new Paragraph({ children: runs(FACTS_LABEL, true) }),
                    ...b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) })),
                  ],
                }),
              ],
            }),
          ],
        }),
        new Paragraph({}),
      ];
  }
}

export async function draftToDocx(d: DraftDocument): Promise<Uint8Array> {
  const doc = new Document({
    title: clean(d.title),
    description: clean(d.description),
    creator: "action-learning-companion",
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(d.title) }),
          table(
            null,
            d.header.map((f) => [f.label, f.value]),
          ),
          new Paragraph({}),
          ...d.blocks.flatMap(block),
          ...(d.appendix.length ? [new Paragraph({ children: [new PageBreak()] }), ...d.appendix.flatMap(block)] : []),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
