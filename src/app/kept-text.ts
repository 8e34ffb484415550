import { commandKey } from "../../commands/define.ts";
import { declarationOfLine, type ParsedLine } from "./parse-command.ts";

/**
 * What a refused command that carried a person's words adds to its refusal: the words are not lost. The command
 * as given, with each option written out and the text last (a text runs to the end of the line), ready to copy,
 * correct and send again; "" when the command carried no words (no form text option given).
 */
export function keptText(line: ParsedLine): string {
  const textName = formTextOf(line);
  if (!textName || !line.raw[textName]?.trim()) return "";
  return `\nYour words are kept here, not stored yet; correct and send again:\n${commandLineOf(line, line.raw)}`;
}

/** The command's text option asked for in a form (the person's words), if it has one. */
const formTextOf = ({ decl }: ParsedLine) =>
  Object.keys(decl.options).find((n) => decl.options[n]!.kind === "text" && decl.options[n]!.form);

/**
 * The command of `line` as a line with the options `raw`: each option written out (in quotes when it has spaces and
 * none of its own), the form's text last, as given (a text runs to the end of the line).
 */
export function commandLineOf(line: ParsedLine, raw: Record<string, string>): string {
  const textName = formTextOf(line);
  const others = Object.entries(raw)
    .filter(([n, v]) => n !== textName && v.trim() !== "")
    .map(([n, v]) => `${n}:${/\s/.test(v.trim()) && !v.includes('"') ? `"${v.trim()}"` : v.trim()}`);
  const text = textName ? raw[textName]?.trim() : undefined;
  return `/${commandKey(line.decl)} ${[...others, ...(text ? [`${textName}:${text}`] : [])].join(" ")}`.trim();
}

/**
 * What a command line that could not be parsed adds to its refusal when it is a command that carries a person's
 * words (a form's text option) and gives more than the command's name: the line as typed, so the words are not lost
 * (on Slack a slash command's text is gone once sent); "" otherwise.
 */
export function keptLine(line: string): string {
  const decl = declarationOfLine(line);
  if (!decl || !Object.values(decl.options).some((o) => o.kind === "text" && o.form)) return "";
  const typed = line.trim();
  const bare = `/${commandKey(decl)}`;
  if (typed.replace(/^\/?/, "/").toLowerCase().replace(/\s+/g, " ") === bare) return "";
  return `\nYour command as you typed it, not stored; correct and send again:\n${typed}`;
}
