import { z } from "zod";
import { type CommandDecl, commandKey, type OptionSpec } from "../../../commands/define.ts";
import { allCommands } from "../../../commands/index.ts";
import { type MessageShortcut, messageShortcuts } from "../../../commands/shortcuts.ts";

/** Discord application-command option types used here: SUB_COMMAND, STRING, INTEGER, USER, CHANNEL. */
type DiscordOptionType = 1 | 3 | 4 | 6 | 7;

/** Discord's channel type GUILD_VOICE: the only kind a voice channel option offers (a stage needs moderators' rights). */
const VOICE_CHANNEL = 2;

/** One option of a chat-input command, as Discord's registration API takes it. */
export type DiscordOption = {
  type: DiscordOptionType;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  autocomplete?: boolean;
  /** A CHANNEL option (7): the kinds of channel Discord offers (2: GUILD_VOICE). */
  channel_types?: number[];
  /** Only on SUB_COMMAND options: the subcommand's own options. */
  options?: DiscordOption[];
};

/** A top-level CHAT_INPUT command (one per command family), as sent to Discord's bulk-overwrite endpoint. */
export type DiscordCommand = {
  type: 1;
  name: string;
  description: string;
  options: DiscordOption[];
  /** "32" (Manage Server) when every command of the family is for advisors; null otherwise. */
  default_member_permissions: string | null;
  dm_permission: false;
  /** 0 = guild only: sets are bound to server channels. */
  contexts: [0];
};

/**
 * A MESSAGE command (type 3): a message's context menu ("Apps → Save to my log"). Discord gives it no description
 * and no options; its name may have capitals and spaces.
 */
export type DiscordMessageCommand = {
  type: 3;
  name: string;
  description: "";
  default_member_permissions: null;
  dm_permission: false;
  contexts: [0];
};

/** Everything the bot registers with Discord: its chat-input commands, then its message commands. */
export type DiscordApplicationCommand = DiscordCommand | DiscordMessageCommand;

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const MANAGE_GUILD = "32";

/**
 * Discord's registration JSON for the declarations: one command per family (`name`), in order of first
 * appearance. A family with subcommands gets SUB_COMMAND options, its bare declaration (if any) becoming
 * the subcommand named `bareSub`; a family with only a bare declaration takes its options directly.
 * Required options come first (a Discord rule), otherwise declaration order is kept. Descriptions are
 * cut to 100 characters. Throws on declarations Discord cannot represent (bad or duplicate names,
 * a bare declaration without `bareSub` beside subcommands, more than 25 options).
 */
export function discordCommands(decls: readonly CommandDecl[] = allCommands): DiscordCommand[] {
  const families = new Map<string, CommandDecl[]>();
  for (const decl of decls) families.set(decl.name, [...(families.get(decl.name) ?? []), decl]);
  return [...families].map(([name, family]) => familyCommand(name, family));
}

/**
 * The message shortcuts of commands/shortcuts.ts as MESSAGE commands, for every member (guild only, like the
 * chat-input commands). Throws on a name Discord cannot register (1 to 32 characters).
 */
export function discordMessageCommands(shortcuts: Readonly<Record<string, MessageShortcut>> = messageShortcuts): DiscordMessageCommand[] {
  return Object.values(shortcuts).map((s) => {
    if (s.name.trim() !== s.name || s.name.length < 1 || s.name.length > 32)
      throw new Error(`Discord cannot register the message command "${s.name}": names are 1 to 32 characters.`);
    return { type: 3, name: s.name, description: "", default_member_permissions: null, dm_permission: false, contexts: [0] };
  });
}

/** What `npm run commands:gen` writes and `npm run commands:deploy` sends: every chat-input and message command. */
export function discordRegistration(): DiscordApplicationCommand[] {
  return [...discordCommands(), ...discordMessageCommands()];
}

