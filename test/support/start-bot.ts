import { type ChildProcessByStdio, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { START_ARGS } from "./start-args.ts";

export type StartedBot = {
  child: ChildProcessByStdio<Writable | null, Readable, Readable>;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then its exit code once it has stopped; the database folder is removed. */
  stop(): Promise<number | null>;
};

/**
 * `npm start` (its Node flags, then tsx and src/main.ts: START_ARGS) on a fresh SQLite file, with `env` added (which may
 * name another DATABASE_URL). With `stdin`, its standard input is a pipe (`child.stdin`), for the console.
 */
export function startBot(env: Record<string, string>, opts: { stdin?: boolean } = {}): StartedBot {
  const dir = mkdtempSync(join(tmpdir(), "als-main-"));
  const child = spawn(process.execPath, [...START_ARGS], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, "als.db")}`, LOG_LEVEL: "silent", ...env },
    stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  let stderr = "";
  child.stderr.on("data", (b) => (stderr += b));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      let code = child.exitCode;
      if (code === null && child.signalCode === null) {
        const exited = new Promise<number | null>((resolve) =>
          child.once("exit", (exitCode, signal) => {
            if (signal) stderr += `\n[the process was ended by ${signal}]`;
            resolve(exitCode);
          }),
        );
        child.kill("SIGTERM");
        code = await exited;
      }
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
