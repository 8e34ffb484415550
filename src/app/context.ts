import type { Logger } from "pino";
import type { CommandDecl, OptionsOf, UserRef } from "../../commands/define.ts";
import type { Clock } from "../clock.ts";
import type { OpsHooks } from "../ops/hooks.ts";
import type { Database, Db } from "../store/open-database.ts";
import type { PersonRow, WorkspaceRow } from "../store/people.ts";
import type { Role, SetWithPeople } from "../store/sets.ts";
import type { ConvertContext } from "./parse-command.ts";
import type { Outgoing } from "./reply.ts";
import type { Result } from "./result.ts";

/**
 * What the dispatcher and the adapters are given: the open database, the clock, a logger and the defaults;
 * `ops` counts commands, reminders and rate limits (and refuses commands while the process stops);
 * `feedBaseUrl`, the public base URL (PUBLIC_URL) under which this process serves the calendar feeds, absent when
 * it serves none (then `/meeting calendar` gives the file alone); `eventPlatforms`, the platforms whose sets' meetings
 * are also the platform's own events (Discord's scheduled events; docs/architecture.md, "Meetings as platform events").
 */
export type Deps = {
  db: Database;
  clock: Clock;
  logger: Logger;
  defaultTimeZone: string;
  ops?: OpsHooks;
  feedBaseUrl?: string;
  eventPlatforms?: readonly string[];
};

/**
 * What a handler can use: as Deps, but `db` is the command's own transaction (src/app/dispatch.ts), so
 * everything a handler writes commits together or not at all.
 */
export type CommandDeps = Omit<Deps, "db"> & { db: Db };

/**
 * A command as an adapter hands it over: who, where, and either a command line (`text`) or, from a
 * form or a platform's typed options, the command's key and the raw text of each option.
 */
export type CommandInput = {
  /** The platform's name: "console", or a platform's key in the registry (src/adapters/platforms.ts). */
  platform: string;
  workspaceId: string;
  channelId: string;
  user: UserRef;
  readMention: (token: string) => UserRef | null;
  /** Reads a voice channel option, on a platform that has voice channels (Discord); see ConvertContext. */
  readVoiceChannel?: ConvertContext["readVoiceChannel"];
  /** The platform has forms (Slack, Discord): a refusal that gives back a person's words also offers their form. */
  forms?: boolean;
  /**
   * The time zone the platform's profile gives the user (Slack's users.info), read by the adapter for someone the
   * bot has not stored or whose zone is still the default; absent where the platform gives none.
   */
  profileTimeZone?: string;
} & ({ text: string } | { key: string; raw: Record<string, string> });

/** The resolved situation a handler runs in. `set`/`role` are null where the channel has no set or the actor no part in it. */
export type HandlerContext = {
  deps: CommandDeps;
  now: Date;
  workspace: WorkspaceRow;
  channelId: string;
  actor: PersonRow;
  set: SetWithPeople | null;
  role: Role | null;
};

/** A context in which the channel's set exists (dispatch guarantees it for every command but `set create` and `help`). */
export type SetContext = HandlerContext & { set: SetWithPeople };

/**
 * What a handler runs. Invariant in the declaration (`in out`): the compiler cannot measure variance through
 * OptionsOf's conditional type and would otherwise let a handler for other options stand in for this one.
 */
type Run<C, in out D extends CommandDecl> = (ctx: C, options: OptionsOf<D>) => Promise<Result<Outgoing[]>>;

/**
 * A declaration's handler. One that `needsSet` runs only where the channel has a set and gets a SetContext;
 * the others (`set create`, `help`, `nudge …`) get a HandlerContext whose set may be null.
 */
export type Handler<D extends CommandDecl> =
  | { decl: D; needsSet: true; run: Run<SetContext, D> }
  | { decl: D; needsSet: false; run: Run<HandlerContext, D> };

/** Binds a handler to its declaration, so its options are typed from the declaration's zod schemas. */
export function handler<D extends CommandDecl>(decl: D, run: Run<SetContext, D>): Handler<D> {
  return { decl, needsSet: true, run };
}

/** A handler for a command that runs without a set in the channel (`set create`, `help`). */
export function handlerWithoutSet<D extends CommandDecl>(decl: D, run: Run<HandlerContext, D>): Handler<D> {
  return { decl, needsSet: false, run };
}
