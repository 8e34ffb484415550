import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock, ShiftedClock } from "./clock.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startScheduler } from "./scheduler/cron.ts";
import { openDatabase } from "./store/open-database.ts";

/** Composition root: the only place that picks concrete classes. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    // A script gets a frozen clock (its transcript is reproducible); a person at a terminal gets real time.
    const interactive = process.stdin.isTTY === true;
    const clock = interactive ? new ShiftedClock() : new ManualClock(new Date());
    if (config.CONSOLE_START) clock.set(new Date(config.CONSOLE_START));
    const chat = new ConsoleChat({ db, clock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE }, handlers, config.FILES_DIR);
    const print = (lines: string[]) => lines.forEach((line) => process.stdout.write(`${line}\n`));
    const stop = interactive ? startScheduler(async () => print(await chat.tick()), logger, config.SCHEDULER_CRON) : null;
    await runConsole(chat, process.stdin, process.stdout, interactive);
    await stop?.();
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
