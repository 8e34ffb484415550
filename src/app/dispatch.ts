import { randomUUID } from "node:crypto";
import { type CommandDecl, commandKey, isOptionsOf, type KeyOf, runsInArchivedSet, type Who } from "../../commands/define.ts";
import { allCommands, type CommandKey, type Commands, commands, isCommandKey } from "../../commands/index.ts";
import { type ZoneInUse, zoneInUse } from "../domain/time/zone-source.ts";
import { type CommandOutcome, STOPPING_NOTICE } from "../ops/hooks.ts";
import { keepText } from "../store/kept-texts.ts";
import { inTransaction } from "../store/open-database.ts";
import {
  ensurePerson,
  ensureWorkspace,
  findPerson,
  findWorkspace,
  type PersonRow,
  saveTimeZone,
  type WorkspaceRow,
} from "../store/people.ts";
import { markSetsToPlan } from "../store/set-moments.ts";
import { findSetByChannel, findSetById, type Role } from "../store/sets.ts";
import { recordSlackEvent, SlackEventSeenBefore } from "../store/slack-events.ts";
import { askWhich, choiceButtons, choiceLabel, type Which } from "./ask-which.ts";
import type { CommandDeps, CommandInput, Deps, Handler, HandlerContext } from "./context.ts";
import { keptFormLine } from "./interpret.ts";
import { formHolds, keptFormButton } from "./kept-form.ts";
import { keptLine, keptText } from "./kept-text.ts";
import { queueMeetingEvents } from "./meeting-events.ts";
import { convertOptions, declarationFor, type ParsedLine, parseLine } from "./parse-command.ts";
import { type Button, type Outgoing, toActor } from "./reply.ts";
import { failure, type Result, success } from "./result.ts";
import { type Joined, welcomeJoiner } from "./welcome.ts";

/**
 * One handler per declared command, under the command's key, for that very declaration: an index that lacks a
 * command, or whose handler expects other options, does not compile.
 */
export type HandlerIndex = { readonly [K in CommandKey]: Handler<Commands[K]> };

/** Handlers filed under their declarations' keys; two handlers for one key are a programming error, refused at load. */
export function byKey<const L extends readonly { decl: CommandDecl }[]>(list: L): { [H in L[number] as KeyOf<H["decl"]>]: H } {
  const index: Record<string, L[number]> = {};
  for (const h of list) {
    const key = commandKey(h.decl);
    if (Object.hasOwn(index, key)) throw new Error(`Two handlers for /${key}`);
    index[key] = h;
  }
  return index as { [H in L[number] as KeyOf<H["decl"]>]: H };
}

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
 * convert options, run the handler. Everything after parsing runs in one database transaction: a command
 * that is refused, or fails part way, changes nothing. Every refusal is a reply to the actor alone.
 * Unexpected errors are logged, never shown.
 */
export async function runCommand(deps: Deps, handlers: HandlerIndex, input: CommandInput): Promise<Outgoing[]> {
  return (await executeCommand(deps, handlers, input)).outgoing;
}

/**
 * What a command comes to. A refusal also says which kind it is, for the metrics (src/ops/hooks.ts), and the option
 * it is about when it names one (a form shows it on that field).
 */
type Outcome = {
  ok: boolean;
  outgoing: Outgoing[];
  refusal?: Exclude<CommandOutcome, "ok">;
  option?: string;
  /**
   * A refused command's words, to keep for a form (./kept-form.ts): who typed them, where, the command as given and,
   * for a question about an unclear value (./ask-which.ts), its choices.
   */
  kept?: { personId: string; channelId: string; key: string; raw: Record<string, string>; which?: Which };
  changed?: true;
};

/** A refusal, thrown to roll back the command's transaction and then answered. */
class Refused extends Error {
  constructor(readonly outcome: Outcome) {
    super("refused");
  }
}

const say = (text: string, refusal: Outcome["refusal"], option?: string): Outcome => ({
  ok: false,
  outgoing: [toActor({ text })],
  refusal,
  ...(option !== undefined ? { option } : {}),
});

/**
 * What an adapter learns of a command it ran: accepted or not, the replies, the option a refusal is about, and
 * `changed` when an accepted command is not read-only (what people see of the set may have changed: Slack's Home tab).
 */
export type CommandResult = { ok: boolean; outgoing: Outgoing[]; option?: string; changed?: true };

