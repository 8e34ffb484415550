/**
 * A local fake of Discord (REST API v10 + the JSON gateway) on 127.0.0.1, for a REAL discord.js Client:
 *   new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } })
 *
 * Wire details matched to discord.js 14.28 / @discordjs/rest 2.6 / @discordjs/ws 1.2:
 * - REST URLs are `${api}/v10${route}${?query}`; calls are recorded with the route only (no `/api/v10`, no query;
 *   the query is in `DiscordCall.query`). Bot calls carry `Authorization: Bot <token>`; webhook/interaction
 *   routes are unauthenticated. Uploads are multipart/form-data: `files[n]` parts + a `payload_json` part.
 *   Only the routes the bot, `commands:deploy` and the tests call are served (fake-discord-routes.ts); others 404.
 * - Login = `GET /gateway/bot` → `{url, shards, session_start_limit}`; the shard then opens
 *   `${url}?v=10&encoding=json` (plus `&compress=zlib-stream` only when the optional `zlib-sync` is installed —
 *   it is not here; either way this fake answers with plain text frames, which the client always JSON-parses).
 *   The gateway and sharding are in fake-discord-gateway.ts. `GET /gateway/bot` recommends `gatewayShards`
 *   (default 1) with `max_concurrency` `maxConcurrency` (default 1: @discordjs/ws then waits 5 s between two
 *   shards' IDENTIFYs, as Discord requires). An interaction goes to the connection of its guild's shard.
 * - `POST /channels/:id/messages` with `nonce` (≤ 25 characters) and `enforce_nonce: true`: within 5 minutes,
 *   a repeat of the nonce in the same channel answers with the message already created, and creates none.
 * - Interaction callbacks (`POST /interactions/:id/:token/callback`) are sent by discord.js with
 *   `?with_response=false` → 204; `with_response=true` → 200 `{interaction, resource}`.
 *   A second acknowledgement answers 400 code 40060, an unknown interaction 404 code 10062.
 * - A message command (type 3, a message's context menu) carries its message in `data.resolved.messages`, its id a
 *   snowflake of when it was sent, its content whatever the intents (Discord's rule for message commands).
 * - A message over Discord's size limits (content, embeds, fields, rows, buttons) is refused with 400 code 50035.
 * - A 429 carries `Retry-After` (seconds) and `X-RateLimit-Scope`; @discordjs/rest sleeps that long
 *   (+ its 50 ms offset) and retries the same request. Other 4xx bodies `{message, code}` become `DiscordAPIError`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { WebSocketServer } from "ws";
import { FakeScheduledEvents } from "./fake-discord-events.ts";
import { FakeGateway, type Identified } from "./fake-discord-gateway.ts";
import { DiscordWorld, type WorldOptions } from "./fake-discord-objects.ts";
import { type Answer, answerRequest, discordRoutes, matches, parseBody, type RequestContext, safeDecode } from "./fake-discord-routes.ts";
import { CallLog, type Listening, listen, readBody, sendJson } from "./fake-http.ts";

export type { FakeGuild } from "./fake-discord-objects.ts";

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
  /** The JSON body the fake answered (a created message, an error), if any. */
  response?: unknown;
  at: number;
};

/** `now`: Discord's present for the rules that read it (a new scheduled event must start ahead); default real time. */
type FakeOptions = WorldOptions & { gatewayShards?: number; maxConcurrency?: number; now?: () => Date };
type RateLimit = { method: string; pattern: RegExp; seconds: number };
type Outage = { method: string; pattern: RegExp; statuses: number[]; until: number };

export class FakeDiscord {
  readonly apiUrl: string;
  readonly #http: Listening;
  readonly #wss: WebSocketServer;
  readonly #world: DiscordWorld;
  readonly #gateway: FakeGateway;
  readonly #routes: ReturnType<typeof discordRoutes>;
  readonly #events: FakeScheduledEvents;
  readonly #log = new CallLog<DiscordCall>("FakeDiscord", (c) => `${c.method} ${c.path} → ${c.status}`);
  readonly #rateLimits: RateLimit[] = [];
  readonly #outages: Outage[] = [];
  #outageAnswers = 0;
  #closed = false;

