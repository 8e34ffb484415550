/**
 * A draft log (a member's M3.37, an advisor's M5.37) as Markdown, for posting or attaching in chat.
 * The title is `#`; block headings are one level below (`##` to `#####`); the header fields are a bold-label
 * list; tables are pipe tables. Prompts and facts are quotes that say what they are (not the learner's words); the
 * appendix follows a rule and is marked not for submission. Member text is kept as written except that a line which
 * Markdown would read as a heading, list item, quote or rule is escaped, `<` and `&` are escaped everywhere (raw HTML
 * and entity references would otherwise vanish or render: `<manager>`, `<b>HR</b>`, `&amp;`), and table cells have
 * `|` escaped and line breaks as `<br>`.
 */
import { type DraftBlock, type DraftDocument, FACTS_LABEL, PROMPT_LABEL } from "../domain/draft/compile.ts";

/** Escapes what would turn a line of plain text into block syntax. */
function escapeLine(line: string): string {
  return /^\s{0,3}(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|(?:[-*_]\s*){3,}$|[=`~]{3})/.test(line)
    ? line.replace(/^(\s*)/, "$1\\")
    : line;
}
/** Escapes what would start raw HTML or an entity reference: CommonMark's backslash escapes show `<` and `&` as written. */
const inline = (t: string) => t.replace(/[<&]/g, "\\$&");
const text = (t: string) => inline(t).replace(/\r\n?/g, "\n").split("\n").map(escapeLine).join("\n");
const cell = (t: string) => inline(t).replace(/\r\n?/g, "\n").replace(/\|/g, "\\|").replace(/\n/g, "<br>").trim() || " ";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map((r) => line(header.map((_, i) => r[i] ?? "")))].join("\n");
}

const quote = (t: string) => text(t).split("\n").join("\n>   ");

function block(b: DraftBlock): string {
  switch (b.kind) {
    case "prompt":
      return b.items.map((item) => `> **${PROMPT_LABEL}** ${quote(item)}`).join("\n>\n");
    case "facts":
      return [`> **${FACTS_LABEL}**`, ...b.items.map((item) => `> - ${quote(item)}`)].join("\n");
    case "heading":
      return `${"#".repeat(b.level + 1)} ${inline(b.text.replace(/\s+/g, " "))}`;
    case "paragraph":
      return text(b.text);
    case "bullets":
      return b.items.map((item) => `- ${text(item).split("\n").join("\n  ")}`).join("\n");
    case "table":
      return table(b.header, b.rows);
  }
}

/** The whole draft; the appendix after a horizontal rule. */
export function draftToMarkdown(d: DraftDocument): string {
  const parts = [
    `# ${inline(d.title)}`,
    d.header.map((f) => `- **${f.label}:** ${text(f.value).split("\n").join("\n  ")}`).join("\n"),
    ...d.blocks.map(block),
    ...(d.appendix.length ? ["---", ...d.appendix.map(block)] : []),
  ];
  return `${parts.join("\n\n")}\n`;
}
