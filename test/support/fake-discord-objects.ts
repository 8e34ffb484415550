/**
 * The state of the local fake Discord (guilds, users, channels, messages, interactions, registered commands) and
 * the payloads it sends, shaped as Discord API v10 sends them to discord.js 14.28. The REST routes
 * (fake-discord-routes.ts) and the gateway (fake-discord-gateway.ts) work on one `DiscordWorld`.
 */
import { randomBytes } from "node:crypto";

export type Json = Record<string, unknown>;
/** A file uploaded with a message (a multipart `files[n]` part). */
export type UploadedFile = { name: string; bytes: Buffer };
/** A guild channel of the fake: a text channel (type 0) unless `type` says otherwise (2: a voice channel). */
export type FakeChannel = { id: string; name: string; type?: number };
export type FakeGuild = { id: string; name: string; channels: FakeChannel[] };

/** An interaction the fake sent, and how far it has been answered. */
export type InteractionState = {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId: string | null;
  /** The invoking user (for `interaction_metadata`). */
  user: Json;
  acked: boolean;
  /** The message the component was on (buttons), which type 6/7 callbacks act on. */
  componentMessageId: string | null;
  originalId: string | null;
};

const DISCORD_EPOCH = 1420070400000n;
/** Permission bits; payloads carry them as decimal strings, like Discord sends them. */
const P = {
  CreateInstantInvite: 1n << 0n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
};
const EVERYONE_PERMISSIONS = [
  P.CreateInstantInvite,
  P.AddReactions,
  P.ViewChannel,
  P.SendMessages,
  P.EmbedLinks,
  P.AttachFiles,
  P.ReadMessageHistory,
  P.UseExternalEmojis,
  P.Connect,
  P.Speak,
  P.ChangeNickname,
  P.UseApplicationCommands,
  P.CreatePublicThreads,
  P.SendMessagesInThreads,
].reduce((a, b) => a | b, 0n);
const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | P.MentionEveryone;

/** What `FakeDiscord.start` may set; every field has a default. */
export type WorldOptions = { applicationId?: string; botUserId?: string; guilds?: FakeGuild[] };

export class DiscordWorld {
  readonly origin: string;
  readonly appId: string;
  readonly botUser: Json;
  readonly guilds: FakeGuild[];
  readonly users = new Map<string, Json>();
  /** The bot's DM channels by id; `#dmOf` finds a user's. */
  readonly dmChannels = new Map<string, Json>();
  /** User id → the id of the bot's DM channel with them: a snowflake of when it was first opened. */
  readonly #dmOf = new Map<string, string>();
  /** Every message by id, in creation order. */
  readonly messages = new Map<string, Json>();
  /** Uploaded files by their `/attachments/...` path. */
  readonly attachments = new Map<string, { bytes: Buffer; contentType: string }>();
  readonly interactions = new Map<string, InteractionState>();
  /** "global" or a guild id → its registered application commands. */
  readonly commands = new Map<string, Json[]>();
  readonly commandIds = new Map<string, string>();
  /** `${channelId} ${nonce}` → the message created with it and when. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  /** Users whose DMs refuse the bot (code 50007). */
  readonly closedDms = new Set<string>();
  #lastSnowflakeMs = 0n;
  #increment = 0n;

  constructor(origin: string, opts: WorldOptions) {
    this.origin = origin;
    this.appId = opts.applicationId ?? "1234567890123456789";
    const botId = opts.botUserId ?? this.appId;
    this.botUser = {
      id: botId,
      username: "Action Learning Companion",
      global_name: null,
      discriminator: "4242",
      avatar: null,
      bot: true,
      system: false,
      public_flags: 0,
      flags: 0,
      avatar_decoration_data: null,
      primary_guild: null,
    };
    this.users.set(botId, this.botUser);
    this.guilds = (
      opts.guilds ?? [
        {
          id: "1111111111111111111",
          name: "Action Learning",
          channels: [
            { id: "2222222222222222222", name: "set-a" },
            { id: "2222222222222222299", name: "meeting-room", type: 2 },
          ],
        },
      ]
    ).map((g) => ({ id: g.id, name: g.name, channels: g.channels.map((c) => ({ ...c })) }));
  }