/**
 * As runCommand, and says whether the command was accepted and, for a refusal about one option, which (forms show
 * such a refusal on that option's field instead).
 * Each command is counted through `deps.ops` by its key and outcome; while the process stops, it is
 * refused with a notice and changes nothing.
 */
export async function executeCommand(deps: Deps, handlers: HandlerIndex, input: CommandInput): Promise<CommandResult> {
  const done = deps.ops ? deps.ops.beginCommand(input.platform) : () => {};
  if (!done) return { ok: false, outgoing: [toActor({ text: STOPPING_NOTICE })] };
  const counted = { command: "unknown" };
  const { ok, outgoing, refusal, option, changed } = await decide(deps, handlers, input, counted);
  done(counted.command, ok ? "ok" : (refusal ?? "refused"));
  return { ok, outgoing, ...(option !== undefined ? { option } : {}), ...(ok && changed ? { changed } : {}) };
}

/**
 * Someone joined a channel: the welcome to give them (src/app/welcome.ts), in one transaction. `eventId`, from a
 * platform that retries its events (Slack), is recorded in that transaction: an id any process has seen before is
 * answered `seenBefore` with nothing to send, and a join that fails records nothing, so its retry is handled.
 * An unexpected error is logged and answered with nothing to send (the joiner asked for nothing).
 */
export async function executeJoin(
  deps: Deps,
  joined: Joined & { eventId?: string },
): Promise<{ seenBefore: boolean; outgoing: Outgoing[] }> {
  try {
    const outgoing = await inTransaction(deps.db, async (db) => {
      if (joined.eventId) await recordSlackEvent(db, joined.eventId, deps.clock.now());
      return welcomeJoiner(db, joined);
    });
    return { seenBefore: false, outgoing };
  } catch (error) {
    if (error instanceof SlackEventSeenBefore) return { seenBefore: true, outgoing: [] };
    deps.logger.error({ err: error, platform: joined.platform }, "welcome failed");
    return { seenBefore: false, outgoing: [] };
  }
}

