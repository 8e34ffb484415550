import { join } from "node:path";
import { pino } from "pino";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import type { Deps } from "../../src/app/context.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { type Database, openDatabase } from "../../src/store/open-database.ts";
import { createTestDatabase } from "./test-database.ts";

/** A console chat on its own fresh database (SQLite, or PostgreSQL in that lane), with a manual clock. Close it with `close()`. */
export type Harness = {
  db: Database;
  /** The database's URL, for a second client or process on the same data. */
  databaseUrl: string;
  dir: string;
  clock: ManualClock;
  deps: Deps & { clock: ManualClock };
  chat: ConsoleChat;
  /** Runs script lines and returns the transcript, as the non-interactive console prints it. */
  run: (script: string) => Promise<string[]>;
  /** Every row of every table, for "nothing changed" assertions. */
  snapshot: () => Promise<Record<string, unknown[]>>;
  close: () => Promise<void>;
};

/**
 * `feedBaseUrl`: the calendar feeds' public base URL, as PUBLIC_URL gives it to a process that serves them.
 * `eventPlatforms`: the platforms whose meetings are also platform events (["console"] makes the console's sets queue
 * event writes, for a test to deliver to a platform of its own).
 */
export async function createHarness(
  start = "2027-01-04T09:00:00Z",
  timeZone = "Europe/London",
  options: { feedBaseUrl?: string; eventPlatforms?: string[] } = {},
): Promise<Harness> {
  const database = await createTestDatabase();
  const db = await openDatabase(database.url);
  const clock = new ManualClock(new Date(start));
  const deps = { db, clock, logger: pino({ level: "silent" }), defaultTimeZone: timeZone, ...options };
  const chat = new ConsoleChat(deps, handlers, join(database.dir, "files"));
  return {
    db,
    databaseUrl: database.url,
    dir: database.dir,
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
    snapshot: () => database.snapshot(),
    async close() {
      await db.$disconnect();
      await database.drop();
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

/** The BASE script of the bug reports: Sam advises Ana, Ben, Cleo, Dev and Eve; seven monthly meetings from 12 Jan 2027. */
export const BASE = `clock 2027-01-04T09:00Z
as Sam
/set create name:"Base set"
/set add member:@Ana
/set add member:@Ben
/set add member:@Cleo
/set add member:@Dev
/set add member:@Eve
/set programme start:2027-01-04 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:"second tuesday" count:7`;