function familyCommand(name: string, family: CommandDecl[]): DiscordCommand {
  const hasSubs = family.some((d) => d.sub !== undefined);
  let options: DiscordOption[];
  let description: string;
  if (!hasSubs) {
    if (family.length > 1) throw new Error(`/${name} is declared ${family.length} times without subcommands.`);
    const decl = family[0]!;
    options = leafOptions(decl);
    description = decl.summary;
  } else {
    options = family.map((decl) => {
      const sub = decl.sub ?? decl.bareSub;
      if (sub === undefined) throw new Error(`/${name} has subcommands, so its bare form needs a bareSub.`);
      return { type: 1, name: checkName(sub, commandKey(decl)), description: cut(decl.summary), options: leafOptions(decl) };
    });
    description = `${name[0]!.toUpperCase()}${name.slice(1)} commands: ${options.map((o) => o.name).join(", ")}`;
  }
  checkUnique(options, `/${name}`);
  return {
    type: 1,
    name: checkName(name, name),
    description: cut(description),
    options,
    default_member_permissions: family.every((d) => d.who === "advisor") ? MANAGE_GUILD : null,
    dm_permission: false,
    contexts: [0],
  };
}

function leafOptions(decl: CommandDecl): DiscordOption[] {
  const entries = Object.entries(decl.options);
  const ordered = [...entries.filter(([, o]) => requiredOnDiscord(o)), ...entries.filter(([, o]) => !requiredOnDiscord(o))];
  const options = ordered.map(([name, spec]) => option(checkName(name, `${commandKey(decl)} ${name}:`), spec));
  checkUnique(options, `/${commandKey(decl)}`);
  return options;
}

/** An option the adapter can ask for in a modal instead (`form`) is optional in the slash command. */
const requiredOnDiscord = (spec: OptionSpec) => spec.required && !spec.form;

function option(name: string, spec: OptionSpec): DiscordOption {
  const base = { name, description: cut(spec.description), required: requiredOnDiscord(spec) };
  switch (spec.kind) {
    case "user":
      return { type: 6, ...base };
    case "integer":
      return { type: 4, ...base, ...numberBounds(spec.schema), ...(spec.suggest ? { autocomplete: true } : {}) };
    case "choice":
      return { type: 3, ...base, choices: (spec.choices ?? []).map((c) => ({ name: c, value: c })) };
    case "meeting":
      return { type: 3, ...base, autocomplete: true };
    case "voice-channel":
      return { type: 7, ...base, channel_types: [VOICE_CHANNEL] };
    default:
      return { type: 3, ...base };
  }
}

/** min_value/max_value from a zod number schema, leaving out the unbounded safe-integer limits of `.int()`. */
function numberBounds(schema: z.ZodType<unknown>): { min_value?: number; max_value?: number } {
  if (!(schema instanceof z.ZodNumber)) return {};
  const bounds: { min_value?: number; max_value?: number } = {};
  const { minValue, maxValue } = schema;
  if (minValue !== null && Number.isFinite(minValue) && Math.abs(minValue) < Number.MAX_SAFE_INTEGER) bounds.min_value = minValue;
  if (maxValue !== null && Number.isFinite(maxValue) && Math.abs(maxValue) < Number.MAX_SAFE_INTEGER) bounds.max_value = maxValue;
  return bounds;
}

function checkName(name: string, where: string): string {
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    throw new Error(`Discord cannot register "${name}" (${where}): names are lowercase letters, digits, - or _, at most 32.`);
  }
  return name;
}

function checkUnique(options: DiscordOption[], where: string): void {
  if (options.length > MAX_OPTIONS) throw new Error(`${where} has ${options.length} options; Discord allows ${MAX_OPTIONS}.`);
  const names = options.map((o) => o.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`${where} declares "${dup}" twice.`);
}

function cut(text: string): string {
  const t = text.trim();
  if (t.length === 0) throw new Error("Discord needs a non-empty description.");
  return t.length <= MAX_DESCRIPTION ? t : `${t.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}
