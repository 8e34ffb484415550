import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { createDiscordAdapter } from "./adapters/discord/create-discord-adapter.ts";
import type { DiscordShards } from "./adapters/discord/shard.ts";
import { createSlackAdapter } from "./adapters/slack/create-slack-adapter.ts";
import type { Deps } from "./app/context.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock, ShiftedClock, systemClock } from "./clock.ts";
import { type Config, discordConfigured, loadConfig, slackConfigured } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startScheduler } from "./scheduler/cron.ts";
import { type NudgeSink, runTick } from "./scheduler/tick.ts";
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
  const adapters: { platform: string; sink: NudgeSink; stop: () => Promise<void> }[] = [];
  if (slackConfigured(config)) {
    const slack = createSlackAdapter(deps, handlers, {
      signingSecret: config.SLACK_SIGNING_SECRET!,
      ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
      ...(config.SLACK_CLIENT_ID
        ? {
            oauth: { clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET! },
          }
        : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    });
    await slack.start(config.PORT);
    deps.logger.info({ port: config.PORT, socketMode: Boolean(config.SLACK_APP_TOKEN) }, "Slack adapter started");
    adapters.push({ platform: "slack", ...slack });
  }
  let discordShards: DiscordShards | null = null;
  if (discordConfigured(config)) {
    const discord = createDiscordAdapter(deps, handlers, {
      token: config.DISCORD_TOKEN!,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      ...(config.DISCORD_SHARDS
        ? { shards: config.DISCORD_SHARDS === "auto" ? "auto" : { count: config.DISCORD_SHARDS, ids: config.DISCORD_SHARD_IDS } }
        : {}),
    });
    await discord.start();
    discordShards = discord.shards();
    deps.logger.info({ shards: discordShards }, "Discord adapter started");
    adapters.push({ platform: "discord", ...discord });
  }
  const sink: NudgeSink = {
    deliver: async (d, key) => {
      const target = adapters.find((a) => a.platform === d.platform);
      if (!target) throw new Error(`no adapter running for platform "${d.platform}"`);
      return target.sink.deliver(d, key);
    },
  };
  const scope = { platforms: adapters.map((a) => a.platform), ...(discordShards ? { discordShards } : {}) };
  const stopScheduler = startScheduler(
    async () => void (await runTick({ ...deps, scope }, sink, deps.clock.now())),
    deps.logger,
    config.SCHEDULER_CRON,
  );
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await stopScheduler();
  for (const a of adapters) await a.stop();
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
