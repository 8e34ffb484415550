import type { Logger } from "pino";
import type { CommandDecl, OptionsOf, UserRef } from "../../commands/define.ts";
import type { Clock } from "../clock.ts";
import type { Database, Db } from "../store/open-database.ts";
import type { PersonRow, WorkspaceRow } from "../store/people.ts";
import type { Role, SetWithPeople } from "../store/sets.ts";
import type { Outgoing } from "./reply.ts";
import type { Result } from "./result.ts";

/** What the dispatcher and the adapters are given: the open database, the clock, a logger and the defaults. */
export type Deps = { db: Database; clock: Clock; logger: Logger; defaultTimeZone: string };

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
  platform: "console" | "slack" | "discord";
  workspaceId: string;
  channelId: string;
  user: UserRef;
  readMention: (token: string) => UserRef | null;
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

export type Handler<D extends CommandDecl = CommandDecl> = {
  decl: D;
  needsSet: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: to be replaced by the typed command registry (issue 11)
  run: (ctx: any, options: OptionsOf<D>) => Promise<Result<Outgoing[]>>;
};

/** Binds a handler to its declaration, so its options are typed from the declaration's zod schemas. */
export function handler<D extends CommandDecl>(
  decl: D,
  run: (ctx: SetContext, options: OptionsOf<D>) => Promise<Result<Outgoing[]>>,
): Handler<D> {
  return { decl, needsSet: true, run };
}

/** A handler for a command that runs without a set in the channel (`set create`, `help`). */
export function handlerWithoutSet<D extends CommandDecl>(
  decl: D,
  run: (ctx: HandlerContext, options: OptionsOf<D>) => Promise<Result<Outgoing[]>>,
): Handler<D> {
  return { decl, needsSet: false, run };
}
