import { z } from "zod";
import { plural } from "../src/domain/text/plural.ts";
import { CalendarDate } from "../src/domain/time/calendar-date.ts";

/**
 * Who may run a command.
 * - anyone: any user in the channel (no set needed, or read-only views of the channel's set)
 * - participant: a member or an advisor of the channel's set
 * - member: a member of the set (advisors are not members: they are not in the rotation)
 * - advisor: an advisor of the set
 */
export type Who = "anyone" | "participant" | "member" | "advisor";

/**
 * How an option's text is read before its schema validates it. The kinds that need the actor's
 * time zone or the clock (`when`, `day`) are converted by the parser in src/app, not here.
 */
export type OptionKind =
  | "text"
  | "user"
  | "users"
  | "when"
  | "day"
  | "duration"
  | "integer"
  | "choice"
  | "cadence"
  | "meeting"
  | "voice-channel";

/** A mention of a chat user: the platform's user id, and a display name when the platform gives one. */
export const UserRef = z.object({
  externalId: z.string().min(1, "a mention of a person, written @Name"),
  displayName: z.string().min(1, "a mention of a person, written @Name"),
});
export type UserRef = z.infer<typeof UserRef>;

/**
 * One of the workspace's voice channels (a Discord server's): the platform's channel id and its name as the platform
 * gave it. Only a platform with voice channels reads one (src/app/parse-command.ts); elsewhere the option is refused.
 */
export const VoiceChannelRef = z.object({
  externalId: z.string().min(1, "a voice channel of this server"),
  name: z.string().min(1, "a voice channel of this server"),
});
export type VoiceChannelRef = z.infer<typeof VoiceChannelRef>;

/** A reference to one of the set's meetings: its number (`3`, `#3`) or `next`. */
const MEETING_NUMBER = "a meeting number from /meeting list (e.g. 3) or next";
export const MeetingRef = z.union([z.literal("next"), z.number().int({ error: MEETING_NUMBER }).positive({ error: MEETING_NUMBER })], {
  error: MEETING_NUMBER,
});
export type MeetingRef = z.infer<typeof MeetingRef>;

/** What a platform with autocomplete (Discord) may suggest for an option: the set's meetings, or the actor's actions, entries, goals or problems. */
export type Suggestions = "meetings" | "actions" | "entries" | "goals" | "problems";

export type OptionSpec<T = unknown, R extends boolean = boolean> = {
  kind: OptionKind;
  description: string;
  required: R;
  schema: z.ZodType<T>;
  choices?: readonly string[];
  /**
   * Other words a `choice` accepts, lower case with single spaces, each → the choice it means ("mostly" → "very").
   * Platforms that list choices (Discord) offer the choices themselves; typed text and forms take these too.
   */
  aliases?: Readonly<Record<string, string>>;
  /** A platform with forms may leave this out and ask for it in a form (Discord's modal for an entry's text). */
  form?: boolean;
  suggest?: Suggestions;
};

type Base = { description: string; form?: boolean; suggest?: Suggestions };

