import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One part of the bot whose readiness is checked: what keeps it from being ready (empty: ready). */
export type ReadinessCheck = { name: string; notReady(): Promise<string[]> | string[] };

/**
 * An HTTP route in the shape Bolt's `customRoutes` takes (path, method, Node's request and response),
 * so the same routes are served by Bolt's receiver or by `startHealthServer`.
 */
export type HealthRoute = { path: string; method: string; handler: (req: IncomingMessage, res: ServerResponse) => void };

/** A check that has not answered by then counts as not ready (a database that hangs must not hang the probe). */
const CHECK_TIMEOUT_MS = 5_000;

/** The readiness report, as /readyz answers it: every check by name, `ok` or the problems found. */
type ReadinessReport = {
  status: "ready" | "not ready";
  checks: Record<string, { ok: true } | { ok: false; problems: string[] }>;
};

/** Runs every check at once (each bounded by a timeout); a stopping process is never ready. */
async function checkReadiness(checks: ReadinessCheck[], stopping: boolean): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await bounded(c)] as const));
  if (stopping) results.push(["process", ["shutting down"]]);
  const report: ReadinessReport = { status: "ready", checks: {} };
  for (const [name, problems] of results) {
    report.checks[name] = problems.length ? { ok: false, problems } : { ok: true };
    if (problems.length) report.status = "not ready";
  }
  return report;
}

async function bounded(check: ReadinessCheck): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([`did not answer within ${CHECK_TIMEOUT_MS / 1000} s`]), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.notReady()), late]);
  } catch (error) {
    return [`check failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The three operator endpoints:
 * - `GET /healthz`: 200 while the process runs its event loop;
 * - `GET /readyz`: 200 when every check passes and the process is not stopping, else 503; the JSON body
 *   names each check and the problems of those that fail;
 * - `GET /metrics`: the Prometheus text format.
 */
export function healthRoutes(opts: {
  checks: () => ReadinessCheck[];
  stopping: () => boolean;
  metrics: () => Promise<{ contentType: string; body: string }>;
}): HealthRoute[] {
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(`${JSON.stringify(body)}\n`);
  };
  const failed = (res: ServerResponse, error: unknown) => {
    if (!res.headersSent) json(res, 500, { error: error instanceof Error ? error.message : String(error) });
    else res.end();
  };
  return [
    { path: "/healthz", method: "GET", handler: (_req, res) => json(res, 200, { status: "alive" }) },
    {
      path: "/readyz",
      method: "GET",
      handler: (_req, res) => {
        checkReadiness(opts.checks(), opts.stopping()).then(
          (report) => json(res, report.status === "ready" ? 200 : 503, report),
          (error: unknown) => failed(res, error),
        );
      },
    },
    {
      path: "/metrics",
      method: "GET",
      handler: (_req, res) => {
        opts.metrics().then(
          ({ contentType, body }) => {
            res.writeHead(200, { "content-type": contentType });
            res.end(body);
          },
          (error: unknown) => failed(res, error),
        );
      },
    },
  ];
}

/** A running health server: the port it listens on (useful when 0 asked for a free one), and how to close it. */
export type HealthServer = { port: number; close(): Promise<void> };

/**
 * Whether `path` is one of a route's: the same segments, a `:name` segment standing for any one non-empty
 * segment (as in Bolt's customRoutes, so one route serves alike on either server).
 */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((w, i) => (w.startsWith(":") ? got[i] !== "" : w === got[i]));
}

/**
 * Serves `routes` on their own port (every interface), for the modes where Bolt does not serve them:
 * Discord only, or the console with HEALTH_PORT. Anything else answers 404.
 */
export async function startHealthServer(port: number, routes: HealthRoute[]): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find((r) => pathMatches(r.path, path) && r.method === req.method);
    if (route) route.handler(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
