import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  type RateLimitData,
  RESTEvents,
} from "discord.js";
import { type CommandDecl, commandKey } from "../../../commands/define.ts";
import { allCommands } from "../../../commands/index.ts";
import { commandForm, formRequestOf } from "../../app/command-form.ts";
import type { Deps } from "../../app/context.ts";
import { executeCommand, type HandlerIndex } from "../../app/dispatch.ts";
import { formKindOf } from "../../app/entry-form.ts";
import { formPresets, PREFILL_LIMIT } from "../../app/form-presets.ts";
import { decodeButton } from "../../app/reply.ts";
import { suggest } from "../../app/suggest.ts";
import type { Adapter } from "../adapter.ts";
import { type CommandRequest, commandFormRequest, commandInput, entryFormRequest } from "../command-input.ts";
import { DISCORD_REST_LIMITS } from "../send-limits.ts";
import { commandModal, readCommandModalFields, readCommandModalId } from "./command-modal.ts";
import { deliverOutgoing, deliverReminder, type ReplyInteraction } from "./deliver.ts";
import { ENTRY_TEXT_FIELD, entryModal, modalFields, readEntryModalId } from "./entry-modal.ts";
import { type ShardHealth, watchGateway } from "./gateway-health.ts";
import { discordMentionReader } from "./render.ts";
import { type DiscordShards, shardOf } from "./shard.ts";

export type DiscordOptions = {
  token: string;
  /** The REST base (default Discord's own); the gateway URL then comes from its `GET /gateway/bot`. */
  apiUrl?: string;
  /**
   * Internal sharding: `auto` runs every shard Discord recommends (its `GET /gateway/bot`); a count runs
   * `ids` of them (default: all). Unset: one unsharded connection.
   */
  shards?: "auto" | { count: number; ids?: number[] };
};

/** How long a command may run before its interaction is deferred (Discord wants an answer within 3 seconds). */
const DEFER_AFTER_MS = 1_500;

/** The Discord adapter, its discord.js client (for tests), and the shards it runs. */
export type DiscordAdapter = Adapter & {
  client: Client;
  /** The shards this process runs, known once `start()` has resolved; null when not sharded. */
  shards(): DiscordShards | null;
  /** What keeps the adapter from being ready (a shard not connected, or silent for a minute); empty when ready. */
  notReady(): string[];
  /** Each shard this process runs and whether it is ready (shard 0 alone when not sharded). */
  shardHealth(): ShardHealth[];
};

/**
 * The Discord adapter on discord.js, Guilds intent only: native slash commands (from commands/), buttons,
 * the entry modal and command forms (`/feedback`), autocomplete, and reminder delivery. Commands that may take time are deferred first.
 */
