import {
  type CommandDecl,
  commandKey,
  type OptionKind,
  type OptionSpec,
  type UserRef,
  usage,
  type VoiceChannelRef,
} from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { withoutControlCharacters } from "../domain/text/control-characters.ts";
import type { Parsed } from "../domain/text/parse-result.ts";
import { parseDay } from "../domain/time/day.ts";
import { parseDuration, parseWhen } from "../domain/time/when.ts";
import { commandWords, unquoted, type WordSpan } from "./command-words.ts";
import { type Failure, failure, missingOption, optionFailure, type Result, success } from "./result.ts";

/** A command line split into its declaration and the raw text of each option. */
export type ParsedLine = { decl: CommandDecl; raw: Record<string, string> };

/** What converting option text needs: the clock, the actor's zone, and the platform's mention syntax. */
export type ConvertContext = {
  now: Date;
  timeZone: string;
  /** Reads one mention token (`@Tom`, `<@U123>`) as a user, or null if it is not a mention. */
  readMention: (token: string) => UserRef | null;
  /**
   * Reads one voice channel token (Discord's `<#123>`) as one of the workspace's voice channels, or says why it is
   * not one (another kind of channel, another server's). Absent where the platform has no voice channels.
   */
  readVoiceChannel?: (token: string) => Parsed<VoiceChannelRef>;
};

/** The refusal of a voice channel where the platform has none (Slack, the console). */
const NO_VOICE_CHANNELS =
  "There are no voice channels here: a set's voice channel is a Discord setting (its server's voice channels); Slack and the console have none, so this does not apply.";

const byKey = new Map(allCommands.map((d) => [commandKey(d), d]));

/** The declaration for "meeting schedule", or undefined. */
export const declarationFor = (key: string): CommandDecl | undefined => byKey.get(key);
const names = [...new Set(allCommands.map((d) => d.name))];

/**
 * Reads `/name [sub] [positional…] [option:value …]`. An option starts at a word `name:` where `name` is one of the
 * command's own options (lower case); its value is the text up to the next such word, or the end of the line,
 * exactly as written: other `word:`s, quotes, apostrophes and spacing inside it are kept, so `text:Lesson
 * learned: listen more` needs no quotes. A value wholly inside straight double quotes (`name:"a b"`) is taken
 * without them, and an option word inside such quotes does not start an option. Inside a text, an option word whose
 * words do not read as a value of that option is prose and stays in the text; words after a number option's value
 * are the text when none is given (`/log review goal:1 it went well`); numbers may be written as the bot prints them
 * (`#6`, `Goal 1`).
 */
