import { readFileSync } from "node:fs";

/** The version in package.json. */
export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** What a process runs, for its one start-up line. */
export type StartupFacts = {
  version: string;
  database: string;
  /** Each adapter as a short phrase, e.g. "slack (http on port 3000)", "discord (shards 0,1 of 2)". */
  adapters: string[];
  schedulerCron: string;
  /** Where /healthz, /readyz and /metrics are served, e.g. "port 3000 (through Bolt)"; null when off. */
  health: string | null;
  retentionDays: number | null;
};

/** The start-up line: the facts as log fields, and one sentence naming them all. */
export function startupLine(f: StartupFacts): { fields: StartupFacts; message: string } {
  const parts = [
    `database ${f.database}`,
    `adapters ${f.adapters.join(", ")}`,
    `scheduler "${f.schedulerCron}"`,
    f.health ? `health and metrics on ${f.health}` : "health endpoints off",
    ...(f.retentionDays !== null ? [`outbox kept ${f.retentionDays} days`] : []),
  ];
  return { fields: f, message: `action-learning-companion ${f.version} started: ${parts.join("; ")}` };
}