  private constructor(http: Listening, wss: WebSocketServer, opts: FakeOptions) {
    this.#http = http;
    this.#wss = wss;
    this.apiUrl = `${http.origin}/api`;
    this.#world = new DiscordWorld(http.origin, opts);
    this.#gateway = new FakeGateway(this.#world, `ws://127.0.0.1:${http.port}/gateway`);
    this.#events = new FakeScheduledEvents(
      () => this.#world.snowflake(),
      String(this.#world.botUser.id),
      (id) => Boolean(this.#world.guild(id)),
      (id) => {
        const found = this.#world.guildChannel(id);
        return found ? { guildId: found.guild.id, type: found.channel.type ?? 0 } : undefined;
      },
      opts.now ? () => opts.now!().getTime() : Date.now,
    );
    this.#routes = [
      ...discordRoutes(this.#world, {
        url: this.#gateway.url,
        shards: opts.gatewayShards ?? 1,
        maxConcurrency: opts.maxConcurrency ?? 1,
      }),
      ...this.#events.routes(),
    ];
    wss.on("connection", (socket, req) => this.#gateway.connect(socket, req));
  }

  static async start(opts: FakeOptions = {}): Promise<FakeDiscord> {
    const http = await listen((err) => ({
      contentType: "application/json",
      body: JSON.stringify({ message: `500: Internal Server Error (${String(err)})`, code: 0 }),
    }));
    const wss = new WebSocketServer({ server: http.server, path: "/gateway" });
    const fake = new FakeDiscord(http, wss, opts);
    http.setHandler((req, res) => fake.#handle(req, res));
    return fake;
  }

  // ================================================================ public API

  /** Every REST call answered, in order. */
  get calls(): DiscordCall[] {
    return this.#log.calls;
  }

  /** Every accepted IDENTIFY, in order. */
  get identified(): Identified[] {
    return this.#gateway.identified;
  }

  /** While true, an IDENTIFY is accepted but never answered with READY (a gateway that hangs at login). */
  get withholdReady(): boolean {
    return this.#gateway.withholdReady;
  }

  set withholdReady(withhold: boolean) {
    this.#gateway.withholdReady = withhold;
  }

  callsTo(method: string, pathPattern: RegExp): DiscordCall[] {
    const m = method.toUpperCase();
    return this.#log.matching((c) => c.method === m && matches(pathPattern, c.path));
  }

  /** Resolves with the matching calls once there are at least `n` (default 1); rejects after `timeoutMs` (default 5000). */
  waitFor(method: string, pathPattern: RegExp, n = 1, timeoutMs = 5000): Promise<DiscordCall[]> {
    const m = method.toUpperCase();
    return this.#log.waitFor(`${method} ${pathPattern}`, (c) => c.method === m && matches(pathPattern, c.path), n, timeoutMs);
  }

  /**
   * The first answer an interaction's user sees: the interaction's own reply (a callback of type 4) or, after a
   * deferral, the edit of its original response. Rejects after `timeoutMs`. `asMessageCall` reads either as a message.
   */
  async answerTo(token: string, timeoutMs = 5000): Promise<DiscordCall> {
    const [call] = await this.#log.waitFor(`the answer to ${token}`, (c) => isAnswer(c, token), 1, timeoutMs);
    return call!;
  }

  /**
   * Resolves once a client has IDENTIFYed and been sent READY + GUILD_CREATE (at once if the current
   * connection already has), with its identify token and intents. Rejects after `timeoutMs` (default 10000).
   */
  ready(timeoutMs = 10000): Promise<{ token: string; intents: number }> {
    return this.#gateway.ready(timeoutMs);
  }

  /** Sends INTERACTION_CREATE to the client running its guild's shard. Fills `id`/`token` if missing. */
  async sendInteraction(interaction: Record<string, unknown>): Promise<{ id: string; token: string }> {
    await this.ready();
    const conn = typeof interaction.guild_id === "string" ? this.#gateway.connForGuild(interaction.guild_id) : this.#gateway.active;
    if (!conn)
      throw new Error(
        `FakeDiscord.sendInteraction: no connected client${interaction.guild_id ? ` runs the shard of guild ${String(interaction.guild_id)}` : ""}`,
      );
    const payload = this.#world.openInteraction(interaction);
    await this.#gateway.dispatch(conn, "INTERACTION_CREATE", payload);
    return { id: String(payload.id), token: String(payload.token) };
  }

  /** A slash command (or, with `autocomplete`, its autocomplete) as Discord sends it; `sub` may be "group sub". */
  commandInteraction(p: Parameters<DiscordWorld["commandInteraction"]>[0]): Record<string, unknown> {
    return this.#world.commandInteraction(p);
  }

  /** A button press on a message (a stored one with `messageId`, else a new one carrying the button). */
  buttonInteraction(p: Parameters<DiscordWorld["buttonInteraction"]>[0]): Record<string, unknown> {
    return this.#world.buttonInteraction(p);
  }

  /** A message command (a message's context menu, "Apps → …") chosen on a message written by `authorId` at `sentAt`. */
  messageCommandInteraction(p: Parameters<DiscordWorld["messageCommandInteraction"]>[0]): Record<string, unknown> {
    return this.#world.messageCommandInteraction(p);
  }

  /** A modal submission with one text input per entry of `fields`. */
  modalSubmitInteraction(p: Parameters<DiscordWorld["modalSubmitInteraction"]>[0]): Record<string, unknown> {
    return this.#world.modalSubmitInteraction(p);
  }

  /** The messages now stored in a channel (a DM's id from `dmChannelIdOf`), oldest first. */
  messagesIn(channelId: string): Record<string, unknown>[] {
    return this.#world.messagesIn(channelId);
  }

  /**
   * The id of the bot's DM channel with `userId`: a snowflake, the same for the fake's lifetime, opened now if the
   * bot has not opened it yet (as `POST /users/@me/channels` would, without recording a call).
   */
  dmChannelIdOf(userId: string): string {
    return String(this.#world.dmChannel(userId).id);
  }

  /** The user whose DM channel with the bot `channelId` is, or undefined when it is not one. */
  dmUserOf(channelId: string): string | undefined {
    return this.#world.dmRecipient(channelId);
  }

  /** The next matching request answers 429 with `Retry-After: retryAfterSeconds` (once). */
  rateLimitNext(method: string, pathPattern: RegExp, retryAfterSeconds: number): void {
    this.#rateLimits.push({ method: method.toUpperCase(), pattern: pathPattern, seconds: retryAfterSeconds });
  }

  /**
   * For the next `ms`, every matching request answers one of `statuses` in turn (5xx: Discord down), recorded with
   * it; @discordjs/rest retries a 5xx at once, up to its `retries`.
   */
  outage(method: string, pathPattern: RegExp, statuses: number[], ms: number): void {
    this.#outages.push({ method: method.toUpperCase(), pattern: pathPattern, statuses, until: Date.now() + ms });
  }

  /** Names a user (as their `username` and `global_name`) wherever the fake shows them, e.g. as a resolved option. */
  setUser(id: string, name: string): void {
    this.#world.user(id, name);
  }

  /** From now on a DM to `userId` is refused with 403 code 50007, as when a member closes their DMs. */
  closeDmsOf(userId: string): void {
    this.#world.closedDms.add(userId);
  }

  /** The guild's scheduled events as the fake holds them now, oldest first (fake-discord-events.ts). */
  scheduledEvents(guildId: string): Record<string, unknown>[] {
    return this.#events.of(guildId);
  }

  /** While `denied`, the bot lacks Manage Events in the guild: every scheduled-event write answers 403 code 50013. */
  denyManageEvents(guildId: string, denied = true): void {
    if (denied) this.#events.denied.add(guildId);
    else this.#events.denied.delete(guildId);
  }

  /**
   * `userId` marks the event Interested: GUILD_SCHEDULED_EVENT_USER_ADD goes to the client running the guild's
   * shard, only if it identified with the GuildScheduledEvents intent (1 << 16), as Discord sends it. Resolves with
   * whether it was sent.
   */
  async markInterested(guildId: string, eventId: string, userId: string): Promise<boolean> {
    await this.ready();
    const conn = this.#gateway.connForGuild(guildId);
    if (!conn || ((conn.identify?.intents ?? 0) & (1 << 16)) === 0) return false;
    const event = this.#events.byId.get(eventId);
    if (event) event.user_count = Number(event.user_count ?? 0) + 1;
    await this.#gateway.dispatch(conn, "GUILD_SCHEDULED_EVENT_USER_ADD", {
      guild_scheduled_event_id: eventId,
      user_id: userId,
      guild_id: guildId,
    });
    return true;
  }