/** A limit in minutes as people say it: 86400 → "60 days", 480 → "8 hours", 90 → "90 minutes". */
function minutesInWords(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

function spec<T>(
  kind: OptionKind,
  schema: z.ZodType<T>,
  { description, form, suggest }: Base,
  choices?: readonly string[],
  aliases?: Readonly<Record<string, string>>,
) {
  return {
    kind,
    description,
    required: true as const,
    schema,
    ...(choices ? { choices } : {}),
    ...(aliases ? { aliases } : {}),
    ...(form ? { form } : {}),
    ...(suggest ? { suggest } : {}),
  };
}

/** Option builders: each returns a required option; wrap in `optional()` to make it optional. */
export const opt = {
  text: (b: Base & { max?: number }) => {
    const max = b.max ?? 200;
    const tooLong = (issue: { input?: unknown }) => `at most ${max} characters; this has ${String(issue.input ?? "").length}`;
    return spec("text", z.string().trim().min(1, "must not be empty").max(max, { error: tooLong }), b);
  },
  user: (b: Base) => spec("user", UserRef, b),
  users: (b: Base) => spec("users", z.array(UserRef).min(1, "at least one person").max(20, "at most 20 people at once"), b),
  /** A date and time, natural language in the actor's time zone. */
  when: (b: Base) => spec("when", z.date(), b),
  /** A calendar day, natural language read in the actor's time zone: a `CalendarDate` (the day as given, and that zone). */
  day: (b: Base) => spec("day", CalendarDate, b),
  /** Minutes, written "2h", "90m", "1h30m"; the limits are stated as people say them ("at most 60 days"). */
  duration: (b: Base & { min: number; max: number }) =>
    spec(
      "duration",
      z
        .number()
        .int()
        .min(b.min, `at least ${minutesInWords(b.min)}`)
        .max(b.max, `at most ${minutesInWords(b.max)}`),
      b,
    ),
  integer: (b: Base & { min: number; max: number }) =>
    spec(
      "integer",
      z
        .number()
        .int({ error: `a whole number from ${b.min} to ${b.max}` })
        .min(b.min, `at least ${b.min}`)
        .max(b.max, `at most ${b.max}`),
      b,
    ),
  choice: <const C extends readonly [string, ...string[]]>(b: Base & { choices: C; aliases?: Readonly<Record<string, C[number]>> }) =>
    spec("choice", z.enum(b.choices), b, b.choices, b.aliases),
  /** A recurrence: weekly, fortnightly, monthly, "first tuesday"… (read by src/domain/time/recurrence.ts). */
  cadence: (b: Base) => spec("cadence", z.string().min(1, "must not be empty"), b),
  meeting: (b: Base) => spec("meeting", MeetingRef, b),
  /** A voice channel of the workspace: Discord offers only its server's voice channels (channel_types [2]). */
  voiceChannel: (b: Base) => spec("voice-channel", VoiceChannelRef, b),
};

export function optional<T>(o: OptionSpec<T, true>): OptionSpec<T, false> {
  return { ...o, required: false };
}

/** A command's options by name; each option's value type is kept in its schema. */
export type OptionSpecs = Record<string, OptionSpec>;

/**
 * One command: `/name sub option:value …`. Data only; the handler lives in src/app/handlers.
 * `N` and `S` keep the name and subcommand as literal types, so the registry in commands/index.ts can
 * check that each declaration is filed under its own key.
 */
export type CommandDecl<O extends OptionSpecs = OptionSpecs, N extends string = string, S extends string = string> = {
  name: N;
  /** Subcommand word, if any (`schedule` in `/meeting schedule`). */
  sub?: S;
  /** On Discord a command family with subcommands cannot also take options itself: the bare form becomes this subcommand. */
  bareSub?: string;
  summary: string;
  /** More than the summary says, for `/help command:…` (what a command does to the set, how to undo it). */
  details?: string;
  who: Who;
  /**
   * Runs in an archived set although it writes: a member's own data (share, forget), the advisor's records, and
   * `/set unarchive`. `readOnly` commands run there too; every other command that needs a set is refused there
   * (src/app/dispatch.ts).
   */
  inArchivedSet?: true;
  options: O;
  /**
   * The command only reads: it never changes the database, whoever runs it (not even by storing a first-time
   * user). test/integration/read-only.test.ts runs every such command and compares a dump before and after.
   */
  readOnly?: true;
  /** How many of the first options may be written without `name:` (default: all, in declaration order). */
  positional?: number;
  examples: string[];
};

/** A declaration as `command` returns it: its subcommand, when it has one, is known to be there. */
type Declared<O extends OptionSpecs, N extends string, S extends string> = CommandDecl<O, N, S> &
  ([S] extends [never] ? unknown : { sub: S });

/** Declares a command, keeping the option types for the handler and the name and subcommand as literals. */
export function command<const O extends OptionSpecs, const N extends string, const S extends string = never>(
  decl: CommandDecl<O, N, S> & ([S] extends [never] ? unknown : { sub: S }),
): Declared<O, N, S> {
  return decl;
}

/** The validated options a handler receives for a declaration. */
export type OptionsOf<D> =
  D extends CommandDecl<infer O>
    ? { [K in keyof O as O[K]["required"] extends true ? K : never]: z.infer<O[K]["schema"]> } & {
        [K in keyof O as O[K]["required"] extends true ? never : K]?: z.infer<O[K]["schema"]>;
      }
    : never;

/**
 * Whether `values` are exactly the validated options of `decl`: every required option present, every value
 * accepted by its option's schema, nothing undeclared. What lets validated options reach a typed handler.
 */
export function isOptionsOf<D extends CommandDecl>(
  decl: D,
  values: Record<string, unknown>,
): values is Record<string, unknown> & OptionsOf<D> {
  const specs: OptionSpecs = decl.options;
  if (Object.keys(values).some((name) => !Object.hasOwn(specs, name))) return false;
  return Object.entries(specs).every(([name, spec]) =>
    values[name] === undefined ? !spec.required : spec.schema.safeParse(values[name]).success,
  );
}

/** "meeting schedule", "help": the key a command is dispatched by. */
export function commandKey(decl: Pick<CommandDecl, "name" | "sub">): string {
  return decl.sub ? `${decl.name} ${decl.sub}` : decl.name;
}

/** Whether a command runs in an archived set: it only reads (`readOnly`), or is declared to (`inArchivedSet`). */
export function runsInArchivedSet(decl: Pick<CommandDecl, "readOnly" | "inArchivedSet">): boolean {
  return decl.readOnly === true || decl.inArchivedSet === true;
}

/** `commandKey` as a type: the key a declaration with literal name and subcommand is dispatched by. */
export type KeyOf<D> = D extends { name: infer N extends string; sub: infer S extends string }
  ? `${N} ${S}`
  : D extends { name: infer N extends string }
    ? N
    : never;

/** The usage line shown in help and errors: `/meeting schedule when: [duration:] [every:]`. */
export function usage(decl: CommandDecl): string {
  const opts = Object.entries(decl.options).map(([name, o]) => (o.required ? `${name}:` : `[${name}:]`));
  return [`/${commandKey(decl)}`, ...opts].join(" ");
}