export function parseLine(line: string): Result<ParsedLine> {
  const body = line.trim().replace(/^\//, "");
  const words = commandWords(body);
  const word = (i: number) => (words[i] ? body.slice(words[i]!.start, words[i]!.end) : undefined);
  const name = word(0);
  if (!name) return failure("unknown-command", "Type a command, e.g. /help.");
  const family = allCommands.filter((d) => d.name === name.toLowerCase());
  if (family.length === 0) {
    const guess = names.find((n) => n.startsWith(name.slice(0, 2).toLowerCase()));
    return failure("unknown-command", `Unknown command /${name}.${guess ? ` Did you mean /${guess}?` : ""} Type /help for the list.`);
  }
  const subWord = word(1)?.toLowerCase();
  let decl = family.find((d) => d.sub !== undefined && d.sub === subWord);
  const argsFrom = decl ? 2 : 1;
  if (!decl) decl = family.find((d) => d.sub === undefined);
  if (!decl) {
    const subs = family.map((d) => d.sub).join(", ");
    const what = subWord ? `Unknown subcommand "${subWord}" for /${name}` : `/${name} needs a subcommand`;
    return failure("unknown-command", `${what}: one of ${subs}. Example: ${family[0]!.examples[0]}`);
  }
  return readOptions(decl, body.slice(words[argsFrom]?.start ?? body.length));
}

/**
 * The declaration a line names, whether or not its options parse (`/log reflect text:a text:b` names /log reflect),
 * or undefined when it names no command.
 */
export function declarationOfLine(line: string): CommandDecl | undefined {
  const body = line.trim().replace(/^\//, "");
  const [name, sub] = commandWords(body).map((w) => body.slice(w.start, w.end).toLowerCase());
  const family = allCommands.filter((d) => d.name === name);
  return family.find((d) => d.sub !== undefined && d.sub === sub) ?? family.find((d) => d.sub === undefined);
}

/** The kinds whose value is free text, kept exactly; other kinds lose any straight quotes (they cannot hold one). */
const VERBATIM: ReadonlySet<OptionKind> = new Set(["text"]);

/** The value of option `name` as the handler's converter gets it, from its text as written. */
function optionValue(decl: CommandDecl, name: string, written: string): string {
  const value = unquoted(written.trim());
  return VERBATIM.has(decl.options[name]!.kind) ? value : value.replace(/"/g, "");
}

function readOptions(decl: CommandDecl, args: string): Result<ParsedLine> {
  const optionNames = Object.keys(decl.options);
  const positional = optionNames.slice(0, decl.positional ?? optionNames.length);
  const words = commandWords(args);
  const text = (w: WordSpan) => args.slice(w.start, w.end);
  const found: { name: string; word: WordSpan; valueAt: number }[] = [];
  for (const w of words) {
    const named = /^([a-z][a-z_-]*):/.exec(text(w));
    if (named && Object.hasOwn(decl.options, named[1]!)) found.push({ name: named[1]!, word: w, valueAt: w.start + named[0].length });
  }
  const textOption = optionNames.find((n) => VERBATIM.has(decl.options[n]!.kind));
  const starts = proseKept(decl, found, args, positional[0] === textOption && (found[0]?.word.start ?? 0) > 0);
  const raw: Record<string, string> = {};
  for (const [i, s] of starts.entries()) {
    if (s.name in raw) {
      const before = starts[i - 1]!.name;
      const keep = VERBATIM.has(decl.options[before]!.kind)
        ? ` To keep "${s.name}:" inside a value, put that whole value in straight quotes, e.g. ${before}:"… ${s.name}: …".`
        : "";
      return optionFailure("bad-option", s.name, `is given twice.${keep}\nUsage: ${usage(decl)}`);
    }
    raw[s.name] = optionValue(decl, s.name, args.slice(s.valueAt, starts[i + 1]?.word.start ?? args.length));
  }
  spillIntoText(decl, raw, textOption);
  const bare = words.filter((w) => w.start < (starts[0]?.word.start ?? args.length));
  if (bare.length > 0) {
    // Words after a number given without its option name are the text, when the text is not given otherwise.
    const numbersFirst = positional.every((n) => ONE_WORD.has(decl.options[n]!.kind));
    const spill = textOption && numbersFirst && !(textOption in raw) && !positional.includes(textOption) ? [textOption] : [];
    const free = [...positional, ...spill].filter((n) => !(n in raw));
    if (optionNames.length === 0) return failure("bad-option", `/${commandKey(decl)} takes no options: write just /${commandKey(decl)}.`);
    if (free.length === 0) {
      const shown = args.slice(bare[0]!.start, bare.at(-1)!.end);
      return failure("bad-option", `Unexpected "${shown}": name the option, e.g. ${decl.examples[0]}\nUsage: ${usage(decl)}`);
    }
    const placed = placePositional(decl, free, bare.map(text));
    if (!placed) {
      return failure(
        "bad-option",
        `Too many values for /${commandKey(decl)}: name the options, e.g. ${decl.examples[1] ?? decl.examples[0]}\nUsage: ${usage(decl)}`,
      );
    }
    for (const [name, [from, to]] of placed) raw[name] = optionValue(decl, name, args.slice(bare[from]!.start, bare[to - 1]!.end));
  }
  return unknownOptionIn(decl, raw) ?? success({ decl, raw });
}

/**
 * The option words that start an option, less those that are prose inside a text: a `name:` followed by a space,
 * met while a text option's value runs (or the positional text before any option), whose words do not read as a
 * value of that option (`text:the real problem: I didnt trust her`) stays part of the text, exactly as written. One
 * written close up (`about:teacher`) is the option, and an unclear value is answered as such. A spaced `name:` of an
 * option already given (`due:2027-03-01 text:ask them: due: whenever`) is prose whatever follows it.
 */
function proseKept<S extends { name: string; valueAt: number; word: WordSpan }>(
  decl: CommandDecl,
  found: S[],
  args: string,
  startsInText: boolean,
): S[] {
  const kept: S[] = [];
  for (const [i, s] of found.entries()) {
    const inText = kept.length === 0 ? startsInText : VERBATIM.has(decl.options[kept.at(-1)!.name]!.kind);
    const value = args.slice(s.valueAt, found[i + 1]?.word.start ?? args.length).trim();
    // Prose puts a space after the colon ("problem: I…"); an option typed as one is written close up ("about:teacher").
    const spaced = /^\s/.test(args.slice(s.valueAt, s.valueAt + 1));
    // An option already given cannot start again: met spaced inside a text, it is prose too ("due: whenever").
    const again = kept.some((k) => k.name === s.name);
    if (inText && spaced && (again || (!VERBATIM.has(decl.options[s.name]!.kind) && !startsAs(decl.options[s.name]!, value)))) continue;
    kept.push(s);
  }
  return kept;
}

/** Whether `value` begins with something that reads as a value of `spec`: its first word, for the one-word kinds. */
function startsAs(spec: OptionSpec, value: string): boolean {
  if (value === "") return true;
  if (!ONE_WORD.has(spec.kind) || spec.kind === "duration") return true;
  const first = unquoted(value.split(/\s+/)[0]!);
  return readsAs(spec, first) || (spec.kind === "integer" && numberIn(value) !== null);
}

/**
 * Moves the words after a number into the command's text when no text was given (`/log review goal:1 it went well
 * overall`): a number option's value is its first word (or a printed number such as "Goal 1"), never a sentence.
 */
function spillIntoText(decl: CommandDecl, raw: Record<string, string>, textOption: string | undefined): void {
  if (!textOption || textOption in raw) return;
  for (const [name, value] of Object.entries(raw)) {
    const kind = decl.options[name]!.kind;
    if (kind !== "integer" && kind !== "meeting") continue;
    const head = /^(\S+(?:\s+#?\d+)?)\s+([\s\S]+)$/.exec(value);
    const printed = head && /^[a-z]+$/i.test(head[1]!.split(/\s+/)[0]!) && /\d/.test(head[1]!) ? head : null;
    const split = printed ?? /^(\S+)\s+([\s\S]+)$/.exec(value);
    if (!split || (numberIn(split[1]!) === null && !/^next$/i.test(split[1]!))) continue;
    raw[name] = split[1]!;
    raw[textOption] = split[2]!;
    return;
  }
}

/**
 * A number as people write it back from the bot's replies: `6`, `#6`, `Goal 1`, `action #6`, `Entry 7`: the
 * number, or null. The word before it, if any, is a name of what it counts (letters only).
 */
function numberIn(text: string): number | null {
  const m = /^(?:[a-z][a-z-]*\s*)?#?\s*(-?\d+)$/i.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** The kinds whose value is a single word: a number, a choice, a meeting, a duration, a person. */
const ONE_WORD: ReadonlySet<OptionKind> = new Set(["integer", "choice", "meeting", "duration", "user"]);

/** Whether a word written without its option name reads as a value of `spec` (a duration needs its unit: "90m", not "90"). */
function readsAs(spec: OptionSpec, word: string): boolean {
  switch (spec.kind) {
    case "integer":
      return /^#?-?\d+$/.test(word);
    case "choice":
      return (spec.choices?.includes(word.toLowerCase()) || spec.aliases?.[word.toLowerCase()] !== undefined) ?? false;
    case "meeting":
      return /^(#?\d+|next)$/i.test(word);
    case "duration":
      return /[a-z]/i.test(word) && parseDuration(word).ok;
    case "user":
      return /^<?@/.test(word);
    default:
      return false;
  }
}

/**
 * Which words given without option names go to which free positional option, as [first, end) word ranges;
 * null when there are words left over. In declaration order, an option whose value is one word takes one word;
 * the first option that takes several (a date, a text) takes the rest of the line, less any last words that
 * read as the one-word options after it: `/meeting schedule next thursday 3pm` is all `when:`, and
 * `/meeting schedule tomorrow 10am 90m` gives `duration:` the 90m. Several-word options given one word each
 * share them out (`/set programme 2027-01-04 2027-07-31`).
 */
function placePositional(decl: CommandDecl, free: string[], words: string[]): Map<string, [number, number]> | null {
  const kind = (name: string) => decl.options[name]!.kind;
  const placed = new Map<string, [number, number]>();
  let i = 0;
  let from = 0;
  for (; i < free.length && from < words.length && ONE_WORD.has(kind(free[i]!)); i++, from++) placed.set(free[i]!, [from, from + 1]);
  if (from === words.length) return placed;
  if (i === free.length) return null;
  let last = free.length - 1;
  let end = words.length;
  while (last > i && end - from > 1 && ONE_WORD.has(kind(free[last]!)) && readsAs(decl.options[free[last]!]!, unquoted(words[end - 1]!))) {
    placed.set(free[last]!, [end - 1, end]);
    last--;
    end--;
  }
  const several = free.slice(i, last + 1);
  if (several.length > 1 && several.length === end - from && several.every((n) => !ONE_WORD.has(kind(n)))) {
    for (const [k, name] of several.entries()) placed.set(name, [from + k, from + k + 1]);
  } else placed.set(free[i]!, [from, end]);
  return placed;
}

/**
 * A refusal when a value that cannot hold free text contains a `word:` that is no option of the command
 * (`/meeting schedule when:tomorrow 10am room:4`): most likely a mistyped option name. Text values keep such words.
 */
function unknownOptionIn(decl: CommandDecl, raw: Record<string, string>): Failure | undefined {
  const optionNames = Object.keys(decl.options);
  for (const [name, value] of Object.entries(raw)) {
    if (VERBATIM.has(decl.options[name]!.kind)) continue;
    const stray = /(?:^|\s)([a-z][a-z_-]*):(?!\/\/)/i.exec(value)?.[1];
    if (!stray) continue;
    const key = stray.toLowerCase();
    if (optionNames.includes(key))
      return failure("bad-option", `Option names are written in lower case: ${key}: (not ${stray}:).\nUsage: ${usage(decl)}`);
    const known = `Its options: ${optionNames.map((n) => `${n}:`).join(" ")}`;
    return failure("bad-option", `/${commandKey(decl)} has no option "${key}". ${known}\nUsage: ${usage(decl)}`);
  }
  return undefined;
}

/**
 * The example a refusal for the missing `missing` text gives: the command with the options the line did give and the
 * text to write (`Type: /review reply review:2 text:"…"`, what a console press of a form's button answers), or the
 * declaration's first example when the line gave none or the missing option is not a form's text.
 */
function exampleWith(decl: CommandDecl, raw: Record<string, string>, missing: string): string {
  const given = Object.entries(raw).filter(([n, v]) => n !== missing && v.trim() !== "");
  if (!decl.options[missing]!.form || given.length === 0) return `Example: ${decl.examples[0]}`;
  const options = given.map(([n, v]) => `${n}:${/\s/.test(v.trim()) ? `"${v.trim()}"` : v.trim()}`);
  return `Type: /${commandKey(decl)} ${[...options, `${missing}:"…"`].join(" ")}`;
}

/** A command's options as its handler takes them, and what the reader should be told about how they were read. */
export type ConvertedOptions = { values: Record<string, unknown>; notes: string[] };

/** Converts and validates raw option text into the handler's typed options. */
export function convertOptions(parsed: ParsedLine, ctx: ConvertContext): Result<ConvertedOptions> {
  const { decl, raw } = parsed;
  const out: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [name, spec] of Object.entries(decl.options)) {
    const text = raw[name]?.trim();
    if (text === undefined || text === "") {
      if (spec.required) {
        return missingOption(name, `(${spec.description}). ${exampleWith(decl, raw, name)}\nUsage: ${usage(decl)}`);
      }
      continue;
    }
    const value = readValue(spec, text, ctx);
    if (!value.ok && spec.aliases)
      return optionFailure("bad-option", name, `${value.message}\nYour command, with the rest kept: ${lineWithout(parsed, name)}`);
    if (!value.ok) return optionFailure("bad-option", name, `${value.message}\nUsage: ${usage(decl)}`);
    const checked = spec.schema.safeParse(value.value);
    if (!checked.success) {
      const issue = checked.error.issues[0]?.message ?? "invalid value";
      const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
      return optionFailure("bad-option", name, `"${shown}" is not valid (${issue}). Example: ${decl.examples[0]}`);
    }
    out[name] = checked.data;
    if (value.note) notes.push(value.note);
  }
  return success({ values: out, notes });
}

function readValue(spec: OptionSpec, text: string, ctx: ConvertContext): Parsed<unknown> {
  switch (spec.kind) {
    case "text":
      // The one place every text option passes, from a command line, a platform's typed option or a form.
      return { ok: true, value: withoutControlCharacters(text) };
    case "cadence":
      return { ok: true, value: text };
    case "choice": {
      const lower = text.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
      if (spec.choices?.includes(lower)) return { ok: true, value: lower };
      const alias = spec.aliases?.[lower];
      if (alias !== undefined) return { ok: true, value: alias, note: `"${text}" read as ${alias}.` };
      if (!spec.aliases) return { ok: false, message: `"${text}" is not one of ${spec.choices?.join(", ")}.` };
      return { ok: false, message: `"${text}" is not a word I can read here. The words it takes: ${acceptedWords(spec)}.` };
    }
    case "integer": {
      const n = numberIn(text);
      return n !== null ? { ok: true, value: n } : { ok: false, message: `"${text}" is not a whole number.` };
    }
    case "duration":
      return parseDuration(text);
    case "when":
      return parseWhen(text, ctx);
    case "day":
      return parseDay(text, ctx);
    case "meeting": {
      if (text.toLowerCase() === "next") return { ok: true, value: "next" };
      const n = numberIn(text);
      return n !== null
        ? { ok: true, value: n }
        : { ok: false, message: `"${text}" is not a meeting: give its number from /meeting list (e.g. 3) or next.` };
    }
    case "user": {
      const user = ctx.readMention(text);
      return user ? { ok: true, value: user } : { ok: false, message: `"${text}" is not a mention of a person: write it as @Name.` };
    }
    case "users": {
      const users: UserRef[] = [];
      for (const token of text.split(/[\s,]+/).filter(Boolean)) {
        const user = ctx.readMention(token);
        if (!user) return { ok: false, message: `"${token}" is not a mention of a person: list people as @Ana,@Ben.` };
        if (!users.some((u) => u.externalId === user.externalId)) users.push(user);
      }
      return { ok: true, value: users };
    }
    case "voice-channel":
      return ctx.readVoiceChannel ? ctx.readVoiceChannel(text) : { ok: false, message: NO_VOICE_CHANNELS };
  }
}

/**
 * A choice's values with the other words each accepts, for a refusal: "very (or yes, mostly); somewhat (or partly);
 * not (or no, not really)". An alias that is only another one plus a word most aliases take ("mostly effective") is
 * left out: saying the short form is enough.
 */
function acceptedWords(spec: OptionSpec): string {
  const aliases = Object.keys(spec.aliases ?? {});
  const all = new Set([...(spec.choices ?? []), ...aliases]);
  const lastWords = new Map<string, number>();
  for (const a of aliases) {
    const last = a.split(" ").at(-1)!;
    const head = a.slice(0, -last.length - 1);
    if (head && all.has(head)) lastWords.set(last, (lastWords.get(last) ?? 0) + 1);
  }
  const suffixes = [...lastWords].filter(([, n]) => n * 2 >= aliases.length / 2).map(([w]) => w);
  const shown = aliases.filter((a) => !suffixes.some((w) => a.endsWith(` ${w}`) && all.has(a.slice(0, -w.length - 1))));
  return (spec.choices ?? [])
    .map((c) => {
      const others = shown.filter((a) => spec.aliases?.[a] === c && a !== c);
      return `${c}${others.length ? ` (or ${others.join(", ")})` : ""}`;
    })
    .join("; ");
}

/**
 * The command as it was given, every option kept as written but `name`, which is left to fill in: what a refusal of
 * one option offers to copy, so the rest need not be typed again. A value is quoted when it holds a word the parser
 * would read as another option.
 */
function lineWithout({ decl, raw }: ParsedLine, name: string): string {
  const names = Object.keys(decl.options);
  const value = (v: string) => (names.some((n) => new RegExp(`(^|\\s)${n}:`).test(v)) && !v.includes('"') ? `"${v}"` : v);
  const kept = Object.entries(raw)
    .filter(([n]) => n !== name)
    .map(([n, v]) => `${n}:${value(v)}`);
  return [`/${commandKey(decl)}`, ...kept, `${name}:`].join(" ");
}