/** Runs the command; `counted.command` becomes its key once the line names one. */
async function decide(deps: Deps, handlers: HandlerIndex, input: CommandInput, counted: { command: string }): Promise<Outcome> {
  try {
    const line = "text" in input ? parseLine(input.text) : preParsed(input.key, input.raw);
    if (!line.ok) return say(`${line.message}${"text" in input ? keptLine(input.text) : ""}`, "invalid", line.option);
    const key = commandKey(line.value.decl);
    counted.command = key;
    if (!isCommandKey(key)) return say(`/${key} is not available yet.`, "invalid");
    return await inTransaction(deps.db, async (db) => {
      const outcome = await runAccepted({ ...deps, db }, handlers, key, line.value, input);
      if (!outcome.ok) throw new Refused(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refused) return await withKeptForm(deps, input, error.outcome);
    const ref = randomUUID().slice(0, 8);
    deps.logger.error({ err: error, ref, command: "text" in input ? input.text : input.key }, "command failed");
    return say(
      `Sorry, something went wrong on our side (ref ${ref}). Please try again; if it keeps happening, tell your advisor.`,
      "error",
    );
  }
}

/** The part of a command that reads and writes the database, on the command's transaction. */
async function runAccepted(
  deps: CommandDeps,
  handlers: HandlerIndex,
  key: CommandKey,
  line: ParsedLine,
  input: CommandInput,
): Promise<Outcome> {
  const handler = handlers[key];
  const { db } = deps;
  const now = deps.clock.now();
  // A read-only command stores nothing, not even a workspace or a user seen for the first time.
  const readOnly = handler.decl.readOnly === true;
  const workspace = readOnly
    ? ((await findWorkspace(db, input.platform, input.workspaceId)) ?? unsavedWorkspace(input))
    : await ensureWorkspace(db, input.platform, input.workspaceId);
  const known = await findPerson(db, workspace.id, input.user.externalId);
  const set = await findSetByChannel(db, workspace.id, input.channelId);
  const role = (known && set?.memberships.find((m) => m.person.id === known.id)?.role) || null;

  if (handler.needsSet && !set) {
    return say('This channel has no action learning set yet. Create one with /set create name:"…" (you become its advisor).', "refused");
  }
  const who = handler.decl.who;
  if (!allowed(who, role)) {
    const advisors = set?.memberships.filter((m) => m.role === "advisor").map((m) => m.person.displayName) ?? [];
    const detail = who === "member" && role === "advisor" ? " Advisors facilitate the set but are not members of it." : "";
    return say(
      `${refusal[who as Exclude<Who, "anyone">]} use /${key}.${detail}${advisors.length ? ` Advisors: ${advisors.join(", ")}.` : ""}`,
      "denied",
    );
  }

  if (handler.needsSet && set?.archivedAt && !runsInArchivedSet(handler.decl)) {
    return say(archivedRefusal(set.name, key), "refused");
  }

  // A person first seen takes their profile's zone (Slack), else DEFAULT_TIME_ZONE (`.env.example`), whoever created
  // the set, until they choose their own; a zone still the default takes the profile's when it comes. A read-only
  // command uses that zone without storing it (docs/architecture.md, "Time zones and where they come from").
  const zone = zoneInUse(known, input.profileTimeZone, deps.defaultTimeZone);
  const { timeZone } = zone;
  const options = convertOptions(line, {
    now,
    timeZone,
    readMention: input.readMention,
    ...(input.readVoiceChannel ? { readVoiceChannel: input.readVoiceChannel } : {}),
  });
  const kept = (outcome: Outcome, which?: Which): Outcome =>
    known && keptText(line)
      ? { ...outcome, kept: { personId: known.id, channelId: input.channelId, key, raw: line.raw, ...(which ? { which } : {}) } }
      : outcome;
  if (!options.ok) {
    const where = { platform: input.platform, workspaceId: input.workspaceId, channelId: input.channelId, userId: input.user.externalId };
    const asked = known && options.option ? await askWhich(deps, where, line, options.option) : undefined;
    if (!asked) return kept(say(`${options.message}${keptText(line)}`, "invalid", options.option));
    // Buttons that carry their command run it; on a platform with forms one carrying words could not, and opens the
    // form filled with the choice instead (withKeptForm).
    const direct = choiceButtons(line, asked.which);
    const carried = !input.forms || direct.every((b) => b.command.length <= BUTTON_LINE_MAX);
    const question = say(`${asked.text}${keptText(line)}`, "invalid", options.option);
    const outcome = carried ? withButtons(question, direct) : question;
    return carried ? outcome : kept(outcome, asked.which);
  }

  const actor = known
    ? await withZone(deps, known, zone, readOnly)
    : readOnly
      ? unsavedPerson(workspace, input.user, zone)
      : await ensurePerson(db, workspace.id, input.user, timeZone, zone.source ?? "default");
  // Whatever a command changes, its set and its actor's sets are planned again at the next tick, on this
  // transaction: a refused or failed command leaves their moments as they were (docs/architecture.md, "A reminder tick").
  if (!readOnly) await markSetsToPlan(db, { setIds: set ? [set.id] : [], personId: actor.id });
  const result = await runHandler(
    handlers,
    key,
    { deps, now, workspace, channelId: input.channelId, actor, set, role },
    options.value.values,
  );
  if (!result.ok) return kept(say(`${result.message}${keptText(line)}`, "refused", result.option));
  // What the command changed in the set's meetings reaches the platform's events through the outbox, on this transaction.
  if (!readOnly && set && deps.eventPlatforms?.includes(input.platform)) {
    const current = await findSetById(db, set.id);
    if (current)
      await queueMeetingEvents(
        db,
        { platform: input.platform, workspaceId: input.workspaceId, channelId: current.channelId },
        current,
        now,
      );
  }
  const outgoing = withNotes(result.value, options.value.notes).map(
    (o): Outgoing => (o.audience.kind === "actor" ? { ...o, audience: { kind: "actor", timeZone: actor.timeZone } } : o),
  );
  return { ok: true, outgoing, ...(readOnly ? {} : { changed: true as const }) };
}

/**
 * A refusal that gave back a person's words, on a platform with forms, whose form holds every option given: its words
 * are kept (after the command's transaction rolled back, in one of their own) and its reply gains the button that
 * opens the form with them (./kept-form.ts). Keeping them failing loses only the button: the refusal still carries
 * the command to copy.
 */
async function withKeptForm(deps: Deps, input: CommandInput, outcome: Outcome): Promise<Outcome> {
  const { kept } = outcome;
  if (!input.forms || !kept || !formHolds(kept.key, kept.raw)) return outcome;
  const { which, ...words } = kept;
  const now = deps.clock.now();
  try {
    const buttons = await inTransaction(deps.db, async (db) => {
      const choices: Button[] = [];
      for (const c of which?.choices ?? []) {
        const raw = { ...words.raw, [which!.option]: c.value };
        if (!formHolds(kept.key, raw)) continue;
        const id = await keepText(db, { ...words, raw, now });
        choices.push({ id: `which-${which!.option}-${c.value}`, label: choiceLabel(c.label), command: keptFormLine(id) });
      }
      return [...choices, keptFormButton(await keepText(db, { ...words, now }))];
    });
    return withButtons(outcome, buttons);
  } catch (error) {
    deps.logger.error({ err: error, command: kept.key }, "keeping a refused command's words failed");
    return outcome;
  }
}

/** The outcome with `buttons` added under its first reply. */
function withButtons(outcome: Outcome, buttons: Button[]): Outcome {
  const [first, ...rest] = outcome.outgoing;
  if (!first || buttons.length === 0) return outcome;
  const reply = { ...first.reply, buttons: [...(first.reply.buttons ?? []), ...buttons] };
  return { ...outcome, outgoing: [{ ...first, reply }, ...rest] };
}

/**
 * The longest command line a platform's button carries whole, with the set's channel before it: Discord's custom id
 * holds 100 characters (src/adapters/discord/render.ts), a channel's id about 20 of them.
 */
const BUTTON_LINE_MAX = 75;

/** A stored actor with the zone in use: saved on the command's transaction when it changed, unless the command is read-only. */
async function withZone(deps: CommandDeps, known: PersonRow, zone: ZoneInUse, readOnly: boolean): Promise<PersonRow> {
  if (!zone.changed) return known;
  if (!readOnly && zone.source) await saveTimeZone(deps.db, known.id, zone.timeZone, zone.source);
  return { ...known, timeZone: zone.timeZone, timeZoneSource: zone.source };
}

/** Adds how options were read (a time moved by a clock change) to the first reply the actor sees, or as a reply of its own. */
function withNotes(outgoing: Outgoing[], notes: string[]): Outgoing[] {
  if (notes.length === 0) return outgoing;
  const first = outgoing.findIndex((o) => o.audience.kind === "actor" || o.audience.kind === "channel");
  if (first < 0) return [...outgoing, toActor({ text: notes.join("\n") })];
  return outgoing.map((o, i) => (i === first ? { ...o, reply: { ...o.reply, text: [o.reply.text, ...notes].join("\n") } } : o));
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

/** The views members can still use in an archived set, from the declarations, in help order ("/set info", …). */
const ARCHIVED_SET_VIEWS = allCommands
  .filter((d) => d.readOnly && d.name !== "help" && (d.who === "anyone" || d.who === "participant" || d.who === "member"))
  .map((d) => `/${commandKey(d)}`);

/** Why a command that changes a set does not run in an archived one, and what still does. */
function archivedRefusal(setName: string, key: string): string {
  return (
    `The set "${setName}" is archived: it is read-only and gets no reminders, so /${key} does not run here. ` +
    `${ARCHIVED_SET_VIEWS.join(", ")} still work; an advisor can reopen it with /set unarchive.`
  );
}

/** A workspace not stored (id ""): what a read-only command sees where the bot has never been used. It has no sets. */
function unsavedWorkspace(input: CommandInput): WorkspaceRow {
  return { id: "", platform: input.platform, externalId: input.workspaceId };
}

/** A user not stored (id ""), with default reminder settings: what a read-only command sees of someone new to the bot. */
function unsavedPerson(workspace: WorkspaceRow, user: { externalId: string; displayName: string }, zone: ZoneInUse): PersonRow {
  return {
    id: "",
    workspaceId: workspace.id,
    ...user,
    timeZone: zone.timeZone,
    timeZoneSource: zone.source,
    quietStart: null,
    quietEnd: null,
    nudgesOn: true,
    snoozedUntil: null,
    stoppedNudges: "",
  };
}

function preParsed(key: string, raw: Record<string, string>): Result<ParsedLine> {
  const decl = declarationFor(key);
  return decl ? success({ decl, raw }) : failure("unknown-command", `Unknown command /${key}. Type /help for the list.`);
}
