import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock } from "./clock.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { openDatabase } from "./store/open-database.ts";

/** Composition root: the only place that picks concrete classes. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const clock = new ManualClock(config.CONSOLE_START ? new Date(config.CONSOLE_START) : new Date());
    const chat = new ConsoleChat({ db, clock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE }, handlers, config.FILES_DIR);
    await runConsole(chat, process.stdin, process.stdout, process.stdin.isTTY === true);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
