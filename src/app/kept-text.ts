import { commandKey } from "../../commands/define.ts";
import type { ParsedLine } from "./parse-command.ts";

/**
 * What a refused command that carried a person's words adds to its refusal: the words are not lost. The command
 * as given, with each option written out and the text last (a text runs to the end of the line), ready to copy,
 * correct and send again; "" when the command carried no words (no form text option given).
 */
export function keptText(line: ParsedLine): string {
  const { decl, raw } = line;
  const textName = Object.keys(decl.options).find((n) => decl.options[n]!.kind === "text" && decl.options[n]!.form);
  const words = textName ? raw[textName]?.trim() : undefined;
  if (!textName || !words) return "";
  const others = Object.entries(raw)
    .filter(([n, v]) => n !== textName && v.trim() !== "")
    .map(([n, v]) => `${n}:${/\s/.test(v.trim()) && !v.includes('"') ? `"${v.trim()}"` : v.trim()}`);
  return `\nYour words are kept here, not stored yet; correct and send again:\n/${commandKey(decl)} ${[...others, `${textName}:${words}`].join(" ")}`;
}