  /** Stops the HTTP server and drops gateway sockets. Destroy the discord.js Client first, or it will try to reconnect. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#log.close();
    this.#gateway.close();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await this.#http.close();
  }

  // ================================================================ REST

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", this.#http.origin);
    const method = (req.method ?? "GET").toUpperCase();

    if (method === "GET" && url.pathname.startsWith("/attachments/")) {
      const file = this.#world.attachments.get(url.pathname);
      if (!file) return sendJson(res, 404, { message: "404: Not Found", code: 0 });
      res.writeHead(200, { "content-type": file.contentType, "content-length": String(file.bytes.length) }).end(file.bytes);
      return;
    }

    const m = /^\/api(?:\/v(\d+))?(\/.*)?$/.exec(url.pathname);
    // Percent-decoded, as Discord routes it (discord.js sends "@original" as "%40original").
    const path = safeDecode(m ? (m[2] ?? "/") : url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const { body, files } = await parseBody(req.headers["content-type"], raw);
    const ctx: RequestContext = { method, path, query, body, files, authorized: /^Bot \S+/.test(req.headers.authorization ?? "") };

    let answer: Answer;
    const limitAt = this.#rateLimits.findIndex((r) => r.method === method && matches(r.pattern, path));
    const outage = this.#outages.find((o) => o.method === method && matches(o.pattern, path) && at < o.until);
    if (!m) {
      answer = { status: 404, body: { message: "404: Not Found", code: 0 } };
    } else if (outage) {
      const status = outage.statuses[this.#outageAnswers++ % outage.statuses.length]!;
      answer = { status, body: { message: `${status}: Server Error`, code: 0 } };
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
      answer = answerRequest(this.#routes, ctx);
    }

    this.#log.record({ method, path, query, body, files, status: answer.status, response: answer.body, at });
    sendJson(res, answer.status, answer.body, answer.headers);
  }
}

const isCallbackReply = (c: DiscordCall, token = "[^/]+") =>
  c.method === "POST" && matches(new RegExp(`^/interactions/\\d+/${token}/callback$`), c.path) && (c.body as { type?: number })?.type === 4;

/** An interaction's reply: its own callback of type 4, or the edit of its (deferred) original response. */
const isAnswer = (c: DiscordCall, token: string) =>
  isCallbackReply(c, token) || (c.method === "PATCH" && matches(new RegExp(`^/webhooks/\\d+/${token}/messages/@original$`), c.path));

/** A call that posted a message, with the message as its body (a type-4 callback carries it in `data`). */
export const asMessageCall = (c: DiscordCall): DiscordCall =>
  isCallbackReply(c) ? { ...c, body: (c.body as { data?: unknown }).data } : c;
