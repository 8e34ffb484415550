/** Small HTTP helpers for the health, readiness and metrics endpoints of a bot under test. */

/** GET `url`: its status and body, or status 0 when nothing answers (not listening yet, or any more). */
export async function get(url: string): Promise<{ status: number; body: string; contentType: string }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text(), contentType: res.headers.get("content-type") ?? "" };
  } catch {
    return { status: 0, body: "", contentType: "" };
  }
}

/** Polls `url` until `accept` holds for its answer (every 100 ms); rejects with the last answer after `timeoutMs`. */
export async function waitFor(
  url: string,
  accept: (r: { status: number; body: string }) => boolean,
  timeoutMs = 20_000,
): Promise<{ status: number; body: string; contentType: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await get(url);
    if (accept(r)) return r;
    if (Date.now() > until) throw new Error(`${url}: still ${r.status} ${r.body.slice(0, 500)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One sample of the Prometheus text format. */
export type Sample = { name: string; labels: Record<string, string>; value: number };

/** Parses the Prometheus text format (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels` (0 when there is none). */
export function metricSum(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** A free TCP port on 127.0.0.1 (closed again at once). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Polls `check` every 50 ms until it holds; rejects after `timeoutMs`, saying what was awaited. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`still waiting after ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
