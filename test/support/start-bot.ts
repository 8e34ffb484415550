import { type ChildProcessByStdio, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";

export type StartedBot = {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then its exit code once it has stopped; the database folder is removed. */
  stop(): Promise<number | null>;
};

/** `npm start` (as `node --import tsx src/main.ts`) on a fresh SQLite file, with `env` added. */
export function startBot(env: Record<string, string>): StartedBot {
  const dir = mkdtempSync(join(tmpdir(), "als-main-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, "als.db")}`, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (b) => (stderr += b));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      const exited = new Promise<number | null>((resolve) =>
        child.once("exit", (code, signal) => {
          if (signal) stderr += `\n[the process was ended by ${signal}]`;
          resolve(code);
        }),
      );
      child.kill("SIGTERM");
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
