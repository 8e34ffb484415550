/** Child processes for the benchmarks: FILE run as `npm start` runs src/main.ts (its Node flags, then tsx), read line by line. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { startArgsFor } from "../../test/support/start-args.ts";

export type Child = {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the next line the child prints that `match`es (rejects if it exits first). */
  line(match?: (l: string) => boolean): Promise<string>;
  send(line: string): void;
  /** Ends it (SIGTERM by default) and waits for its exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  stderr(): string;
};

/** Starts `file` (a TypeScript file) with `env` added to this process's environment. */
export function startChild(file: string, env: Record<string, string>): Child {
  const proc = spawn(process.execPath, startArgsFor(file), { env: { ...process.env, ...env } });
  let stderr = "";
  proc.stderr.on("data", (b) => (stderr += b));
  const queue: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: proc.stdout }).on("line", (l) => {
    queue.push(l);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return {
    proc,
    async line(match = () => true) {
      for (;;) {
        const i = queue.findIndex(match);
        if (i >= 0) return queue.splice(i, 1)[0]!;
        if (proc.exitCode !== null || proc.signalCode !== null)
          throw new Error(`${file} exited (${proc.exitCode ?? proc.signalCode}) before printing the line awaited:\n${stderr}`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), exited]);
      }
    },
    send: (l) => void proc.stdin.write(`${l}\n`),
    async stop(signal = "SIGTERM") {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill(signal);
        await exited;
      }
    },
    stderr: () => stderr,
  };
}

/** CPU time (user + system) the process `pid` has used so far, in seconds, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Resident memory of the process `pid` now, in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/\d+/.exec(line ?? "")?.[0] ?? 0) / 1024;
}