  /**
   * Records an interaction about to be sent (filling `id` and `token` if missing) and returns its payload as
   * INTERACTION_CREATE carries it.
   */
  openInteraction(interaction: Json): Json {
    const id = typeof interaction.id === "string" ? interaction.id : this.snowflake();
    const token = typeof interaction.token === "string" ? interaction.token : interactionToken(id);
    const payload: Json = { ...interaction, id, token, application_id: interaction.application_id ?? this.appId };
    const channel = payload.channel as Json | undefined;
    const message = payload.message as Json | undefined;
    const member = payload.member as Json | undefined;
    const user = obj(payload.user ?? member?.user);
    if (typeof user.id === "string") this.users.set(user.id, user);
    this.interactions.set(id, {
      id,
      token,
      type: Number(payload.type),
      channelId: String(channel?.id ?? payload.channel_id ?? ""),
      guildId: typeof payload.guild_id === "string" ? payload.guild_id : null,
      user,
      acked: false,
      componentMessageId: typeof message?.id === "string" ? message.id : null,
      originalId: null,
    });
    return payload;
  }

  /** A guild of the fake, by id. */
  guild(id: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.id === id);
  }

  /** A guild channel by id, with its guild and position. */
  guildChannel(id: string): { guild: FakeGuild; channel: FakeChannel; index: number } | undefined {
    for (const guild of this.guilds) {
      const index = guild.channels.findIndex((c) => c.id === id);
      if (index >= 0) return { guild, channel: guild.channels[index]!, index };
    }
    return undefined;
  }

  /** A channel object by id: a guild channel or a DM channel already opened. */
  channelById(id: string): Json | undefined {
    const gc = this.guildChannel(id);
    if (gc) return this.#channelObject(gc.guild, gc.channel, gc.index, true);
    return this.dmChannels.get(id);
  }

  #channelObject(g: FakeGuild, c: FakeChannel, position: number, withGuildId: boolean): Json {
    const type = c.type ?? 0;
    // What a text channel (0) and a voice channel (2) carry besides what every guild channel has.
    const own =
      type === 2
        ? { bitrate: 64000, user_limit: 0, rtc_region: null, video_quality_mode: 1 }
        : { topic: null, default_thread_rate_limit_per_user: 0 };
    const ch: Json = {
      id: c.id,
      type,
      name: c.name,
      position,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      ...own,
      flags: 0,
    };
    if (withGuildId) ch.guild_id = g.id;
    return ch;
  }

  /**
   * The bot's DM channel with a user, created on first use with a fresh snowflake id (as Discord's are: a client's
   * REST manager buckets `/channels/:id` routes by that id only when it is 17–19 digits); the same one afterwards.
   */
  dmChannel(recipientId: string): Json {
    const known = this.#dmOf.get(recipientId);
    if (known) return this.dmChannels.get(known)!;
    const ch: Json = { id: this.snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [this.user(recipientId)] };
    this.#dmOf.set(recipientId, String(ch.id));
    this.dmChannels.set(String(ch.id), ch);
    return ch;
  }

  /** The user a DM channel of the bot's is with, or undefined for any other id. */
  dmRecipient(channelId: string): string | undefined {
    const recipients = this.dmChannels.get(channelId)?.recipients;
    return Array.isArray(recipients) ? str(obj(recipients[0]).id) || undefined : undefined;
  }

  /** A user object by id (`name` renames it); unknown ids get a made-up name. */
  user(id: string, name?: string): Json {
    const known = this.users.get(id);
    if (known && !name) return known;
    const username = name ?? `user${id.slice(-4)}`;
    const user: Json = {
      id,
      username,
      global_name: username,
      discriminator: "0",
      avatar: null,
      public_flags: 0,
      flags: 0,
      avatar_decoration_data: null,
      primary_guild: null,
      collectibles: null,
    };
    this.users.set(id, user);
    return user;
  }

  #member(userId: string, joinedAt: string | undefined, withUser: boolean, permissions?: string): Json {
    const member: Json = {
      roles: [],
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      joined_at: joinedAt ?? new Date(Date.now() - 30 * 86_400_000).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
    if (withUser || userId === this.botUser.id) member.user = this.user(userId);
    if (permissions !== undefined) member.permissions = permissions;
    return member;
  }

  #where(channelId: string, guildId?: string): { guildId: string | null; channel: Json } {
    const gc = this.guildChannel(channelId);
    const gid = guildId ?? gc?.guild.id ?? null;
    if (gid) {
      const channel = gc
        ? { ...this.#channelObject(gc.guild, gc.channel, gc.index, true), permissions: BOT_PERMISSIONS.toString() }
        : {
            id: channelId,
            type: 0,
            name: "channel",
            guild_id: gid,
            position: 0,
            permission_overwrites: [],
            parent_id: null,
            nsfw: false,
            topic: null,
            last_message_id: null,
            rate_limit_per_user: 0,
            flags: 0,
            permissions: BOT_PERMISSIONS.toString(),
          };
      return { guildId: gid, channel };
    }
    return { guildId: null, channel: { id: channelId, type: 1, last_message_id: null, flags: 0 } };
  }

  #interactionBase(
    type: number,
    data: Json,
    p: { userId: string; userName: string; channelId: string; memberPermissions?: string },
    where: { guildId: string | null; channel: Json },
  ): Json {
    const id = this.snowflake();
    const user = this.user(p.userId, p.userName);
    const payload: Json = {
      id,
      application_id: this.appId,
      type,
      data,
      token: interactionToken(id),
      version: 1,
      app_permissions: BOT_PERMISSIONS.toString(),
      locale: "en-GB",
      entitlements: [],
      attachment_size_limit: 10_485_760,
    };
    if (where.guildId) {
      payload.guild_id = where.guildId;
      payload.guild = { id: where.guildId, locale: "en-US", features: [] };
      payload.guild_locale = "en-US";
      payload.channel = where.channel;
      payload.channel_id = where.channel.id;
      payload.member = { ...this.#member(p.userId, undefined, true, p.memberPermissions ?? EVERYONE_PERMISSIONS.toString()), user };
      payload.authorizing_integration_owners = { "0": where.guildId };
      payload.context = 0;
    } else {
      payload.user = user;
      payload.channel = { ...where.channel, recipients: [user] };
      payload.channel_id = where.channel.id;
      payload.authorizing_integration_owners = { "0": "0" };
      payload.context = 1;
    }
    return payload;
  }

  /** A fresh snowflake id from the current time, increasing. */
  snowflake(): string {
    const ms = BigInt(Date.now()) - DISCORD_EPOCH;
    if (ms > this.#lastSnowflakeMs) {
      this.#lastSnowflakeMs = ms;
      this.#increment = 0n;
    } else {
      this.#increment += 1n;
      if (this.#increment > 0xfffn) {
        this.#lastSnowflakeMs += 1n;
        this.#increment = 0n;
      }
    }
    return ((this.#lastSnowflakeMs << 22n) | (1n << 17n) | this.#increment).toString();
  }

  /** A message object as Discord returns it (not stored: the caller stores it). */
  newMessage(
    channelId: string,
    guildId: string | null,
    body: Json,
    files: UploadedFile[],
    opts: { id?: string; interaction?: InteractionState },
  ): Json {
    const id = opts.id ?? this.snowflake();
    const msg: Json = {
      id,
      type: opts.interaction?.type === 2 ? 20 : 0,
      channel_id: channelId,
      author: this.botUser,
      content: typeof body.content === "string" ? body.content : "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.#storeAttachments(channelId, files, body),
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      flags: Number(body.flags ?? 0),
    };
    if (guildId) msg.guild_id = guildId;
    if (body.nonce !== undefined) msg.nonce = body.nonce;
    if (opts.interaction) {
      msg.webhook_id = this.appId;
      msg.application_id = this.appId;
      msg.interaction_metadata = {
        id: opts.interaction.id,
        type: opts.interaction.type,
        user: opts.interaction.user,
        authorizing_integration_owners: { "0": guildId ?? "0" },
      };
    }
    return msg;
  }

  #storeAttachments(channelId: string, files: UploadedFile[], body: Json): Json[] {
    const described = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
    return files.map((f, i) => {
      const id = this.snowflake();
      const path = `/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`;
      const contentType = guessContentType(f.name);
      this.attachments.set(path, { bytes: f.bytes, contentType });
      const meta = described.find((a) => String(a.id) === String(i)) ?? described[i];
      const att: Json = {
        id,
        filename: f.name,
        size: f.bytes.length,
        url: `${this.origin}${path}`,
        proxy_url: `${this.origin}${path}`,
        content_type: contentType,
      };
      if (meta && typeof meta.description === "string") att.description = meta.description;
      return att;
    });
  }

  /** Applies an edit (content, embeds, components, flags, attachments kept or added) to a stored message. */
  applyEdit(msg: Json, data: Json, files: UploadedFile[]): void {
    for (const key of ["content", "embeds", "components", "flags", "poll"] as const) {
      if (key in data) msg[key] = data[key] ?? (key === "content" ? "" : key === "flags" ? 0 : []);
    }
    if ("attachments" in data || files.length) {
      const kept = Array.isArray(data.attachments)
        ? (msg.attachments as Json[]).filter((a) => (data.attachments as Json[]).some((k) => String(k.id) === String(a.id)))
        : (msg.attachments as Json[]);
      msg.attachments = [...kept, ...this.#storeAttachments(String(msg.channel_id), files, data)];
    }
    msg.edited_timestamp = new Date().toISOString();
  }

  /** The GUILD_CREATE payload of a guild, with the bot's own member. */
  guildCreate(g: FakeGuild): Json {
    const joinedAt = new Date(Date.now() - 86_400_000).toISOString();
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: "3333333333333333333",
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      features: [],
      roles: [role(g.id, "@everyone", 0)],
      emojis: [],
      stickers: [],
      application_id: null,
      system_channel_id: g.channels[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      preferred_locale: "en-US",
      incidents_data: null,
      hub_type: null,
      joined_at: joinedAt,
      large: false,
      lazy: true,
      unavailable: false,
      member_count: 1,
      // Discord always includes the bot's own member, so `guild.members.me` works.
      members: [this.#member(String(this.botUser.id), joinedAt, false)],
      channels: g.channels.map((c, i) => this.#channelObject(g, c, i, false)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      activity_instances: [],
      version: Date.now(),
    };
  }

  #findCommand(scope: string, name: string, type = 1): Json | undefined {
    return this.commands.get(scope)?.find((c) => c.name === name && c.type === type);
  }

  /** A stable id for a command name (the same name, the same id). */
  commandIdFor(name: string): string {
    let id = this.commandIds.get(name);
    if (!id) {
      id = this.snowflake();
      this.commandIds.set(name, id);
    }
    return id;
  }

  commandInteraction(p: {
    name: string;
    sub?: string;
    options?: { name: string; type: number; value: unknown; focused?: boolean }[];
    userId: string;
    userName: string;
    channelId: string;
    guildId?: string;
    memberPermissions?: string;
    autocomplete?: boolean;
  }): Record<string, unknown> {
    const where = this.#where(p.channelId, p.guildId);
    const resolved: { users?: Json; members?: Json; channels?: Json; roles?: Json } = {};
    const leaves = (p.options ?? []).map((o) => {
      const opt: Json = { name: o.name, type: o.type, value: o.value };
      if (o.focused) opt.focused = true;
      const v = String(o.value);
      if (o.type === 6 || o.type === 9) {
        // USER / MENTIONABLE (as a user)
        const user = this.user(v);
        resolved.users = { ...resolved.users, [v]: user };
        if (where.guildId) resolved.members = { ...resolved.members, [v]: this.#member(v, undefined, false) };
      } else if (o.type === 7) {
        const ch = this.guildChannel(v);
        resolved.channels ??= {};
        resolved.channels[v] = ch
          ? {
              id: v,
              name: ch.channel.name,
              type: ch.channel.type ?? 0,
              permissions: EVERYONE_PERMISSIONS.toString(),
              guild_id: ch.guild.id,
              parent_id: null,
              nsfw: false,
              flags: 0,
              position: 0,
              last_message_id: null,
              topic: null,
              rate_limit_per_user: 0,
            }
          : { id: v, name: "channel", type: 0, permissions: EVERYONE_PERMISSIONS.toString(), flags: 0 };
      } else if (o.type === 8) {
        resolved.roles = { ...resolved.roles, [v]: role(v, v === where.guildId ? "@everyone" : "role", v === where.guildId ? 0 : 1) };
      }
      return opt;
    });
    let options: Json[] = leaves;
    if (p.sub) {
      const parts = p.sub.trim().split(/\s+/);
      const subName = parts.at(-1) ?? p.sub;
      options = [{ name: subName, type: 1, options: leaves }];
      if (parts.length > 1) options = [{ name: parts[0], type: 2, options }];
    }
    const scope = where.guildId && this.#findCommand(where.guildId, p.name) ? where.guildId : "global";
    const registered = this.#findCommand(scope, p.name);
    const data: Json = { id: registered?.id ?? this.commandIdFor(p.name), name: p.name, type: 1, options };
    if (registered?.guild_id) data.guild_id = registered.guild_id;
    if (Object.keys(resolved).length && !p.autocomplete) data.resolved = resolved;
    return this.#interactionBase(p.autocomplete ? 4 : 2, data, p, where);
  }

  buttonInteraction(p: {
    customId: string;
    userId: string;
    userName: string;
    channelId: string;
    guildId?: string;
    messageId?: string;
  }): Record<string, unknown> {
    const where = this.#where(p.channelId, p.guildId);
    const stored = p.messageId ? this.messages.get(p.messageId) : undefined;
    const message = stored
      ? structuredClone(stored)
      : this.newMessage(
          p.channelId,
          where.guildId,
          {
            content: "",
            components: [{ type: 1, id: 1, components: [{ type: 2, id: 2, style: 1, label: "Open", custom_id: p.customId }] }],
          },
          [],
          { id: p.messageId },
        );
    if (!stored) this.messages.set(String(message.id), message);
    const payload = this.#interactionBase(3, { custom_id: p.customId, component_type: 2 }, p, where);
    payload.message = message;
    return payload;
  }

  /**
   * A modal's submission. Each text is a text input and each list a string select's picked values; with `labels`,
   * each field comes inside its Label (as from a modal built of labels), else a text comes in an action row.
   */
  modalSubmitInteraction(p: {
    customId: string;
    fields: Record<string, string | string[]>;
    labels?: boolean;
    userId: string;
    userName: string;
    channelId: string;
    guildId?: string;
  }): Record<string, unknown> {
    const where = this.#where(p.channelId, p.guildId);
    let n = 0;
    const components = Object.entries(p.fields).map(([customId, value]) => {
      const id = ++n;
      const field =
        typeof value === "string"
          ? { type: 4, id: ++n, custom_id: customId, value }
          : { type: 3, id: ++n, custom_id: customId, values: value };
      return p.labels || typeof value !== "string" ? { type: 18, id, component: field } : { type: 1, id, components: [field] };
    });
    return this.#interactionBase(5, { custom_id: p.customId, components }, p, where);
  }

  /**
   * A message command (a MESSAGE application command, type 3) chosen on a message of `author` in `channelId`: the
   * message is stored and sent resolved, as Discord sends it, its id a snowflake of `sentAt` (discord.js reads a
   * message's creation time from its id) and its content given whatever the bot's intents.
   */
  messageCommandInteraction(p: {
    name: string;
    authorId: string;
    content: string;
    sentAt: Date;
    userId: string;
    userName: string;
    channelId: string;
    guildId?: string;
  }): Record<string, unknown> {
    const where = this.#where(p.channelId, p.guildId);
    const id = ((BigInt(p.sentAt.getTime()) - DISCORD_EPOCH) << 22n).toString();
    const message = this.newMessage(p.channelId, where.guildId, { content: p.content }, [], { id });
    message.author = this.user(p.authorId);
    message.timestamp = p.sentAt.toISOString();
    this.messages.set(id, message);
    const scope = where.guildId && this.#findCommand(where.guildId, p.name, 3) ? where.guildId : "global";
    const registered = this.#findCommand(scope, p.name, 3);
    const data: Json = {
      id: registered?.id ?? this.commandIdFor(`message:${p.name}`),
      name: p.name,
      type: 3,
      target_id: id,
      resolved: { messages: { [id]: message } },
    };
    if (registered?.guild_id) data.guild_id = registered.guild_id;
    return this.#interactionBase(2, data, p, where);
  }

  messagesIn(channelId: string): Record<string, unknown>[] {
    return [...this.messages.values()].filter((msg) => msg.channel_id === channelId);
  }
}

// ================================================================ helpers

/** Discord's shard for a guild, `(guild_id >> 22) % count` — written out here so the fake does not share the bot's helper. */
export function guildShard(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export function obj(v: unknown): Json {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}

export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function role(id: string, name: string, position: number): Json {
  return {
    id,
    name,
    description: null,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: EVERYONE_PERMISSIONS.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

function interactionToken(id: string): string {
  return `${Buffer.from(`interaction:${id}:`).toString("base64url")}${randomBytes(48).toString("base64url")}`;
}

function guessContentType(name: string): string {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  const types: Record<string, string> = {
    txt: "text/plain; charset=utf-8",
    md: "text/markdown; charset=utf-8",
    json: "application/json",
    ics: "text/calendar; charset=utf-8",
    pdf: "application/pdf",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    zip: "application/zip",
  };
  return types[ext] ?? "application/octet-stream";
}
