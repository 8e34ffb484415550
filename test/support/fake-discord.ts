/**
 * A local fake of Discord (REST API v10 + the JSON gateway) on 127.0.0.1, for a REAL discord.js Client:
 *   new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } })
 *
 * Wire details matched to discord.js 14.28 / @discordjs/rest 2.6 / @discordjs/ws 1.2:
 * - REST URLs are `${api}/v10${route}${?query}`; calls are recorded with the route only (no `/api/v10`, no query;
 *   the query is in `DiscordCall.query`). Bot calls carry `Authorization: Bot <token>`; webhook/interaction
 *   routes are unauthenticated. Uploads are multipart/form-data: `files[n]` parts + a `payload_json` part.
 * - Login = `GET /gateway/bot` → `{url, shards, session_start_limit}`; the shard then opens
 *   `${url}?v=10&encoding=json` (plus `&compress=zlib-stream` only when the optional `zlib-sync` is installed —
 *   it is not here; either way this fake answers with plain text frames, which the client always JSON-parses).
 * - Gateway: HELLO (op 10) → IDENTIFY (op 2) → READY (op 0, s 1, guilds listed as unavailable) → one
 *   GUILD_CREATE per guild (discord.js only emits `clientReady` once all listed guilds arrived); heartbeats (op 1)
 *   get op 11; RESUME (op 6) → RESUMED, or op 9 `false` for an unknown session.
 * - Sharding: IDENTIFY's `shard: [id, count]` (default [0, 1]) limits READY and GUILD_CREATE to the guilds on that
 *   shard, `(guild_id >> 22) % count`; an id not below the count closes with 4010. Each shard is its own
 *   connection, and an interaction goes to the connection of its guild's shard. `GET /gateway/bot` recommends
 *   `gatewayShards` (default 1) with `max_concurrency` `maxConcurrency` (default 1: @discordjs/ws then waits
 *   5 s between two shards' IDENTIFYs, as Discord requires).
 * - `POST /channels/:id/messages` with `nonce` (≤ 25 characters) and `enforce_nonce: true`: within 5 minutes,
 *   a repeat of the nonce in the same channel answers with the message already created, and creates none.
 * - Interaction callbacks (`POST /interactions/:id/:token/callback`) are sent by discord.js with
 *   `?with_response=false` → 204; `with_response=true` → 200 `{interaction, resource}`.
 *   A second acknowledgement answers 400 code 40060, an unknown interaction 404 code 10062.
 * - A 429 carries `Retry-After` (seconds) and `X-RateLimit-Scope`; @discordjs/rest sleeps that long
 *   (+ its 50 ms offset) and retries the same request. Other 4xx bodies `{message, code}` become `DiscordAPIError`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, type WebSocket, WebSocketServer } from "ws";

export type DiscordCall = {
  method: string;
  /** The route without the `/api/v10` prefix and without the query, e.g. "/interactions/123/tok/callback". */
  path: string;
  /** The query string, parsed (e.g. `{ with_response: "false" }`, `{ wait: "true" }`). */
  query: Record<string, string>;
  /** JSON body, `payload_json` of a multipart body, or null. */
  body: unknown;
  files: { name: string; bytes: Buffer }[];
  /** The HTTP status the fake answered. */
  status: number;
  at: number;
};

export type FakeGuild = { id: string; name: string; channels: { id: string; name: string }[] };

