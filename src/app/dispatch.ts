import { randomUUID } from "node:crypto";
import { commandKey, isOptionsOf, type Who } from "../../commands/define.ts";
import { type CommandKey, type Commands, commands, isCommandKey } from "../../commands/index.ts";
import { ensurePerson, ensureWorkspace, findPerson } from "../store/people.ts";
import { findSetByChannel, type Role } from "../store/sets.ts";
import type { CommandInput, Deps, Handler, HandlerContext } from "./context.ts";
import { convertOptions, declarationFor, type ParsedLine, parseLine } from "./parse-command.ts";
import { type Outgoing, toActor } from "./reply.ts";
import { failure, type Result, success } from "./result.ts";

/**
 * One handler per declared command, under the command's key, for that very declaration: an index that lacks a
 * command, or whose handler expects other options, does not compile.
 */
export type HandlerIndex = { readonly [K in CommandKey]: Handler<Commands[K]> };

const refusal: Record<Exclude<Who, "anyone">, string> = {
  participant: "Only the set's members and advisors can",
  member: "Only members of the set can",
  advisor: "Only the set's advisors can",
};

function allowed(who: Who, role: Role | null): boolean {
  if (who === "anyone") return true;
  if (who === "participant") return role !== null;
  return role === who;
}

/**
 * Runs one command line end to end: parse, resolve the actor and the channel's set, check the role,
 * convert options, run the handler. Every refusal is a reply to the actor alone, and nothing is
 * written before the command has been accepted. Unexpected errors are logged, never shown.
 */
export async function runCommand(deps: Deps, handlers: HandlerIndex, input: CommandInput): Promise<Outgoing[]> {
  return (await executeCommand(deps, handlers, input)).outgoing;
}

/** As runCommand, and says whether the command was accepted (forms show a refusal on the field instead). */
export async function executeCommand(
  deps: Deps,
  handlers: HandlerIndex,
  input: CommandInput,
): Promise<{ ok: boolean; outgoing: Outgoing[] }> {
  const say = (text: string) => ({ ok: false, outgoing: [toActor({ text })] });
  try {
    const line = "text" in input ? parseLine(input.text) : preParsed(input.key, input.raw);
    if (!line.ok) return say(line.message);
    const key = commandKey(line.value.decl);
    if (!isCommandKey(key)) return say(`/${key} is not available yet.`);
    const handler = handlers[key];

    const { db } = deps;
    const now = deps.clock.now();
    const workspace = await ensureWorkspace(db, input.platform, input.workspaceId);
    const known = await findPerson(db, workspace.id, input.user.externalId);
    const set = await findSetByChannel(db, workspace.id, input.channelId);
    const role = (known && set?.memberships.find((m) => m.person.id === known.id)?.role) || null;

    if (handler.needsSet && !set) {
      return say('This channel has no action learning set yet. Create one with /set create name:"…" (you become its advisor).');
    }
    const who = handler.decl.who;
    if (!allowed(who, role)) {
      const advisors = set?.memberships.filter((m) => m.role === "advisor").map((m) => m.person.displayName) ?? [];
      const detail = who === "member" && role === "advisor" ? " Advisors facilitate the set but are not members of it." : "";
      return say(
        `${refusal[who as Exclude<Who, "anyone">]} use /${key}.${detail}${advisors.length ? ` Advisors: ${advisors.join(", ")}.` : ""}`,
      );
    }

    if (handler.needsSet && set?.archivedAt && !handler.decl.inArchivedSet) return say(archivedRefusal(set.name, key));

    const timeZone = known?.timeZone ?? set?.timeZone ?? deps.defaultTimeZone;
    const options = convertOptions(line.value, { now, timeZone, readMention: input.readMention });
    if (!options.ok) return say(options.message);

    const actor = known ?? (await ensurePerson(db, workspace.id, input.user, timeZone));
    const result = await runHandler(handlers, key, { deps, now, workspace, channelId: input.channelId, actor, set, role }, options.value);
    if (!result.ok) return say(result.message);
    const outgoing = result.value.map(
      (o): Outgoing => (o.audience.kind === "actor" ? { ...o, audience: { kind: "actor", timeZone: actor.timeZone } } : o),
    );
    return { ok: true, outgoing };
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    deps.logger.error({ err: error, ref, command: "text" in input ? input.text : input.key }, "command failed");
    return say(`Sorry, something went wrong on our side (ref ${ref}). Please try again; if it keeps happening, tell your advisor.`);
  }
}

/**
 * Runs the handler for `key` with options converted from its own declaration; generic in the key so the
 * compiler matches the handler's option types with that declaration's.
 */
async function runHandler<K extends CommandKey>(
  handlers: HandlerIndex,
  key: K,
  ctx: HandlerContext,
  options: Record<string, unknown>,
): Promise<Result<Outgoing[]>> {
  const handler: Handler<Commands[K]> = handlers[key];
  if (!isOptionsOf(commands[key], options)) throw new Error(`options for /${key} do not match its declaration`);
  if (!handler.needsSet) return handler.run(ctx, options);
  if (!ctx.set) throw new Error(`/${key} needs a set`);
  return handler.run({ ...ctx, set: ctx.set }, options);
}

/** Why a command that changes a set does not run in an archived one, and what still does. */
function archivedRefusal(setName: string, key: string): string {
  return (
    `The set "${setName}" is archived: it is read-only and gets no reminders, so /${key} does not run here. ` +
    "/set info, /meeting list, /log list, /log draft and /log export still work; an advisor can reopen it with /set unarchive."
  );
}

function preParsed(key: string, raw: Record<string, string>): Result<ParsedLine> {
  const decl = declarationFor(key);
  return decl ? success({ decl, raw }) : failure("unknown-command", `Unknown command /${key}. Type /help for the list.`);
}
