import { type CommandDecl, commandKey, type OptionSpec, type UserRef, usage } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { parseDay } from "../domain/day.ts";
import { parseDuration, parseWhen } from "../domain/when.ts";
import { failure, type Result, success } from "./result.ts";

/** A command line split into its declaration and the raw text of each option. */
export type ParsedLine = { decl: CommandDecl; raw: Record<string, string> };

/** What converting option text needs: the clock, the actor's zone, and the platform's mention syntax. */
export type ConvertContext = {
  now: Date;
  timeZone: string;
  /** Reads one mention token (`@Tom`, `<@U123>`) as a user, or null if it is not a mention. */
  readMention: (token: string) => UserRef | null;
};

const byKey = new Map(allCommands.map((d) => [commandKey(d), d]));

/** The declaration for "meeting schedule", or undefined. */
export const declarationFor = (key: string): CommandDecl | undefined => byKey.get(key);
const names = [...new Set(allCommands.map((d) => d.name))];

/** Splits on whitespace, keeping "quoted strings" (and name:"quoted values") together, quotes removed. */
export function tokenize(text: string): Result<string[]> {
  const tokens: string[] = [];
  const re = /(?:[^\s"“”]+|["“][^"“”]*["”])+/g;
  const unbalanced = (text.match(/["“”]/g) ?? []).length % 2 === 1;
  if (unbalanced) return failure("bad-option", 'A quote is not closed: write values with spaces as name:"value with spaces".');
  for (const m of text.matchAll(re)) tokens.push(m[0].replace(/["“”]/g, ""));
  return success(tokens);
}

/**
 * Reads `/name [sub] [positional…] [option:value …]`. Words after `option:value` that are not
 * themselves `option:` continue that value, so `when:next tuesday 10am` needs no quotes.
 */
export function parseLine(line: string): Result<ParsedLine> {
  const tokenized = tokenize(line.trim().replace(/^\//, ""));
  if (!tokenized.ok) return tokenized;
  const [name, ...rest] = tokenized.value;
  if (!name) return failure("unknown-command", "Type a command, e.g. /help.");
  const family = allCommands.filter((d) => d.name === name.toLowerCase());
  if (family.length === 0) {
    const guess = names.find((n) => n.startsWith(name.slice(0, 2).toLowerCase()));
    return failure("unknown-command", `Unknown command /${name}.${guess ? ` Did you mean /${guess}?` : ""} Type /help for the list.`);
  }
  const subWord = rest[0]?.toLowerCase();
  let decl = family.find((d) => d.sub !== undefined && d.sub === subWord);
  if (decl) rest.shift();
  else decl = family.find((d) => d.sub === undefined);
  if (!decl) {
    const subs = family.map((d) => d.sub).join(", ");
    const what = subWord ? `Unknown subcommand "${subWord}" for /${name}` : `/${name} needs a subcommand`;
    return failure("unknown-command", `${what}: one of ${subs}. Example: ${family[0]!.examples[0]}`);
  }
  return readOptions(decl, rest);
}

function readOptions(decl: CommandDecl, tokens: string[]): Result<ParsedLine> {
  const optionNames = Object.keys(decl.options);
  const positional = optionNames.slice(0, decl.positional ?? optionNames.length);
  const raw: Record<string, string> = {};
  const bare: string[] = [];
  let current: string | undefined;
  for (const token of tokens) {
    const named = /^([a-z][a-z_-]*):(.*)$/is.exec(token);
    if (named && !/^https?$/i.test(named[1]!)) {
      const key = named[1]!.toLowerCase();
      if (!(key in decl.options)) {
        const known = optionNames.length ? `Its options: ${optionNames.map((n) => `${n}:`).join(" ")}` : "It takes no options.";
        return failure("bad-option", `/${commandKey(decl)} has no option "${key}". ${known}\nUsage: ${usage(decl)}`);
      }
      if (key in raw) return failure("bad-option", `Option ${key}: is given twice.`);
      raw[key] = named[2]!;
      current = key;
    } else if (current) {
      raw[current] = `${raw[current]} ${token}`.trim();
    } else {
      bare.push(token);
    }
  }
  if (bare.length > 0) {
    const free = positional.filter((n) => !(n in raw));
    if (free.length === 0) {
      return failure("bad-option", `Unexpected "${bare.join(" ")}": name the option, e.g. ${decl.examples[0]}\nUsage: ${usage(decl)}`);
    }
    if (free.length === 1) raw[free[0]!] = bare.join(" ");
    else if (bare.length > free.length) {
      return failure(
        "bad-option",
        `Too many values for /${commandKey(decl)}: quote values with spaces, e.g. ${decl.examples[1] ?? decl.examples[0]}`,
      );
    } else for (const [i, value] of bare.entries()) raw[free[i]!] = value;
  }
  return success({ decl, raw });
}

/** Converts and validates raw option text into the handler's typed options. */
export function convertOptions(parsed: ParsedLine, ctx: ConvertContext): Result<Record<string, unknown>> {
  const { decl, raw } = parsed;
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(decl.options)) {
    const text = raw[name]?.trim();
    if (text === undefined || text === "") {
      if (spec.required) {
        return failure("bad-option", `Missing option ${name}: (${spec.description}). Example: ${decl.examples[0]}\nUsage: ${usage(decl)}`);
      }
      continue;
    }
    const value = readValue(spec, text, ctx);
    if (!value.ok) return failure("bad-option", `Option ${name}: ${value.message}\nUsage: ${usage(decl)}`);
    const checked = spec.schema.safeParse(value.value);
    if (!checked.success) {
      const issue = checked.error.issues[0]?.message ?? "invalid value";
      const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
      return failure("bad-option", `Option ${name}: "${shown}" is not valid (${issue}). Example: ${decl.examples[0]}`);
    }
    out[name] = checked.data;
  }
  return success(out);
}

function readValue(spec: OptionSpec, text: string, ctx: ConvertContext): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (spec.kind) {
    case "text":
    case "cadence":
      return { ok: true, value: text };
    case "choice": {
      const lower = text.toLowerCase();
      return spec.choices?.includes(lower)
        ? { ok: true, value: lower }
        : { ok: false, message: `"${text}" is not one of ${spec.choices?.join(", ")}.` };
    }
    case "integer":
      return /^-?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: `"${text}" is not a whole number.` };
    case "duration":
      return parseDuration(text);
    case "when":
      return parseWhen(text, ctx);
    case "day":
      return parseDay(text, ctx);
    case "meeting": {
      if (text.toLowerCase() === "next") return { ok: true, value: "next" };
      const n = /^#?(\d+)$/.exec(text);
      return n
        ? { ok: true, value: Number(n[1]) }
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
  }
}
