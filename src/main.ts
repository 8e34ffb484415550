import { type Adapter, deliverByPlatform } from "./adapters/adapter.ts";
import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { createDiscordAdapter, type DiscordOptions } from "./adapters/discord/create-discord-adapter.ts";
import { createSlackAdapter, type SlackOptions } from "./adapters/slack/create-slack-adapter.ts";
import type { Deps } from "./app/context.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock, ShiftedClock, systemClock } from "./clock.ts";
import { type Config, discordConfigured, loadConfig, slackConfigured } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startScheduler } from "./scheduler/cron.ts";
import { runTick } from "./scheduler/tick.ts";
import { openDatabase } from "./store/open-database.ts";

/** Composition root: the only place that picks concrete classes. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    if (slackConfigured(config) || discordConfigured(config))
      await runPlatforms(config, { db, clock: systemClock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE });
    else await runConsoleChat(config, { db, logger });
  } finally {
    await db.$disconnect();
  }
}

/** With platform tokens: the adapters (Slack, Discord or both), and the scheduler delivering each reminder through its set's platform. */
async function runPlatforms(config: Config, deps: Deps): Promise<void> {
  const slack = slackConfigured(config) ? createSlackAdapter(deps, handlers, slackOptions(config)) : null;
  const discord = discordConfigured(config) ? createDiscordAdapter(deps, handlers, discordOptions(config)) : null;
  const adapters: Adapter[] = [slack, discord].filter((a) => a !== null);
  // Listening before the adapters start: a signal during start-up then stops cleanly too.
  const stopRequested = new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  for (const adapter of adapters) await adapter.start();
  const discordShards = discord?.shards();
  const scope = { platforms: adapters.map((a) => a.platform), ...(discordShards ? { discordShards } : {}) };
  const sink = deliverByPlatform(adapters);
  const stopScheduler = startScheduler(
    async () => void (await runTick({ ...deps, scope }, sink, deps.clock.now())),
    deps.logger,
    config.SCHEDULER_CRON,
  );
  await stopRequested;
  await stopScheduler();
  for (const adapter of adapters) await adapter.stop();
}

function slackOptions(config: Config): SlackOptions {
  return {
    signingSecret: config.SLACK_SIGNING_SECRET!,
    port: config.PORT,
    ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
    ...(config.SLACK_CLIENT_ID
      ? { oauth: { clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET! } }
      : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
  };
}

function discordOptions(config: Config): DiscordOptions {
  return {
    token: config.DISCORD_TOKEN!,
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    ...(config.DISCORD_SHARDS
      ? { shards: config.DISCORD_SHARDS === "auto" ? "auto" : { count: config.DISCORD_SHARDS, ids: config.DISCORD_SHARD_IDS } }
      : {}),
  };
}

/** Without tokens: the local console chat. A script gets a frozen clock; a person at a terminal gets real time. */
async function runConsoleChat(config: Config, deps: Pick<Deps, "db" | "logger">): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const clock = interactive ? new ShiftedClock() : new ManualClock(new Date());
  if (config.CONSOLE_START) clock.set(new Date(config.CONSOLE_START));
  const chat = new ConsoleChat({ ...deps, clock, defaultTimeZone: config.DEFAULT_TIME_ZONE }, handlers, config.FILES_DIR);
  const print = (lines: string[]) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  };
  const stop = interactive ? startScheduler(async () => print(await chat.tick()), deps.logger, config.SCHEDULER_CRON) : null;
  await runConsole(chat, process.stdin, process.stdout, interactive);
  await stop?.();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
