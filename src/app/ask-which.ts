import type { Suggestions } from "../../commands/define.ts";
import type { CommandDeps } from "./context.ts";
import { commandLineOf } from "./kept-text.ts";
import type { ParsedLine } from "./parse-command.ts";
import type { Button } from "./reply.ts";
import { suggest } from "./suggest.ts";

/** At most this many choices are offered: one row of buttons on Discord. */
const MAX_CHOICES = 5;

/** What each kind of choice is called in the question, and how the list is introduced. */
const WORDS: Record<Suggestions, { noun: string; list: string }> = {
  goals: { noun: "goal", list: "Your goals" },
  problems: { noun: "problem", list: "Your problems" },
  actions: { noun: "action", list: "Your open actions" },
  entries: { noun: "entry", list: "Your latest entries" },
  meetings: { noun: "meeting", list: "The set's next meetings" },
};

/** A question about an unclear value: the option it is about, and each choice with its value for that option. */
export type Which = { option: string; choices: { label: string; value: string }[] };

/**
 * A named value that is unclear (`goal:the first one`, `action:the rota one`) is asked about rather than refused:
 * for an option that names one of the actor's own records (declared with `suggest`), given words with no number in
 * them, the question "Which goal do you mean by …?" with the choices the actor has (the words first matched
 * against them), each of which a button can run with the rest of the command kept. Undefined when the option names
 * no such records, the value has a number (a number not found is the handler's refusal), or there are no choices.
 */
export async function askWhich(
  deps: Pick<CommandDeps, "db" | "clock">,
  where: { platform: string; workspaceId: string; channelId: string; userId: string },
  line: ParsedLine,
  option: string,
): Promise<{ text: string; which: Which } | undefined> {
  const kind = line.decl.options[option]?.suggest;
  const typed = line.raw[option]?.trim() ?? "";
  if (!kind || typed === "" || /\d/.test(typed)) return undefined;
  const all = await suggest(deps, where, kind, "");
  if (all.length === 0) return undefined;
  const words = typed
    .toLowerCase()
    .split(/\W+/)
    .filter((w) => w.length >= 4);
  const matched = all.filter((s) => words.some((w) => s.name.toLowerCase().includes(w)));
  const choices = (matched.length > 0 ? matched : all).slice(0, MAX_CHOICES).map((s) => ({ label: s.name, value: String(s.value) }));
  const { noun, list } = WORDS[kind];
  const text =
    `Which ${noun} do you mean by "${typed}"? ${matched.length > 0 ? `${list} that mention it` : list}:\n` +
    `${choices.map((c) => `• ${c.label}`).join("\n")}\n` +
    `Choose one below, or give its number: ${option}:${choices[0]!.value}.`;
  return { text, which: { option, choices } };
}

/** The label a choice's button shows: within 75 characters, Slack's limit for a button's text (Discord's is 80). */
export const choiceLabel = (label: string) => (label.length > 75 ? `${label.slice(0, 74)}…` : label);

/**
 * The buttons of a question on a platform without forms (the console): each runs the command with that choice and
 * every other option, the text last, as given. (Platforms with forms get buttons that open the filled form instead,
 * src/app/dispatch.ts: their buttons cannot carry a text.)
 */
export function choiceButtons(line: ParsedLine, which: Which): Button[] {
  return which.choices.map((c) => ({
    id: `which-${which.option}-${c.value}`,
    label: choiceLabel(c.label),
    command: commandLineOf(line, { ...line.raw, [which.option]: c.value }),
  }));
}