export function createDiscordAdapter(deps: Deps, handlers: HandlerIndex, opts: DiscordOptions): DiscordAdapter {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Bounded so that no try outlives the outbox's time limit for a send (../send-limits.ts).
    rest: { ...DISCORD_REST_LIMITS, ...(opts.apiUrl ? { api: opts.apiUrl } : {}) },
    ...shardOptions(opts.shards),
  });
  const gateway = watchGateway(client, deps.clock);
  // A wait for a rate limit: a request held back because its bucket is used up, or a 429 answered (then retried).
  client.rest.on(RESTEvents.RateLimited, () => deps.ops?.rateLimited("discord"));
  client.rest.on(RESTEvents.Response, (_request, response) => void (response.status === 429 && deps.ops?.rateLimited("discord")));

  const shards = (): DiscordShards | null => {
    if (!opts.shards) return null;
    const { shards: ids, shardCount } = client.options;
    if (!Array.isArray(ids) || shardCount === undefined) throw new Error("the Discord shards are known only once start() has resolved");
    return { count: shardCount, ids: [...ids] };
  };

  /** The claim already leaves other shards' guilds to their processes; this guards against a wrong scope. */
  const refuseOtherShards = (guildId: string) => {
    const own = shards();
    if (!own) return;
    const shard = shardOf(guildId, own.count);
    if (!own.ids.includes(shard))
      throw new Error(
        `reminder for guild ${guildId} belongs to shard ${shard} of ${own.count}, and this process runs shards ${own.ids.join(",")}`,
      );
  };

  /**
   * Runs the command as the interaction's user for the set in `setChannelId` and posts its replies. A command whose
   * only answer is to its user, ready within `DEFER_AFTER_MS`, is answered in the interaction's callback itself: one
   * request, which discord.js sends outside its global rate limit (docs/scaling.md). Any other is deferred (ephemeral)
   * first, as Discord wants an answer within 3 seconds, and its replies follow.
   */
  const run = async (interaction: ReplyInteraction, setChannelId: string, request: CommandRequest, names = new Map<string, string>()) => {
    const defer = () => interaction.deferReply({ flags: MessageFlags.Ephemeral });
    let deferral: Promise<unknown> | undefined;
    const timer = interaction.deferred || interaction.replied ? undefined : setTimeout(() => (deferral = defer()), DEFER_AFTER_MS);
    const input = commandInput(
      {
        platform: "discord",
        workspaceId: interaction.guildId ?? "",
        channelId: setChannelId,
        userId: interaction.user.id,
        userName: interaction.user.globalName ?? interaction.user.username,
        readMention: discordMentionReader(names),
      },
      request,
    );
    let result: Awaited<ReturnType<typeof executeCommand>>;
    try {
      result = await executeCommand(deps, handlers, input);
    } finally {
      clearTimeout(timer);
      await deferral;
    }
    const actorOnly = result.outgoing.every((o) => o.audience.kind === "actor");
    if (!actorOnly && !interaction.deferred && !interaction.replied) await defer();
    await deliverOutgoing(client, interaction, result.outgoing, setChannelId);
  };

  const onCommand = async (interaction: ChatInputCommandInteraction) => {
    const decl = declarationOf(interaction);
    if (!decl) {
      const sub = interaction.options.getSubcommand(false);
      const what = `/${interaction.commandName}${sub ? ` ${sub}` : ""}`;
      return void (await interaction.reply({
        content: `Unknown command ${what}: the bot's commands may have been updated. Type /help for the list.`,
        flags: MessageFlags.Ephemeral,
      }));
    }
    const names = new Map<string, string>();
    const raw: Record<string, string> = {};
    for (const name of Object.keys(decl.options)) {
      const option = interaction.options.get(name);
      if (!option || option.value === undefined || option.value === null) continue;
      if (option.user) names.set(option.user.id, option.user.globalName ?? option.user.username);
      raw[name] = option.user ? `<@${option.user.id}>` : String(option.value);
    }
    await nameMentions(decl, raw, names);
    const formOption = Object.entries(decl.options).find(([name, spec]) => spec.form && raw[name] === undefined);
    const kind = formOption ? formKindOf(`/${commandKey(decl)}`) : undefined;
    if (kind) return void (await interaction.showModal(entryModal(interaction.channelId, kind, raw)));
    const form = formOption ? commandForm(decl) : undefined;
    if (form) {
      const given = form.prefilled
        ? await formPresets(deps, placeOf(interaction, interaction.channelId), form, raw, PREFILL_LIMIT.discord)
        : raw;
      return void (await interaction.showModal(commandModal(interaction.channelId, form, given)));
    }
    await run(interaction, interaction.channelId, { key: commandKey(decl), raw }, names);
  };

  /**
   * Discord resolves the person of a USER option, but not mentions typed into a text option (`member:@Ana @Ben`,
   * a `users` option): their names are fetched (discord.js caches users), so people are not stored as "user 123".
   */
  const nameMentions = async (decl: CommandDecl, raw: Record<string, string>, names: Map<string, string>) => {
    const ids = Object.entries(decl.options)
      .filter(([name, spec]) => spec.kind === "users" && raw[name] !== undefined)
      .flatMap(([name]) => [...raw[name]!.matchAll(/<@!?(\d{5,25})>|\b(\d{5,25})\b/g)].map((m) => (m[1] ?? m[2])!));
    for (const id of [...new Set(ids)].filter((id) => !names.has(id)).slice(0, 20)) {
      const user = await client.users.fetch(id).catch(() => null);
      if (user) names.set(id, user.globalName ?? user.username);
    }
  };

  const onButton = async (interaction: ButtonInteraction) => {
    const target = decodeButton(interaction.customId);
    if (!target) return void (await interaction.reply({ content: "That button has expired.", flags: MessageFlags.Ephemeral }));
    const kind = formKindOf(target.command);
    if (kind) return void (await interaction.showModal(entryModal(target.channelId, kind)));
    const asked = formRequestOf(target.command);
    if (asked) {
      const given = asked.form.prefilled
        ? await formPresets(deps, placeOf(interaction, target.channelId), asked.form, asked.given, PREFILL_LIMIT.discord)
        : asked.given;
      return void (await interaction.showModal(commandModal(target.channelId, asked.form, given)));
    }
    await run(interaction, target.channelId, { text: target.command });
  };

  const onModal = async (interaction: ModalSubmitInteraction) => {
    const submitted = readCommandModalId(interaction.customId);
    if (submitted) {
      const values = readCommandModalFields(submitted.form, interaction.fields);
      return void (await run(interaction, submitted.channelId, commandFormRequest(submitted.form, values)));
    }
    const form = readEntryModalId(interaction.customId);
    if (!form) return void (await interaction.reply({ content: "That form has expired.", flags: MessageFlags.Ephemeral }));
    const fields: Record<string, string> = {};
    for (const f of modalFields(form.kind)) {
      const field = interaction.fields.fields.get(f.name);
      const value = field && "value" in field ? String(field.value ?? "").trim() : "";
      if (value) fields[f.name] = value;
    }
    if (form.meeting) fields.meeting = form.meeting;
    await run(interaction, form.channelId, entryFormRequest(form.kind, interaction.fields.getTextInputValue(ENTRY_TEXT_FIELD), fields));
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction) => {
    const decl = declarationOf(interaction);
    const focused = interaction.options.getFocused(true);
    const spec = decl?.options[focused.name];
    const kind = spec?.suggest ?? (spec?.kind === "meeting" ? "meetings" : undefined);
    const where = {
      platform: "discord",
      workspaceId: interaction.guildId ?? "",
      channelId: interaction.channelId,
      userId: interaction.user.id,
    };
    const choices = kind ? await suggest(deps, where, kind, String(focused.value)) : [];
    await interaction.respond(choices.map((c) => ({ name: c.name, value: spec?.kind === "integer" ? Number(c.value) : String(c.value) })));
  };

  client.on(Events.InteractionCreate, async (interaction: Interaction) => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isModalSubmit()) await onModal(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
    } catch (error) {
      deps.logger.error({ err: error }, "discord interaction failed");
      if (!interaction.isRepliable()) return;
      const sorry = { content: "Sorry, something went wrong on our side. Please try again; if it keeps happening, tell your advisor." };
      await (interaction.deferred || interaction.replied
        ? interaction.editReply(sorry)
        : interaction.reply({ ...sorry, flags: MessageFlags.Ephemeral })
      ).catch(() => {});
    }
  });

  return {
    platform: "discord",
    client,
    deliver: async (d, key, dm) => {
      refuseOtherShards(d.workspaceId);
      return deliverReminder(client, d, key, dm);
    },
    onRateLimited: (listener) => {
      // @discordjs/rest queues each request on its bucket and on the global 50 a second; this reports each hold-back.
      const onLimit = (info: RateLimitData) => listener("discord", info.retryAfter || info.timeToReset);
      client.rest.on(RESTEvents.RateLimited, onLimit);
      return () => void client.rest.off(RESTEvents.RateLimited, onLimit);
    },
    start: async () => {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(opts.token);
      await ready;
      deps.logger.info({ shards: shards() }, "Discord adapter started");
    },
    stop: () => client.destroy(),
    shards,
    notReady: () => gateway.shards().flatMap((s) => (s.problem ? [s.problem] : [])),
    shardHealth: () => gateway.shards(),
  };
}

/** Where an interaction happens, as the core's reads name it (the set's channel may be a button's, pressed in a DM). */
function placeOf(interaction: Interaction, channelId: string) {
  return { platform: "discord", workspaceId: interaction.guildId ?? "", channelId, userId: interaction.user.id };
}

/** discord.js's options for our sharding setting: a count runs all its shards unless `ids` picks some. */
function shardOptions(shards: DiscordOptions["shards"]): Pick<ClientOptions, "shards" | "shardCount"> {
  if (!shards) return {};
  if (shards === "auto") return { shards: "auto" };
  return { shards: shards.ids ?? Array.from({ length: shards.count }, (_, i) => i), shardCount: shards.count };
}

/** The declaration a slash command (or its autocomplete) is for; a family's bare form arrives as its `bareSub`. */
function declarationOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandDecl | undefined {
  const sub = interaction.options.getSubcommand(false);
  const family = allCommands.filter((d) => d.name === interaction.commandName);
  return (
    family.find((d) => d.sub !== undefined && d.sub === sub) ??
    family.find((d) => d.sub === undefined && (sub === null || d.bareSub === sub))
  );
}
