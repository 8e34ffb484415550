/**
 * The gateway half of the local fake Discord: the JSON gateway (API v10, no compression) that discord.js 14.28 /
 * @discordjs/ws 1.2 connect to, with sharding. HELLO (op 10) → IDENTIFY (op 2) → READY (op 0, guilds listed as
 * unavailable) → one GUILD_CREATE per guild of the shard (discord.js emits `clientReady` once all have arrived);
 * heartbeats (op 1) get op 11; RESUME (op 6) → RESUMED, or op 9 `false` for an unknown session. IDENTIFY's
 * `shard: [id, count]` (default [0, 1]) limits the guilds to those on that shard; an id not below the count
 * closes with 4010.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { RawData, WebSocket } from "ws";
import { type DiscordWorld, guildShard, type Json } from "./fake-discord-objects.ts";

type Shard = [id: number, count: number];
/** One gateway connection (one shard of a client). */
export type Conn = {
  socket: WebSocket;
  seq: number;
  sessionId: string | null;
  identify: { token: string; intents: number } | null;
  shard: Shard;
  query: string;
};
/** One IDENTIFY the fake accepted: the shard it asked for and the guilds it was sent. */
export type Identified = { token: string; intents: number; shard: Shard; guildIds: string[] };

const HEARTBEAT_INTERVAL = 41250;

export class FakeGateway {
  /** Every accepted IDENTIFY, in order. */
  readonly identified: Identified[] = [];
  readonly #world: DiscordWorld;
  readonly #conns = new Set<Conn>();
  readonly #sessions = new Map<string, { seq: number; shard: Shard }>();
  readonly #readyWaiters = new Set<{ resolve: (v: { token: string; intents: number }) => void; reject: (e: Error) => void }>();
  #active: Conn | null = null;

  constructor(
    world: DiscordWorld,
    /** The gateway's ws:// URL, which READY names as `resume_gateway_url`. */
    readonly url: string,
  ) {
    this.#world = world;
  }

  /** The latest identified connection, if it is still open. */
  get active(): Conn | null {
    return this.#active;
  }

  /**
   * Resolves once a client has IDENTIFYed and been sent READY + GUILD_CREATE (at once if the current
   * connection already has), with its identify token and intents. Rejects after `timeoutMs`.
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

  /** Serves one gateway connection: HELLO, then IDENTIFY or RESUME, heartbeats. */
  connect(socket: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", this.#world.origin);
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
        const guilds = this.#world.guilds.filter((g) => guildShard(g.id, shard[1]) === shard[0]);
        const identify = { token: d.token, intents: d.intents };
        conn.identify = identify;
        conn.shard = shard;
        conn.sessionId = randomBytes(16).toString("hex");
        conn.seq = 0;
        this.#sessions.set(conn.sessionId, { seq: 0, shard });
        this.identified.push({ ...identify, shard, guildIds: guilds.map((g) => g.id) });
        await this.dispatch(conn, "READY", {
          v: 10,
          user_settings: {},
          user: { ...this.#world.botUser, verified: true, mfa_enabled: false, email: null },
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          guild_join_requests: [],
          relationships: [],
          private_channels: [],
          presences: [],
          session_id: conn.sessionId,
          session_type: "normal",
          resume_gateway_url: this.url,
          shard,
          application: { id: this.#world.appId, flags: 0 },
          geo_ordered_rtc_regions: ["rotterdam", "london"],
          _trace: ['["fake-discord-gateway",{"micros":0}]'],
        });
        for (const g of guilds) await this.dispatch(conn, "GUILD_CREATE", this.#world.guildCreate(g));
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
        await this.dispatch(conn, "RESUMED", { _trace: ['["fake-discord-gateway",{"micros":0}]'] });
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

  /** Sends one dispatch event (op 0) with the connection's next sequence number. */
  dispatch(conn: Conn, t: string, d: unknown): Promise<void> {
    conn.seq += 1;
    if (conn.sessionId) this.#sessions.set(conn.sessionId, { seq: conn.seq, shard: conn.shard });
    return this.#sendRaw(conn, { op: 0, t, s: conn.seq, d });
  }

  connForGuild(guildId: string): Conn | null {
    const open = [...this.#conns].filter(
      (c) => c.identify && c.socket.readyState === c.socket.OPEN && guildShard(guildId, c.shard[1]) === c.shard[0],
    );
    return open.at(-1) ?? null;
  }
  /** Drops every connection and rejects pending `ready()` waits. */
  close(): void {
    for (const w of this.#readyWaiters) w.reject(new Error("FakeDiscord closed"));
    this.#readyWaiters.clear();
    for (const conn of this.#conns) conn.socket.terminate();
    this.#conns.clear();
    this.#active = null;
  }
}

function rawToBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
