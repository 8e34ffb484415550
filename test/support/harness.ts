import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import type { Deps } from "../../src/app/context.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase, type Db } from "../../src/store/open-database.ts";

/** A console chat on its own fresh SQLite file, with a manual clock. Close it with `close()`. */
export type Harness = {
  db: Db;
  dir: string;
  dbPath: string;
  clock: ManualClock;
  deps: Deps & { clock: ManualClock };
  chat: ConsoleChat;
  /** Runs script lines and returns the transcript, as the non-interactive console prints it. */
  run: (script: string) => Promise<string[]>;
  /** Every row of every table, for "nothing changed" assertions. */
  snapshot: () => Record<string, unknown[]>;
  close: () => Promise<void>;
};

/**
 * `reuse` opens an existing database file instead of a fresh one (a restart: a new Prisma client on the
 * same file); closing such a harness leaves the file in place.
 */
export async function createHarness(start = "2027-01-04T09:00:00Z", timeZone = "Europe/London", reuse?: string): Promise<Harness> {
  const dir = reuse ? dirname(reuse) : mkdtempSync(join(tmpdir(), "als-test-"));
  const dbPath = reuse ?? join(dir, "als.db");
  const db = await openDatabase(`file:${dbPath}`);
  const clock = new ManualClock(new Date(start));
  const deps = { db, clock, logger: pino({ level: "silent" }), defaultTimeZone: timeZone };
  const chat = new ConsoleChat(deps, handlers, join(dir, "files"));
  return {
    db,
    dir,
    dbPath,
    clock,
    deps,
    chat,
    async run(script) {
      const out: string[] = [];
      for (const line of script.split("\n")) {
        if (line.trim() !== "") out.push(`> ${line}`);
        out.push(...(await chat.handle(line)));
      }
      return out;
    },
    snapshot() {
      const raw = new Database(dbPath, { readonly: true });
      try {
        const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
        return Object.fromEntries(tables.map(({ name }) => [name, raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
      } finally {
        raw.close();
      }
    },
    async close() {
      await db.$disconnect();
      if (!reuse) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The output lines of a transcript (without the echoed `> ` input lines). */
export const replies = (transcript: string[]) => transcript.filter((l) => !l.startsWith("> "));

/** A set with an advisor (Sam) and five members, at the harness's clock. */
export const FIVE_MEMBER_SET = `as Sam
/set create name:"Leading change"
/set add member:@Ana
/set add member:@Ben
/set add member:@Cleo
/set add member:@Dev
/set add member:@Eve`;
