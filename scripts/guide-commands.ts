/**
 * The user guide's command table (docs/user-guide.md), generated from the declarations in commands/ (the same usage lines and
 * summaries `/help` shows). It sits between two marker comments; everything outside them is left as written.
 */
import { type CommandDecl, usage } from "../commands/define.ts";
import { allCommands } from "../commands/index.ts";
import { whoLabel } from "../src/app/handlers/help.ts";

/** The comments that enclose the generated table in docs/user-guide.md. */
export const TABLE_BEGIN =
  "<!-- commands:begin (generated from commands/ by `npm run commands:gen`: edit the declarations, not this table) -->";
export const TABLE_END = "<!-- commands:end -->";

/** A Markdown table with a row per command, in help order: usage, who may run it, what it does. */
export function commandTable(decls: readonly CommandDecl[] = allCommands): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const rows = decls.map((d) => [`\`${cell(usage(d))}\``, whoLabel[d.who], cell(d.summary)]);
  const header = ["command", "who", "what"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** `page` with the text between the markers replaced by the current table; throws if the markers are missing. */
export function withCommandTable(page: string, decls: readonly CommandDecl[] = allCommands): string {
  const begin = page.indexOf(TABLE_BEGIN);
  const end = page.indexOf(TABLE_END);
  if (begin < 0 || end < begin)
    throw new Error(`docs/user-guide.md needs the lines ${TABLE_BEGIN} and ${TABLE_END} around the command table.`);
  return `${page.slice(0, begin + TABLE_BEGIN.length)}\n\n${commandTable(decls)}\n\n${page.slice(end)}`;
}
