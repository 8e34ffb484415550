/**
 * A platform's limits in front of a local fake (test/support/fake-slack.ts, fake-discord.ts): an HTTP proxy on
 * 127.0.0.1 that holds every call for `latencyMs` (a platform's round trip), then either answers HTTP 429 with
 * `Retry-After`, as the platform does over its limit, or forwards the call to the fake and relays its answer.
 * The fakes themselves stay as the tests know them; the Discord gateway (a WebSocket) goes to the fake directly.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../../test/support/fake-http.ts";

/** A 429 to answer (status, headers, JSON body), or null to forward the call. */
type Verdict = { headers: Record<string, string>; body: unknown } | null;
/** Decides one call at the moment it would reach the platform; `accepted` is the calls let through so far. */
type Limit = (call: { method: string; path: string; body: string; at: number }) => Verdict;

export type Proxy = { origin: string; accepted: { path: string; at: number }[]; limited: number; close(): Promise<void> };

export async function rateLimitedProxy(target: string, latencyMs: number, limit: Limit): Promise<Proxy> {
  const accepted: { path: string; at: number }[] = [];
  let limited = 0;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const server = createServer((req: IncomingMessage, res) => {
    void (async () => {
      const body = await readBody(req);
      await sleep(latencyMs);
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const verdict = limit({ method: req.method ?? "GET", path, body: body.toString("utf8"), at: Date.now() });
      if (verdict) {
        limited++;
        const payload = JSON.stringify(verdict.body);
        res
          .writeHead(429, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)), ...verdict.headers })
          .end(payload);
        return;
      }
      accepted.push({ path, at: Date.now() });
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && !["host", "content-length", "connection"].includes(k)),
      ) as Record<string, string>;
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method ?? "GET",
        headers,
        ...(body.length ? { body: new Uint8Array(body) } : {}),
      });
      const out = Buffer.from(await answer.arrayBuffer());
      const back: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (!["content-length", "transfer-encoding", "connection", "content-encoding"].includes(k)) back[k] = v;
      });
      res.writeHead(answer.status, { ...back, "content-length": String(out.length) }).end(out);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    accepted,
    get limited() {
      return limited;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Slack's `chat.postMessage` limit: one message a second in a channel, with a short burst allowed (3 at once in a
 * quiet channel, as the tests' fake allows); over it, 429 with `Retry-After` in whole seconds.
 */
export function slackPerChannel(perSecond = 1, burst = 3): Limit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return ({ path, body, at }) => {
    if (!path.endsWith("/chat.postMessage")) return null;
    const channel = new URLSearchParams(body).get("channel") ?? "";
    const b = buckets.get(channel) ?? { tokens: burst, at };
    const tokens = Math.min(burst, b.tokens + ((at - b.at) / 1000) * perSecond);
    buckets.set(channel, b);
    if (tokens < 1)
      return {
        headers: { "retry-after": String(Math.max(1, Math.ceil((1 - tokens) / perSecond))) },
        body: { ok: false, error: "ratelimited" },
      };
    b.tokens = tokens - 1;
    b.at = at;
    return null;
  };
}

/** Discord's global limit: 50 requests in any second per bot; over it, 429 with the global flag and `Retry-After`. */
export function discordGlobal(perSecond = 50): Limit {
  const window: number[] = [];
  return ({ at }) => {
    while (window.length && at - window[0]! >= 1000) window.shift();
    if (window.length >= perSecond) {
      const wait = (1000 - (at - window[0]!)) / 1000;
      return {
        headers: { "retry-after": wait.toFixed(3), "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
        body: { message: "You are being rate limited.", retry_after: wait, global: true },
      };
    }
    window.push(at);
    return null;
  };
}