type Json = Record<string, unknown>;
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
type Ctx = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: { name: string; bytes: Buffer }[];
  authorized: boolean;
};
type Route = { method: string; pattern: RegExp; auth: boolean; handle: (m: string[], ctx: Ctx) => Answer };
type Waiter = { method: string; pattern: RegExp; n: number; resolve: (calls: DiscordCall[]) => void };
type Shard = [id: number, count: number];
type Conn = {
  socket: WebSocket;
  seq: number;
  sessionId: string | null;
  identify: { token: string; intents: number } | null;
  shard: Shard;
  query: string;
};
/** One IDENTIFY the fake accepted: the shard it asked for and the guilds it was sent. */
export type Identified = { token: string; intents: number; shard: Shard; guildIds: string[] };
type FakeOptions = { applicationId?: string; botUserId?: string; guilds?: FakeGuild[]; gatewayShards?: number; maxConcurrency?: number };
type InteractionState = {
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
type RateLimit = { method: string; pattern: RegExp; seconds: number };

const DISCORD_EPOCH = 1420070400000n;
/** How long Discord remembers a message nonce for `enforce_nonce` ("a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
const HEARTBEAT_INTERVAL = 41250;
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
  ManageEvents: 1n << 33n,
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
const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | P.MentionEveryone | P.ManageEvents;

const GATEWAY_ONLY_GUILD_FIELDS = [
  "channels",
  "members",
  "threads",
  "presences",
  "voice_states",
  "joined_at",
  "large",
  "lazy",
  "unavailable",
  "member_count",
  "guild_scheduled_events",
  "stage_instances",
  "soundboard_sounds",
  "embedded_activities",
  "activity_instances",
  "version",
];
const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export class FakeDiscord {
  readonly apiUrl: string;
  readonly calls: DiscordCall[] = [];
  /** Every accepted IDENTIFY, in order. */
  readonly identified: Identified[] = [];

  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #origin: string;
  readonly #gatewayUrl: string;
  readonly #appId: string;
  readonly #botUser: Json;
  readonly #guilds: FakeGuild[];
  readonly #routes: Route[];
  readonly #waiters = new Set<Waiter>();
  readonly #readyWaiters = new Set<{ resolve: (v: { token: string; intents: number }) => void; reject: (e: Error) => void }>();
  readonly #rateLimits: RateLimit[] = [];
  readonly #closedDms = new Set<string>();
  readonly #users = new Map<string, Json>();
  readonly #dmChannels = new Map<string, Json>();
  readonly #messages = new Map<string, Json>();
  readonly #attachments = new Map<string, { bytes: Buffer; contentType: string }>();
  readonly #interactions = new Map<string, InteractionState>();
  readonly #commands = new Map<string, Json[]>(); // "global" | guild id → commands
  readonly #commandIds = new Map<string, string>();
  readonly #events = new Map<string, Json>();
  readonly #sessions = new Map<string, { seq: number; shard: Shard }>();
  /** `${channelId} ${nonce}` → the message created with it and when. */
  readonly #nonces = new Map<string, { messageId: string; at: number }>();
  readonly #gatewayShards: number;
  readonly #maxConcurrency: number;
  readonly #conns = new Set<Conn>();
  #active: Conn | null = null;
  #lastSnowflakeMs = 0n;
  #increment = 0n;
  #closed = false;

  private constructor(server: Server, wss: WebSocketServer, port: number, opts: FakeOptions) {
    this.#server = server;
    this.#wss = wss;
    this.#origin = `http://127.0.0.1:${port}`;
    this.#gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.apiUrl = `${this.#origin}/api`;
    this.#appId = opts.applicationId ?? "1234567890123456789";
    const botId = opts.botUserId ?? this.#appId;
    this.#botUser = {
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
    this.#users.set(botId, this.#botUser);
    this.#guilds = (
      opts.guilds ?? [{ id: "1111111111111111111", name: "Action Learning", channels: [{ id: "2222222222222222222", name: "set-a" }] }]
    ).map((g) => ({
      id: g.id,
      name: g.name,
      channels: g.channels.map((c) => ({ ...c })),
    }));
    this.#gatewayShards = opts.gatewayShards ?? 1;
    this.#maxConcurrency = opts.maxConcurrency ?? 1;
    this.#routes = this.#buildRoutes();
    wss.on("connection", (socket, req) => this.#onGateway(socket, req));
  }

  static async start(opts: FakeOptions = {}): Promise<FakeDiscord> {
    let fake: FakeDiscord | undefined;
    const server = createServer((req, res) => {
      if (!fake) {
        res.writeHead(503).end();
        return;
      }
      fake.#handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `500: Internal Server Error (${String(err)})`, code: 0 }));
      });
    });
    const wss = new WebSocketServer({ server, path: "/gateway" });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    fake = new FakeDiscord(server, wss, port, opts);
    return fake;
  }

  // ================================================================ public API

  callsTo(method: string, pathPattern: RegExp): DiscordCall[] {
    const m = method.toUpperCase();
    return this.calls.filter((c) => c.method === m && matches(pathPattern, c.path));
  }

  /** Resolves with the matching calls once there are at least `n` (default 1); rejects after `timeoutMs` (default 5000). */
  waitFor(method: string, pathPattern: RegExp, n = 1, timeoutMs = 5000): Promise<DiscordCall[]> {
    const now = this.callsTo(method, pathPattern);
    if (now.length >= n) return Promise.resolve(now);
    return new Promise<DiscordCall[]>((resolve, reject) => {
      const waiter: Waiter = {
        method: method.toUpperCase(),
        pattern: pathPattern,
        n,
        resolve: (calls) => {
          clearTimeout(timer);
          resolve(calls);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.calls.map((c) => `${c.method} ${c.path} → ${c.status}`).join("\n  ");
        reject(
          new Error(
            `FakeDiscord.waitFor(${method} ${pathPattern}, ${n}): only ${this.callsTo(method, pathPattern).length} after ${timeoutMs}ms; calls seen:\n  ${seen || "(none)"}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * Resolves once a client has IDENTIFYed and been sent READY + GUILD_CREATE (at once if the current
   * connection already has), with its identify token and intents. Rejects after `timeoutMs` (default 10000).
   */
  ready(timeoutMs = 10000): Promise<{ token: string; intents: number }> {
    const current = this.#active;
    if (current?.identify && current.socket.readyState === current.socket.OPEN) return Promise.resolve({ ...current.identify });
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: (v: { token: string; intents: number }) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.#readyWaiters.delete(waiter);
        reject(new Error(`FakeDiscord.ready(): no client identified within ${timeoutMs}ms`));
      }, timeoutMs);
      this.#readyWaiters.add(waiter);
    });
  }

  /** Sends INTERACTION_CREATE to the connected (identified) client. Fills `id`/`token` if missing. */
  async sendInteraction(interaction: Record<string, unknown>): Promise<{ id: string; token: string }> {
    await this.ready();
    const conn = typeof interaction.guild_id === "string" ? this.#connForGuild(interaction.guild_id) : this.#active;
    if (!conn)
      throw new Error(
        `FakeDiscord.sendInteraction: no connected client${interaction.guild_id ? ` runs the shard of guild ${String(interaction.guild_id)}` : ""}`,
      );
    const id = typeof interaction.id === "string" ? interaction.id : this.#snowflake();
    const token = typeof interaction.token === "string" ? interaction.token : interactionToken(id);
    const payload: Json = { ...interaction, id, token, application_id: interaction.application_id ?? this.#appId };
    const channel = payload.channel as Json | undefined;
    const message = payload.message as Json | undefined;
    const member = payload.member as Json | undefined;
    const user = obj(payload.user ?? member?.user);
    if (typeof user.id === "string") this.#users.set(user.id, user);
    this.#interactions.set(id, {
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
    await this.#dispatch(conn, "INTERACTION_CREATE", payload);
    return { id, token };
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
        const user = this.#user(v);
        resolved.users = { ...resolved.users, [v]: user };
        if (where.guildId) resolved.members = { ...resolved.members, [v]: this.#member(v, undefined, false) };
      } else if (o.type === 7) {
        const ch = this.#guildChannel(v);
        resolved.channels ??= {};
        resolved.channels[v] = ch
          ? {
              id: v,
              name: ch.channel.name,
              type: 0,
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
    const data: Json = { id: registered?.id ?? this.#commandIdFor(p.name), name: p.name, type: 1, options };
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
    const stored = p.messageId ? this.#messages.get(p.messageId) : undefined;
    const message = stored
      ? structuredClone(stored)
      : this.#newMessage(
          p.channelId,
          where.guildId,
          {
            content: "",
            components: [{ type: 1, id: 1, components: [{ type: 2, id: 2, style: 1, label: "Open", custom_id: p.customId }] }],
          },
          [],
          { id: p.messageId },
        );
    if (!stored) this.#messages.set(String(message.id), message);
    const payload = this.#interactionBase(3, { custom_id: p.customId, component_type: 2 }, p, where);
    payload.message = message;
    return payload;
  }

  modalSubmitInteraction(p: {
    customId: string;
    fields: Record<string, string>;
    userId: string;
    userName: string;
    channelId: string;
    guildId?: string;
  }): Record<string, unknown> {
    const where = this.#where(p.channelId, p.guildId);
    let n = 0;
    const components = Object.entries(p.fields).map(([customId, value]) => ({
      type: 1,
      id: ++n,
      components: [{ type: 4, id: ++n, custom_id: customId, value }],
    }));
    return this.#interactionBase(5, { custom_id: p.customId, components }, p, where);
  }

  /** The messages now stored in a channel (`dm-USERID` for a DM), oldest first. */
  messagesIn(channelId: string): Record<string, unknown>[] {
    return [...this.#messages.values()].filter((msg) => msg.channel_id === channelId);
  }

  rateLimitNext(method: string, pathPattern: RegExp, retryAfterSeconds: number): void {
    this.#rateLimits.push({ method: method.toUpperCase(), pattern: pathPattern, seconds: retryAfterSeconds });
  }

  /** A Discord user the bot has not seen yet (no interaction): GET /users/{id} answers with this name. */
  addUser(id: string, name: string): void {
    this.#user(id, name);
  }

  closeDmsOf(userId: string): void {
    this.#closedDms.add(userId);
  }

  /** Stops the HTTP server and drops gateway sockets. Destroy the discord.js Client first, or it will try to reconnect. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of this.#readyWaiters) w.reject(new Error("FakeDiscord closed"));
    this.#readyWaiters.clear();
    for (const conn of this.#conns) conn.socket.terminate();
    this.#conns.clear();
    this.#active = null;
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve, reject) => {
      this.#server.close((err) => (err ? reject(err) : resolve()));
      this.#server.closeAllConnections();
    });
  }

  // ================================================================ gateway

  #onGateway(socket: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", this.#origin);
    const conn: Conn = { socket, seq: 0, sessionId: null, identify: null, shard: [0, 1], query: url.search };
    this.#conns.add(conn);
    socket.on("close", () => {
      this.#conns.delete(conn);
      if (this.#active === conn) this.#active = null;
    });
    socket.on("error", () => {});
    if (url.searchParams.get("v") !== "10") {
      socket.close(4012, "Invalid API version");
      return;
    }
    if ((url.searchParams.get("encoding") ?? "json") !== "json") {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    socket.on("message", (data: RawData, isBinary: boolean) => void this.#onGatewayMessage(conn, data, isBinary));
    this.#sendRaw(conn, {
      op: 10,
      d: { heartbeat_interval: HEARTBEAT_INTERVAL, _trace: ['["fake-discord-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  async #onGatewayMessage(conn: Conn, data: RawData, isBinary: boolean): Promise<void> {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error("binary");
      payload = JSON.parse(rawToBuffer(data).toString("utf8")) as { op?: unknown; d?: unknown };
    } catch {
      conn.socket.close(4002, "Error while decoding payload.");
      return;
    }
    const d = (payload.d ?? null) as Json | null;
    switch (payload.op) {
      case 1: // HEARTBEAT
        this.#sendRaw(conn, { op: 11, d: null, s: null, t: null });
        return;
      case 2: {
        // IDENTIFY
        if (conn.identify) {
          conn.socket.close(4005, "Already authenticated.");
          return;
        }
        if (!d || typeof d.token !== "string" || !d.token) {
          conn.socket.close(4004, "Authentication failed.");
          return;
        }
        if (typeof d.intents !== "number") {
          conn.socket.close(4013, "Invalid intent(s).");
          return;
        }
        const shard: Shard = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
        if (!(Number.isInteger(shard[0]) && Number.isInteger(shard[1]) && shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
          conn.socket.close(4010, "Invalid shard.");
          return;
        }
        const guilds = this.#guilds.filter((g) => guildShard(g.id, shard[1]) === shard[0]);
        const identify = { token: d.token, intents: d.intents };
        conn.identify = identify;
        conn.shard = shard;
        conn.sessionId = randomBytes(16).toString("hex");
        conn.seq = 0;
        this.#sessions.set(conn.sessionId, { seq: 0, shard });
        this.identified.push({ ...identify, shard, guildIds: guilds.map((g) => g.id) });
        await this.#dispatch(conn, "READY", {
          v: 10,
          user_settings: {},
          user: { ...this.#botUser, verified: true, mfa_enabled: false, email: null },
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          guild_join_requests: [],
          relationships: [],
          private_channels: [],
          presences: [],
          session_id: conn.sessionId,
          session_type: "normal",
          resume_gateway_url: this.#gatewayUrl,
          shard,
          application: { id: this.#appId, flags: 0 },
          geo_ordered_rtc_regions: ["rotterdam", "london"],
          _trace: ['["fake-discord-gateway",{"micros":0}]'],
        });
        for (const g of guilds) await this.#dispatch(conn, "GUILD_CREATE", this.#guildCreate(g));
        this.#active = conn;
        for (const w of this.#readyWaiters) w.resolve({ ...identify });
        this.#readyWaiters.clear();
        return;
      }
      case 6: {
        // RESUME
        const session = d && typeof d.session_id === "string" ? this.#sessions.get(d.session_id) : undefined;
        if (!d || !session || typeof d.token !== "string") {
          this.#sendRaw(conn, { op: 9, d: false, s: null, t: null });
          return;
        }
        conn.sessionId = String(d.session_id);
        conn.seq = session.seq;
        conn.shard = session.shard;
        conn.identify = { token: d.token, intents: 0 };
        await this.#dispatch(conn, "RESUMED", { _trace: ['["fake-discord-gateway",{"micros":0}]'] });
        this.#active = conn;
        return;
      }
      case 3: // PRESENCE_UPDATE
      case 4: // VOICE_STATE_UPDATE
      case 8: // REQUEST_GUILD_MEMBERS
      case 31: // REQUEST_SOUNDBOARD_SOUNDS
        if (!conn.identify) conn.socket.close(4003, "Not authenticated.");
        return;
      default:
        conn.socket.close(4001, "Unknown opcode.");
    }
  }

  #sendRaw(conn: Conn, payload: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (conn.socket.readyState !== conn.socket.OPEN) return resolve();
      conn.socket.send(JSON.stringify(payload), () => resolve());
    });
  }

  #dispatch(conn: Conn, t: string, d: unknown): Promise<void> {
    conn.seq += 1;
    if (conn.sessionId) this.#sessions.set(conn.sessionId, { seq: conn.seq, shard: conn.shard });
    return this.#sendRaw(conn, { op: 0, t, s: conn.seq, d });
  }

  /** The open, identified connection running the shard a guild is on (the latest, if several). */
  #connForGuild(guildId: string): Conn | null {
    const open = [...this.#conns].filter(
      (c) => c.identify && c.socket.readyState === c.socket.OPEN && guildShard(guildId, c.shard[1]) === c.shard[0],
    );
    return open.at(-1) ?? null;
  }

  #guildCreate(g: FakeGuild): Json {
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
      members: [this.#member(String(this.#botUser.id), joinedAt, false)],
      channels: g.channels.map((c, i) => this.#channelObject(g, c, i, false)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [...this.#events.values()].filter((e) => e.guild_id === g.id),
      soundboard_sounds: [],
      embedded_activities: [],
      activity_instances: [],
      version: Date.now(),
    };
  }

  // ================================================================ REST

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.#origin);
    const method = (req.method ?? "GET").toUpperCase();

    if (method === "GET" && url.pathname.startsWith("/attachments/")) {
      const file = this.#attachments.get(url.pathname);
      if (!file) return send(res, { status: 404, body: { message: "404: Not Found", code: 0 } });
      res.writeHead(200, { "content-type": file.contentType, "content-length": String(file.bytes.length) }).end(file.bytes);
      return;
    }

    const m = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    // Percent-decoded, as Discord routes it (discord.js sends "@original" as "%40original").
    const path = safeDecode(m ? (m[2] ?? "/") : url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const { body, files } = await parseBody(req.headers["content-type"], raw);
    const auth = req.headers.authorization ?? "";
    const ctx: Ctx = { method, path, query, body, files, authorized: /^Bot \S+/.test(auth) };

    let answer: Answer;
    const limitAt = this.#rateLimits.findIndex((r) => r.method === method && matches(r.pattern, path));
    if (!m) {
      answer = { status: 404, body: { message: "404: Not Found", code: 0 } };
    } else if (limitAt >= 0) {
      const [limit] = this.#rateLimits.splice(limitAt, 1);
      const seconds = limit!.seconds;
      answer = {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: seconds, global: false },
        headers: {
          "Retry-After": String(seconds),
          "X-RateLimit-Scope": "user",
          "X-RateLimit-Limit": "5",
          "X-RateLimit-Remaining": "0",
          "X-RateLimit-Reset-After": String(seconds),
        },
      };
    } else {
      answer = this.#route(ctx);
    }

    this.#record({ method, path, query, body, files, status: answer.status, at });
    send(res, answer);
  }

  #route(ctx: Ctx): Answer {
    let pathMatched = false;
    for (const route of this.#routes) {
      const match = route.pattern.exec(ctx.path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== ctx.method) continue;
      if (route.auth && !ctx.authorized) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
      return route.handle(match.slice(1), ctx);
    }
    if (pathMatched) return { status: 405, body: { message: "405: Method Not Allowed", code: 0 } };
    return { status: 404, body: { message: "Unknown route", code: 0 } };
  }

  #record(call: DiscordCall): void {
    this.calls.push(call);
    for (const w of this.#waiters) {
      if (w.method !== call.method || !matches(w.pattern, call.path)) continue;
      const got = this.callsTo(w.method, w.pattern);
      if (got.length >= w.n) {
        this.#waiters.delete(w);
        w.resolve(got);
      }
    }
  }

  #buildRoutes(): Route[] {
    const S = "(\\d{15,21})";
    const APP = "(\\d{15,21}|@me)";
    const TOKEN = "([^/]+)";
    const r = (method: string, pattern: string, handle: Route["handle"], auth = true): Route => ({
      method,
      pattern: new RegExp(`^${pattern}$`),
      auth,
      handle,
    });
    return [
      // --- gateway / users / application
      r("GET", "/gateway/bot", () =>
        ok({
          url: this.#gatewayUrl,
          shards: this.#gatewayShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: this.#maxConcurrency },
        }),
      ),
      r("GET", "/gateway", () => ok({ url: this.#gatewayUrl }), false),
      r("GET", "/users/@me", () => ok({ ...this.#botUser, verified: true, mfa_enabled: false, email: null, locale: "en-US" })),
      r("POST", "/users/@me/channels", (_m, ctx) => {
        const recipient = str(obj(ctx.body).recipient_id);
        if (!recipient) return invalidForm({ recipient_id: fieldError("BASE_TYPE_REQUIRED", "This field is required") });
        return ok(this.#dmChannel(recipient));
      }),
      r("GET", `/users/${S}`, ([id]) => ok(this.#user(id!))),
      r("GET", "/applications/@me", () =>
        ok({
          id: this.#appId,
          name: String(this.#botUser.username),
          icon: null,
          description: "",
          summary: "",
          type: null,
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: "0".repeat(64),
          flags: 0,
          hook: true,
          is_monetized: false,
          team: null,
          owner: this.#user("3333333333333333333"),
          bot: this.#botUser,
          install_params: { scopes: ["bot", "applications.commands"], permissions: BOT_PERMISSIONS.toString() },
          integration_types_config: { "0": {} },
        }),
      ),

      // --- application commands (global and guild)
      r("GET", `/applications/${APP}/commands`, ([app]) => this.#appGuard(app!) ?? ok(this.#scope("global"))),
      r("PUT", `/applications/${APP}/commands`, ([app], ctx) => this.#appGuard(app!) ?? this.#putCommands("global", ctx.body)),
      r("POST", `/applications/${APP}/commands`, ([app], ctx) => this.#appGuard(app!) ?? this.#postCommand("global", ctx.body)),
      r("GET", `/applications/${APP}/commands/${S}`, ([app, id]) => this.#appGuard(app!) ?? this.#getCommand("global", id!)),
      r(
        "PATCH",
        `/applications/${APP}/commands/${S}`,
        ([app, id], ctx) => this.#appGuard(app!) ?? this.#patchCommand("global", id!, ctx.body),
      ),
      r("DELETE", `/applications/${APP}/commands/${S}`, ([app, id]) => this.#appGuard(app!) ?? this.#deleteCommand("global", id!)),
      r("GET", `/applications/${APP}/guilds/${S}/commands`, ([app, g]) => this.#appGuard(app!, g) ?? ok(this.#scope(g!))),
      r("PUT", `/applications/${APP}/guilds/${S}/commands`, ([app, g], ctx) => this.#appGuard(app!, g) ?? this.#putCommands(g!, ctx.body)),
      r("POST", `/applications/${APP}/guilds/${S}/commands`, ([app, g], ctx) => this.#appGuard(app!, g) ?? this.#postCommand(g!, ctx.body)),
      r("GET", `/applications/${APP}/guilds/${S}/commands/${S}`, ([app, g, id]) => this.#appGuard(app!, g) ?? this.#getCommand(g!, id!)),
      r(
        "PATCH",
        `/applications/${APP}/guilds/${S}/commands/${S}`,
        ([app, g, id], ctx) => this.#appGuard(app!, g) ?? this.#patchCommand(g!, id!, ctx.body),
      ),
      r(
        "DELETE",
        `/applications/${APP}/guilds/${S}/commands/${S}`,
        ([app, g, id]) => this.#appGuard(app!, g) ?? this.#deleteCommand(g!, id!),
      ),

      // --- interactions and their webhooks
      r("POST", `/interactions/${S}/${TOKEN}/callback`, ([id, token], ctx) => this.#callback(id!, token!, ctx), false),
      r(
        "GET",
        `/webhooks/${S}/${TOKEN}/messages/(@original|\\d{15,21})`,
        ([app, token, mid]) => this.#webhookMessage(app!, token!, mid!, "GET", null, []),
        false,
      ),
      r(
        "PATCH",
        `/webhooks/${S}/${TOKEN}/messages/(@original|\\d{15,21})`,
        ([app, token, mid], ctx) => this.#webhookMessage(app!, token!, mid!, "PATCH", ctx.body, ctx.files),
        false,
      ),
      r(
        "DELETE",
        `/webhooks/${S}/${TOKEN}/messages/(@original|\\d{15,21})`,
        ([app, token, mid]) => this.#webhookMessage(app!, token!, mid!, "DELETE", null, []),
        false,
      ),
      r("POST", `/webhooks/${S}/${TOKEN}`, ([app, token], ctx) => this.#followup(app!, token!, ctx), false),

      // --- channels and messages
      r("GET", "/channels/([^/]+)", ([id]) => {
        const ch = this.#channelById(id!);
        return ch ? ok(ch) : unknown(10003, "Unknown Channel");
      }),
      r("POST", "/channels/([^/]+)/typing", ([id]) => (this.#channelById(id!) ? { status: 204 } : unknown(10003, "Unknown Channel"))),
      r("GET", "/channels/([^/]+)/messages", ([id], ctx) => {
        if (!this.#channelById(id!)) return unknown(10003, "Unknown Channel");
        const limit = Math.min(Number(ctx.query.limit ?? 50) || 50, 100);
        return ok(
          [...this.#messages.values()]
            .filter((msg) => msg.channel_id === id && !msg.webhook_id)
            .reverse()
            .slice(0, limit),
        );
      }),
      r("POST", "/channels/([^/]+)/messages", ([id], ctx) => this.#createChannelMessage(id!, ctx)),
      r("GET", `/channels/([^/]+)/messages/${S}`, ([id, mid]) => {
        const msg = this.#messages.get(mid!);
        return msg && msg.channel_id === id ? ok(msg) : unknown(10008, "Unknown Message");
      }),
      r("PATCH", `/channels/([^/]+)/messages/${S}`, ([id, mid], ctx) => {
        const msg = this.#messages.get(mid!);
        if (!msg || msg.channel_id !== id) return unknown(10008, "Unknown Message");
        return this.#editMessage(msg, ctx.body, ctx.files);
      }),
      r("DELETE", `/channels/([^/]+)/messages/${S}`, ([id, mid]) => {
        const msg = this.#messages.get(mid!);
        if (!msg || msg.channel_id !== id) return unknown(10008, "Unknown Message");
        this.#messages.delete(mid!);
        return { status: 204 };
      }),

      // --- guilds
      r("GET", `/guilds/${S}`, ([id]) => {
        const g = this.#guild(id!);
        if (!g) return unknown(10004, "Unknown Guild");
        // GET /guilds/:id is the guild without GUILD_CREATE's gateway-only extras.
        const guild = this.#guildCreate(g);
        for (const key of GATEWAY_ONLY_GUILD_FIELDS) delete guild[key];
        return ok(guild);
      }),
      r("GET", `/guilds/${S}/channels`, ([id]) => {
        const g = this.#guild(id!);
        return g ? ok(g.channels.map((c, i) => this.#channelObject(g, c, i, true))) : unknown(10004, "Unknown Guild");
      }),
      r("GET", `/guilds/${S}/roles`, ([id]) => (this.#guild(id!) ? ok([role(id!, "@everyone", 0)]) : unknown(10004, "Unknown Guild"))),
      r("GET", `/guilds/${S}/members/${S}`, ([id, uid]) =>
        this.#guild(id!) ? ok(this.#member(uid!, undefined, true)) : unknown(10004, "Unknown Guild"),
      ),
      r("GET", `/guilds/${S}/scheduled-events`, ([id]) =>
        this.#guild(id!) ? ok([...this.#events.values()].filter((e) => e.guild_id === id)) : unknown(10004, "Unknown Guild"),
      ),
      r("POST", `/guilds/${S}/scheduled-events`, ([id], ctx) => this.#createEvent(id!, ctx.body)),
      r("GET", `/guilds/${S}/scheduled-events/${S}`, ([id, eid]) => {
        const ev = this.#events.get(eid!);
        return ev && ev.guild_id === id ? ok(ev) : unknown(10070, "Unknown Guild Scheduled Event");
      }),
      r("PATCH", `/guilds/${S}/scheduled-events/${S}`, ([id, eid], ctx) => {
        const ev = this.#events.get(eid!);
        if (!ev || ev.guild_id !== id) return unknown(10070, "Unknown Guild Scheduled Event");
        Object.assign(
          ev,
          pick(obj(ctx.body), [
            "name",
            "description",
            "scheduled_start_time",
            "scheduled_end_time",
            "entity_metadata",
            "channel_id",
            "entity_type",
            "privacy_level",
            "status",
          ]),
        );
        return ok(ev);
      }),
      r("DELETE", `/guilds/${S}/scheduled-events/${S}`, ([id, eid]) => {
        const ev = this.#events.get(eid!);
        if (!ev || ev.guild_id !== id) return unknown(10070, "Unknown Guild Scheduled Event");
        this.#events.delete(eid!);
        return { status: 204 };
      }),
    ];
  }

  // ---------------------------------------------------------------- commands

  #appGuard(app: string, guildId?: string): Answer | null {
    if (app !== "@me" && app !== this.#appId) return { status: 403, body: { message: "Missing Access", code: 50001 } };
    if (guildId !== undefined && !this.#guild(guildId)) return { status: 403, body: { message: "Missing Access", code: 50001 } };
    return null;
  }

  #scope(scope: string): Json[] {
    let list = this.#commands.get(scope);
    if (!list) {
      list = [];
      this.#commands.set(scope, list);
    }
    return list;
  }

  #findCommand(scope: string, name: string, type = 1): Json | undefined {
    return this.#commands.get(scope)?.find((c) => c.name === name && c.type === type);
  }

  #commandIdFor(name: string): string {
    let id = this.#commandIds.get(name);
    if (!id) {
      id = this.#snowflake();
      this.#commandIds.set(name, id);
    }
    return id;
  }

  #validateCommand(raw: unknown): Json | null {
    const c = obj(raw);
    const type = c.type === undefined ? 1 : Number(c.type);
    const errors: Json = {};
    const name = typeof c.name === "string" ? c.name : "";
    if (!name || !NAME_RE.test(name) || (type === 1 && name !== name.toLowerCase())) {
      errors.name = fieldError("APPLICATION_COMMAND_INVALID_NAME", `Command name is invalid`);
    }
    if (type === 1) {
      const d = typeof c.description === "string" ? c.description : "";
      if (d.length < 1 || d.length > 100) errors.description = fieldError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
    if (Array.isArray(c.options) && c.options.length > 25)
      errors.options = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    return Object.keys(errors).length ? errors : null;
  }

  #commandObject(scope: string, raw: unknown, existing?: Json): Json {
    const c = obj(raw);
    const cmd: Json = {
      id: existing?.id ?? this.#commandIdFor(`${scope}:${String(c.name)}:${String(c.type ?? 1)}`),
      application_id: this.#appId,
      version: this.#snowflake(),
      default_member_permissions: c.default_member_permissions ?? null,
      type: c.type === undefined ? 1 : Number(c.type),
      name: c.name,
      name_localizations: c.name_localizations ?? null,
      description: c.description ?? "",
      description_localizations: c.description_localizations ?? null,
      nsfw: c.nsfw ?? false,
    };
    if (Array.isArray(c.options) && c.options.length) cmd.options = c.options;
    if (scope === "global") {
      cmd.dm_permission = c.dm_permission ?? true;
      cmd.contexts = c.contexts ?? null;
      cmd.integration_types = c.integration_types ?? [0];
    } else {
      cmd.guild_id = scope;
    }
    return cmd;
  }

  #putCommands(scope: string, body: unknown): Answer {
    if (!Array.isArray(body)) return invalidForm({ _errors: [{ code: "BASE_TYPE_ARRAY", message: "Must be an array." }] });
    const errors: Json = {};
    body.forEach((c, i) => {
      const e = this.#validateCommand(c);
      if (e) errors[String(i)] = e;
    });
    if (Object.keys(errors).length) return invalidForm(errors);
    const old = this.#scope(scope);
    const next = body.map((c) =>
      this.#commandObject(
        scope,
        c,
        old.find((o) => o.name === obj(c).name && o.type === (obj(c).type ?? 1)),
      ),
    );
    this.#commands.set(scope, next);
    return ok(next);
  }

  #postCommand(scope: string, body: unknown): Answer {
    const e = this.#validateCommand(body);
    if (e) return invalidForm(e);
    const list = this.#scope(scope);
    const c = obj(body);
    const at = list.findIndex((o) => o.name === c.name && o.type === (c.type ?? 1));
    const cmd = this.#commandObject(scope, body, at >= 0 ? list[at] : undefined);
    if (at >= 0) {
      list[at] = cmd;
      return ok(cmd);
    }
    list.push(cmd);
    return { status: 201, body: cmd };
  }

  #getCommand(scope: string, id: string): Answer {
    const cmd = this.#scope(scope).find((c) => c.id === id);
    return cmd ? ok(cmd) : unknown(10063, "Unknown application command");
  }

  #patchCommand(scope: string, id: string, body: unknown): Answer {
    const list = this.#scope(scope);
    const at = list.findIndex((c) => c.id === id);
    if (at < 0) return unknown(10063, "Unknown application command");
    const merged = { ...list[at], ...obj(body) };
    const e = this.#validateCommand(merged);
    if (e) return invalidForm(e);
    const cmd = this.#commandObject(scope, merged, list[at]);
    list[at] = cmd;
    return ok(cmd);
  }

  #deleteCommand(scope: string, id: string): Answer {
    const list = this.#scope(scope);
    const at = list.findIndex((c) => c.id === id);
    if (at < 0) return unknown(10063, "Unknown application command");
    list.splice(at, 1);
    return { status: 204 };
  }

  // ---------------------------------------------------------------- interactions

  #callback(id: string, token: string, ctx: Ctx): Answer {
    const state = this.#interactions.get(id);
    if (!state || state.token !== token) return unknown(10062, "Unknown interaction");
    if (state.acked) return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    const body = obj(ctx.body);
    const type = Number(body.type);
    const data = obj(body.data);
    const allowed: Record<number, number[]> = {
      2: [4, 5, 9], // application command
      3: [4, 5, 6, 7, 9], // component
      4: [8], // autocomplete
      5: [4, 5, 6, 7], // modal submit
    };
    if (!(allowed[state.type] ?? []).includes(type)) {
      return { status: 400, body: { message: "Interaction response type is invalid for this interaction", code: 40043 } };
    }
    let message: Json | null = null;
    if (type === 4) {
      const invalid = validateMessage(data, ctx.files, true);
      if (invalid) return invalid;
      message = this.#newMessage(state.channelId, state.guildId, data, ctx.files, { interaction: state });
    } else if (type === 5) {
      message = this.#newMessage(state.channelId, state.guildId, { content: "", flags: (Number(data.flags ?? 0) & 64) | 128 }, [], {
        interaction: state,
      });
    } else if (type === 6 || type === 7) {
      const existing = state.componentMessageId ? this.#messages.get(state.componentMessageId) : undefined;
      if (type === 7) {
        const invalid = validateMessage(data, ctx.files, false);
        if (invalid) return invalid;
        if (existing) this.#applyEdit(existing, data, ctx.files);
      }
      message = existing ?? null;
    } else if (type === 8) {
      const choices = data.choices;
      if (!Array.isArray(choices) || choices.length > 25)
        return invalidForm({ data: { choices: fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.") } });
    } else if (type === 9) {
      const errors: Json = {};
      if (!str(data.custom_id)) errors.custom_id = fieldError("BASE_TYPE_REQUIRED", "This field is required");
      if (!str(data.title)) errors.title = fieldError("BASE_TYPE_REQUIRED", "This field is required");
      if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5)
        errors.components = fieldError("BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
      if (Object.keys(errors).length) return invalidForm({ data: errors });
    }
    state.acked = true;
    if (message && (type === 4 || type === 5)) {
      this.#messages.set(String(message.id), message);
      state.originalId = String(message.id);
    } else if (message) {
      state.originalId = String(message.id);
    }
    if (ctx.query.with_response !== "true") return { status: 204 };
    const flags = Number(message?.flags ?? 0);
    const result: Json = {
      interaction: {
        id: state.id,
        type: state.type,
        response_message_id: message?.id,
        response_message_loading: type === 5,
        response_message_ephemeral: (flags & 64) === 64,
      },
    };
    if (message && [4, 5, 7].includes(type)) result.resource = { type, message };
    return ok(result);
  }

  #interactionByToken(app: string, token: string): InteractionState | undefined {
    if (app !== this.#appId) return undefined;
    for (const s of this.#interactions.values()) if (s.token === token) return s;
    return undefined;
  }

  #webhookMessage(
    app: string,
    token: string,
    mid: string,
    method: "GET" | "PATCH" | "DELETE",
    body: unknown,
    files: DiscordCall["files"],
  ): Answer {
    const state = this.#interactionByToken(app, token);
    if (!state) return unknown(10015, "Unknown Webhook");
    const id = mid === "@original" ? state.originalId : mid;
    const msg = id ? this.#messages.get(id) : undefined;
    if (!state.acked || !msg) return unknown(10008, "Unknown Message");
    if (method === "GET") return ok(msg);
    if (method === "DELETE") {
      this.#messages.delete(String(msg.id));
      return { status: 204 };
    }
    const edited = this.#editMessage(msg, body, files);
    if (edited.status === 200) msg.flags = Number(msg.flags ?? 0) & ~128; // no longer "thinking"
    return edited;
  }

  #followup(app: string, token: string, ctx: Ctx): Answer {
    const state = this.#interactionByToken(app, token);
    if (!state?.acked) return unknown(10015, "Unknown Webhook");
    const body = obj(ctx.body);
    const invalid = validateMessage(body, ctx.files, true);
    if (invalid) return invalid;
    const msg = this.#newMessage(state.channelId, state.guildId, body, ctx.files, { interaction: state });
    this.#messages.set(String(msg.id), msg);
    return ctx.query.wait === "false" ? { status: 204 } : ok(msg);
  }

  // ---------------------------------------------------------------- messages

  #createChannelMessage(channelId: string, ctx: Ctx): Answer {
    const channel = this.#channelById(channelId);
    if (!channel) return unknown(10003, "Unknown Channel");
    const dmUser = channelId.startsWith("dm-") ? channelId.slice(3) : null;
    if (dmUser && this.#closedDms.has(dmUser)) return { status: 403, body: { message: "Cannot send messages to this user", code: 50007 } };
    const body = obj(ctx.body);
    const invalid = validateMessage(body, ctx.files, true);
    if (invalid) return invalid;
    const nonce = body.nonce === undefined ? undefined : `${channelId} ${String(body.nonce)}`;
    const earlier = nonce ? this.#nonces.get(nonce) : undefined;
    const original = earlier && Date.now() - earlier.at < NONCE_WINDOW_MS ? this.#messages.get(earlier.messageId) : undefined;
    if (original && body.enforce_nonce === true) return ok(original);
    const guild = this.#guildChannel(channelId)?.guild;
    const msg = this.#newMessage(channelId, guild?.id ?? null, body, ctx.files, {});
    this.#messages.set(String(msg.id), msg);
    if (nonce) this.#nonces.set(nonce, { messageId: String(msg.id), at: Date.now() });
    return ok(msg);
  }

  #editMessage(msg: Json, body: unknown, files: DiscordCall["files"]): Answer {
    const data = obj(body);
    const invalid = validateMessage(data, files, false);
    if (invalid) return invalid;
    this.#applyEdit(msg, data, files);
    return ok(msg);
  }

  #applyEdit(msg: Json, data: Json, files: DiscordCall["files"]): void {
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

  #storeAttachments(channelId: string, files: DiscordCall["files"], body: Json): Json[] {
    const described = Array.isArray(body.attachments) ? (body.attachments as Json[]) : [];
    return files.map((f, i) => {
      const id = this.#snowflake();
      const path = `/attachments/${channelId}/${id}/${encodeURIComponent(f.name)}`;
      const contentType = guessContentType(f.name);
      this.#attachments.set(path, { bytes: f.bytes, contentType });
      const meta = described.find((a) => String(a.id) === String(i)) ?? described[i];
      const att: Json = {
        id,
        filename: f.name,
        size: f.bytes.length,
        url: `${this.#origin}${path}`,
        proxy_url: `${this.#origin}${path}`,
        content_type: contentType,
      };
      if (meta && typeof meta.description === "string") att.description = meta.description;
      return att;
    });
  }

  #newMessage(
    channelId: string,
    guildId: string | null,
    body: Json,
    files: DiscordCall["files"],
    opts: { id?: string; interaction?: InteractionState },
  ): Json {
    const id = opts.id ?? this.#snowflake();
    const msg: Json = {
      id,
      type: opts.interaction?.type === 2 ? 20 : 0,
      channel_id: channelId,
      author: this.#botUser,
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
      msg.webhook_id = this.#appId;
      msg.application_id = this.#appId;
      msg.interaction_metadata = {
        id: opts.interaction.id,
        type: opts.interaction.type,
        user: opts.interaction.user,
        authorizing_integration_owners: { "0": guildId ?? "0" },
      };
    }
    return msg;
  }

  #createEvent(guildId: string, body: unknown): Answer {
    if (!this.#guild(guildId)) return unknown(10004, "Unknown Guild");
    const b = obj(body);
    const errors: Json = {};
    if (!str(b.name)) errors.name = fieldError("BASE_TYPE_REQUIRED", "This field is required");
    if (!str(b.scheduled_start_time)) errors.scheduled_start_time = fieldError("BASE_TYPE_REQUIRED", "This field is required");
    const entityType = Number(b.entity_type);
    if (![1, 2, 3].includes(entityType)) errors.entity_type = fieldError("BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
    if (entityType === 3 && (!str(obj(b.entity_metadata).location) || !str(b.scheduled_end_time))) {
      errors.entity_metadata = fieldError(
        "GUILD_SCHEDULED_EVENT_EXTERNAL_REQUIRES_LOCATION_AND_END",
        "External events require a location and an end time.",
      );
    }
    if (Object.keys(errors).length) return invalidForm(errors);
    const ev: Json = {
      id: this.#snowflake(),
      guild_id: guildId,
      channel_id: b.channel_id ?? null,
      creator_id: this.#botUser.id,
      creator: this.#botUser,
      name: b.name,
      description: b.description ?? null,
      scheduled_start_time: b.scheduled_start_time,
      scheduled_end_time: b.scheduled_end_time ?? null,
      privacy_level: b.privacy_level ?? 2,
      status: 1,
      entity_type: entityType,
      entity_id: null,
      entity_metadata: b.entity_metadata ?? null,
      user_count: 0,
      image: null,
      recurrence_rule: b.recurrence_rule ?? null,
    };
    this.#events.set(String(ev.id), ev);
    return ok(ev);
  }

  // ---------------------------------------------------------------- directory

  #guild(id: string): FakeGuild | undefined {
    return this.#guilds.find((g) => g.id === id);
  }

  #guildChannel(id: string): { guild: FakeGuild; channel: { id: string; name: string }; index: number } | undefined {
    for (const guild of this.#guilds) {
      const index = guild.channels.findIndex((c) => c.id === id);
      if (index >= 0) return { guild, channel: guild.channels[index]!, index };
    }
    return undefined;
  }

  #channelById(id: string): Json | undefined {
    const gc = this.#guildChannel(id);
    if (gc) return this.#channelObject(gc.guild, gc.channel, gc.index, true);
    const dm = this.#dmChannels.get(id);
    if (dm) return dm;
    if (id.startsWith("dm-") && /^\d+$/.test(id.slice(3))) return this.#dmChannel(id.slice(3));
    return undefined;
  }

  #channelObject(g: FakeGuild, c: { id: string; name: string }, position: number, withGuildId: boolean): Json {
    const ch: Json = {
      id: c.id,
      type: 0,
      name: c.name,
      position,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      default_thread_rate_limit_per_user: 0,
      flags: 0,
    };
    if (withGuildId) ch.guild_id = g.id;
    return ch;
  }

  #dmChannel(recipientId: string): Json {
    const id = `dm-${recipientId}`;
    let ch = this.#dmChannels.get(id);
    if (!ch) {
      ch = { id, type: 1, last_message_id: null, flags: 0, recipients: [this.#user(recipientId)] };
      this.#dmChannels.set(id, ch);
    }
    return ch;
  }

  #user(id: string, name?: string): Json {
    const known = this.#users.get(id);
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
    this.#users.set(id, user);
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
    if (withUser || userId === this.#botUser.id) member.user = this.#user(userId);
    if (permissions !== undefined) member.permissions = permissions;
    return member;
  }

  /** The guild of an interaction: the explicit one, else the guild owning `channelId`, else none (a DM). */
  #where(channelId: string, guildId?: string): { guildId: string | null; channel: Json } {
    const gc = this.#guildChannel(channelId);
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
    const id = this.#snowflake();
    const user = this.#user(p.userId, p.userName);
    const payload: Json = {
      id,
      application_id: this.#appId,
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

  #snowflake(): string {
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
}

// ================================================================ helpers

/** Discord's shard for a guild, `(guild_id >> 22) % count` — written out here so the fake does not share the bot's helper. */
function guildShard(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function obj(v: unknown): Json {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function pick(o: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function unknown(code: number, message: string): Answer {
  return { status: 404, body: { message, code } };
}

function fieldError(code: string, message: string): Json {
  return { _errors: [{ code, message }] };
}

function invalidForm(errors: Json): Answer {
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors } };
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

/** Discord's checks on a message body: not empty (when creating), content ≤ 2000, ≤ 10 embeds, ≤ 5 rows, ≤ 10 files. */
function validateMessage(body: Json, files: DiscordCall["files"], creating: boolean): Answer | null {
  const content = typeof body.content === "string" ? body.content : "";
  const has =
    content.length > 0 ||
    (Array.isArray(body.embeds) && body.embeds.length > 0) ||
    (Array.isArray(body.components) && body.components.length > 0) ||
    (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
    body.poll !== undefined ||
    files.length > 0;
  if (creating && !has) return { status: 400, body: { message: "Cannot send an empty message", code: 50006 } };
  const errors: Json = {};
  if (content.length > 2000) errors.content = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  if (Array.isArray(body.embeds) && body.embeds.length > 10)
    errors.embeds = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  if (Array.isArray(body.components) && body.components.length > 5 && (Number(body.flags ?? 0) & (1 << 15)) === 0) {
    errors.components = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
  }
  if (files.length > 10) errors.files = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  if (typeof body.nonce === "string" && body.nonce.length > 25)
    errors.nonce = fieldError("BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  return Object.keys(errors).length ? invalidForm(errors) : null;
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

function rawToBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function parseBody(contentType: string | undefined, raw: Buffer): Promise<{ body: unknown; files: DiscordCall["files"] }> {
  if (raw.length === 0) return { body: null, files: [] };
  const ct = contentType ?? "";
  if (ct.startsWith("multipart/form-data")) {
    const form = await new Response(Uint8Array.from(raw), { headers: { "content-type": ct } }).formData();
    let body: unknown = null;
    const files: DiscordCall["files"] = [];
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        if (key === "payload_json") body = JSON.parse(value);
        else {
          const fields = obj(body);
          fields[key] = value;
          body = fields;
        }
      } else {
        files.push({ name: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  if (ct.includes("json")) {
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      return { body: text, files: [] };
    }
  }
  return { body: text, files: [] };
}

function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (answer.status === 204 || answer.body === undefined) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  const payload = JSON.stringify(answer.body);
  headers["content-type"] = "application/json";
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(answer.status, headers).end(payload);
}
