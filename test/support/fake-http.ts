/**
 * What the local platform fakes share: an HTTP server on 127.0.0.1 at a free port, a log of the calls it
 * answered that tests can wait on, and the body helpers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Handles one request; a throw answers 500 with `onError`'s body. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** A listening server: its origin (`http://127.0.0.1:PORT`) and how to stop it. */
export type Listening = { server: Server; origin: string; port: number; close(): Promise<void> };

/**
 * Starts a server on a free loopback port. Requests that arrive before `setHandler` is given one (the fake is
 * built from the port) answer 503.
 */
export async function listen(
  onError: (err: unknown) => { contentType: string; body: string },
): Promise<Listening & { setHandler(handler: RequestHandler): void }> {
  let handler: RequestHandler | null = null;
  const server = createServer((req, res) => {
    if (!handler) return void res.writeHead(503).end();
    handler(req, res).catch((err: unknown) => {
      const answer = onError(err);
      if (!res.headersSent) res.writeHead(500, { "content-type": answer.contentType });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    setHandler: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type Waiter<C> = { match: (c: C) => boolean; n: number; resolve: (calls: C[]) => void; reject: (err: Error) => void };

/** The calls a fake answered, in order, and promises that resolve once enough matching calls have arrived. */
export class CallLog<C> {
  readonly calls: C[] = [];
  readonly #waiters = new Set<Waiter<C>>();

  constructor(
    private readonly name: string,
    /** One line per call, for the message of a wait that timed out. */
    private readonly describe: (c: C) => string,
  ) {}

  matching(match: (c: C) => boolean): C[] {
    return this.calls.filter(match);
  }

  record(call: C): void {
    this.calls.push(call);
    for (const w of this.#waiters) {
      if (!w.match(call)) continue;
      const got = this.matching(w.match);
      if (got.length >= w.n) {
        this.#waiters.delete(w);
        w.resolve(got);
      }
    }
  }

  /**
   * Resolves with every matching call once there are at least `n`; rejects after `timeoutMs` with the calls seen,
   * or when the log is closed. `what` names the wait in that message.
   */
  waitFor(what: string, match: (c: C) => boolean, n: number, timeoutMs: number): Promise<C[]> {
    const now = this.matching(match);
    if (now.length >= n) return Promise.resolve(now);
    return new Promise<C[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.calls.map(this.describe).join("\n  ");
        const got = this.matching(match).length;
        reject(new Error(`${this.name}.waitFor(${what}, ${n}): only ${got} after ${timeoutMs}ms; calls seen:\n  ${seen || "(none)"}`));
      }, timeoutMs);
      const waiter: Waiter<C> = {
        match,
        n,
        resolve: (calls) => {
          clearTimeout(timer);
          resolve(calls);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending wait (the fake is closing). */
  close(): void {
    for (const w of this.#waiters) w.reject(new Error(`${this.name} closed while a test was waiting for a call`));
    this.#waiters.clear();
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Answers JSON with a content length; status 204 (or no body) answers empty. */
export function sendJson(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) return void res.writeHead(status, headers).end();
  const payload = JSON.stringify(body);
  res
    .writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(payload)),
      ...headers,
    })
    .end(payload);
}
