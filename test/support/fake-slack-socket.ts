/**
 * A local fake of Slack's Socket Mode WebSocket, for a REAL Bolt app in Socket Mode (@slack/socket-mode 2.x).
 * Point the fake Web API at it (`fakeSlack.socketModeUrl = socket.url`): the client's `apps.connections.open`
 * returns that URL, it connects, and this fake greets it with `{type: "hello"}`. While `accepting` is false the
 * WebSocket upgrade is refused (503), as when Slack's socket servers are unreachable: the client retries after
 * 5 s, 10 s, 15 s… (its reconnect back-off). Envelopes are sent as Slack sends them,
 * `{envelope_id, type, payload, accepts_response_payload}`, and the client acknowledges each with
 * `{envelope_id, payload?}`. The client's pings are answered by `ws` (auto-pong).
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export class FakeSlackSocket {
  readonly url: string;
  /** Whether WebSocket upgrades are accepted (else refused with 503). */
  accepting = true;
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #acks = new Map<string, (payload: unknown) => void>();
  readonly #connected = new Set<() => void>();

  private constructor(server: Server, wss: WebSocketServer, port: number) {
    this.#server = server;
    this.#wss = wss;
    this.url = `ws://127.0.0.1:${port}/link`;
    wss.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
      socket.on("error", () => {});
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) this.#acks.get(message.envelope_id)?.(message.payload);
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
      for (const resolve of this.#connected) resolve();
      this.#connected.clear();
    });
  }

  static async start(): Promise<FakeSlackSocket> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    let fake: FakeSlackSocket | undefined;
    const wss = new WebSocketServer({
      server,
      path: "/link",
      verifyClient: (_info, answer) => (fake?.accepting ? answer(true) : answer(false, 503, "Service Unavailable")),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake = new FakeSlackSocket(server, wss, (server.address() as AddressInfo).port);
    return fake;
  }

  /** Resolves once a client is connected and greeted (at once if one is). */
  connected(timeoutMs = 20_000): Promise<void> {
    if (this.#sockets.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`FakeSlackSocket: no client connected within ${timeoutMs} ms`)), timeoutMs);
      this.#connected.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends an `/als` slash command envelope to the connected client; resolves with its acknowledgement's payload. */
  slashCommand(p: { text: string; userId: string; userName: string; channelId: string; teamId?: string }): Promise<unknown> {
    const socket = [...this.#sockets][0];
    if (!socket) throw new Error("FakeSlackSocket: no client connected");
    const envelopeId = randomUUID();
    const acked = new Promise<unknown>((resolve) => this.#acks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          token: "legacy-verification-token",
          team_id: p.teamId ?? "T1",
          team_domain: "t1",
          channel_id: p.channelId,
          channel_name: "set",
          user_id: p.userId,
          user_name: p.userName,
          command: "/als",
          text: p.text,
          api_app_id: "A1",
          is_enterprise_install: "false",
          response_url: "https://hooks.slack.invalid/commands/T1/1/x",
          trigger_id: `${Date.now()}.1.trigger`,
        },
      }),
    );
    return acked;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
