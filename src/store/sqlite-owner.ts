import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** The file beside a SQLite database that names the bot process using it. */
export const ownerFileOf = (databasePath: string) => `${databasePath}.owner`;

/**
 * Claims the SQLite file at `databasePath` for this process, or throws an error whose message says which process
 * holds it and what to do. SQLite serves one bot process: two would both plan and send from one outbox, with
 * no claim between them (docs/architecture.md, "The outbox and its guarantees"), so a second refuses to start;
 * several processes need PostgreSQL. The claim is a file holding the owner's pid; one left by a process that is
 * no longer running is taken over. Returns the function that gives the claim up (on exit, it goes with the process).
 */
export function claimSqliteFile(databasePath: string, pid = process.pid): () => void {
  if (databasePath === ":memory:") return () => {};
  const owner = ownerFileOf(databasePath);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(owner, `${pid}\n`, { flag: "wx" });
      const release = () => {
        if (heldBy(owner) === pid) rmSync(owner, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = heldBy(owner);
      if (holder !== null && holder !== pid && running(holder)) {
        throw new Error(
          `Another bot process (pid ${holder}) is already using the SQLite database ${databasePath}. SQLite serves one ` +
            "bot process: stop that one first, or use PostgreSQL (a postgres:// DATABASE_URL) to run several.",
        );
      }
      rmSync(owner, { force: true }); // left by a process that has gone, or unreadable: take it over
    }
  }
  throw new Error(`Could not claim the SQLite database ${databasePath} (its owner file ${owner} keeps reappearing).`);
}

function heldBy(owner: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(owner, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
