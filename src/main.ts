import type { Logger } from "pino";
import { type Adapter, deliverByPlatform } from "./adapters/adapter.ts";
import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { createDiscordAdapter, type DiscordOptions } from "./adapters/discord/create-discord-adapter.ts";
import type { DiscordShards } from "./adapters/discord/shard.ts";
import { createSlackAdapter, type SlackOptions } from "./adapters/slack/create-slack-adapter.ts";
import type { Deps } from "./app/context.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock, ShiftedClock, systemClock } from "./clock.ts";
import { type Config, discordConfigured, loadConfig, slackConfigured } from "./config.ts";
import { createLogger } from "./logger.ts";
import { type HealthRoute, startHealthServer } from "./ops/health.ts";
import { stopSignal } from "./ops/lifecycle.ts";
import { createOperations } from "./ops/operations.ts";
import { appVersion, type StartupFacts, startupLine } from "./ops/startup-line.ts";
import { startScheduler } from "./scheduler/cron.ts";
import { fullReplanSchedule } from "./scheduler/full-replan.ts";
import { runRetention } from "./scheduler/retention.ts";
import { runTick } from "./scheduler/tick.ts";
import { isPostgresUrl, openDatabase, providerOf, sqlitePath } from "./store/open-database.ts";
import { releaseClaims } from "./store/outbox.ts";
import { claimSqliteFile } from "./store/sqlite-owner.ts";

/** Composition root: the only place that picks concrete classes. */
async function main(): Promise<boolean> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // One bot process per SQLite file (src/store/sqlite-owner.ts); PostgreSQL shares its work between processes.
  const release = isPostgresUrl(config.DATABASE_URL) ? () => {} : claimSqliteFile(sqlitePath(config.DATABASE_URL));
  const db = await openDatabase(config.DATABASE_URL);
  const platforms = slackConfigured(config) || discordConfigured(config);
  try {
    if (platforms) await runPlatforms(config, { db, clock: systemClock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE });
    else await runConsoleChat(config, { db, logger });
  } finally {
    await db.$disconnect();
    release();
  }
  return platforms;
}

/**
 * With platform tokens: the adapters (Slack, Discord or both), the health and metrics endpoints, and the
 * scheduler delivering each reminder through its set's platform, until SIGTERM or SIGINT stops it
 * gracefully (src/ops/lifecycle.ts): commands refused, no new claims, the work in flight finished
 * within 10 s, unfinished claims handed back at once, connections closed.
 */
async function runPlatforms(config: Config, base: Deps): Promise<void> {
  const ops = createOperations(base.db, base.clock);
  const deps: Deps = { ...base, ops: ops.hooks };
  // Listening before the adapters start: a signal during start-up then stops cleanly too.
  const stopped = stopSignal(deps.logger);
  const slack = slackConfigured(config) ? createSlackAdapter(deps, handlers, slackOptions(config, ops.routes)) : null;
  const discord = discordConfigured(config) ? createDiscordAdapter(deps, handlers, discordOptions(config)) : null;
  const adapters: Adapter[] = [slack, discord].filter((a) => a !== null);
  for (const adapter of adapters)
    if (adapter.notReady) ops.addCheck({ name: adapter.platform, notReady: () => adapter.notReady?.() ?? [] });
  if (discord) ops.metrics.watchShards(() => discord.shardHealth());
  // Slack serves the endpoints through Bolt on PORT; HEALTH_PORT (or PORT without Slack) gets a server of its own.
  const ownPort = config.HEALTH_PORT ?? (slack ? undefined : config.PORT);
  const health = ownPort !== undefined && !(slack && ownPort === config.PORT) ? await startHealthServer(ownPort, ops.routes) : null;

  const startAll = async () => {
    for (const adapter of adapters) await adapter.start();
  };
  if ((await Promise.race([startAll().then(() => "started" as const), stopped])) === "started") {
    const discordShards = discord?.shards() ?? null;
    const held = new Set<string>();
    const scope = { platforms: adapters.map((a) => a.platform), ...(discordShards ? { discordShards } : {}) };
    const scheduler = { ...deps, scope, signal: ops.lifecycle.signal, held, concurrency: config.DELIVERY_CONCURRENCY };
    const sink = deliverByPlatform(adapters);
    const scopeOf = fullReplanSchedule(deps.db);
    const stopScheduler = startScheduler(
      () =>
        ops.lifecycle.track(async () => {
          const now = deps.clock.now();
          const planning = await scopeOf(now);
          await ops.metrics.timeTick(() => runTick(scheduler, sink, now, planning));
          if (!ops.lifecycle.stopping) await runRetention(deps, now, config.OUTBOX_RETENTION_DAYS);
        }),
      deps.logger,
      config.SCHEDULER_CRON,
    );
    const where = slack ? `port ${config.PORT} (through Bolt)${health ? ` and port ${health.port}` : ""}` : health && `port ${health.port}`;
    const described = [
      ...(slack ? [config.SLACK_APP_TOKEN ? "slack (socket mode)" : `slack (http on port ${slack.port() ?? config.PORT})`] : []),
      ...(discord ? [describeShards(discordShards)] : []),
    ];
    const facts = { database: providerOf(deps.db), adapters: described, health: where, retentionDays: config.OUTBOX_RETENTION_DAYS };
    logStartup(deps.logger, config, facts, true);

    await stopped;
    ops.lifecycle.beginStop();
    await stopScheduler();
    const drained = await ops.lifecycle.drain();
    const handedBack = await releaseClaims(deps.db, [...held]);
    deps.logger.info({ drained, handedBack }, drained ? "stopping: work in flight finished" : "stopping: grace period over");
  } else ops.lifecycle.beginStop(); // stopped while still connecting
  for (const adapter of adapters)
    await adapter
      .stop()
      .catch((error: unknown) => deps.logger.warn({ err: error, platform: adapter.platform }, "adapter did not stop cleanly"));
  await health?.close();
}

function describeShards(shards: DiscordShards | null): string {
  return shards ? `discord (shards ${shards.ids.join(",")} of ${shards.count})` : "discord (unsharded)";
}

function slackOptions(config: Config, routes: HealthRoute[]): SlackOptions {
  return {
    signingSecret: config.SLACK_SIGNING_SECRET!,
    port: config.PORT,
    routes,
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

/**
 * Logs the start-up line at info. A platform process logs it at the default level (warn) too, unless
 * silent; the console only at LOG_LEVEL=info or below, so that a script's stderr stays clean.
 */
function logStartup(logger: Logger, config: Config, facts: Omit<StartupFacts, "version" | "schedulerCron">, loud: boolean): void {
  const { fields, message } = startupLine({ version: appVersion(), schedulerCron: config.SCHEDULER_CRON, ...facts });
  const quiet = !loud || logger.isLevelEnabled("info") || config.LOG_LEVEL === "silent";
  (quiet ? logger : logger.child({}, { level: "info" })).info(fields, message);
}

/**
 * Without tokens: the local console chat. A script gets a frozen clock; a person at a terminal gets real time.
 * With HEALTH_PORT, the health and metrics endpoints are served there while it runs (off by default).
 */
async function runConsoleChat(config: Config, deps: Pick<Deps, "db" | "logger">): Promise<void> {
  const interactive = process.stdin.isTTY === true;
  const clock = interactive ? new ShiftedClock() : new ManualClock(new Date());
  if (config.CONSOLE_START) clock.set(new Date(config.CONSOLE_START));
  const ops = config.HEALTH_PORT !== undefined ? createOperations(deps.db, clock) : null;
  const health = ops ? await startHealthServer(config.HEALTH_PORT!, ops.routes) : null;
  const chatDeps = { ...deps, clock, defaultTimeZone: config.DEFAULT_TIME_ZONE, ...(ops ? { ops: ops.hooks } : {}) };
  const chat = new ConsoleChat(chatDeps, handlers, config.FILES_DIR);
  const print = (lines: string[]) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  };
  const stop = interactive ? startScheduler(async () => print(await chat.tick()), deps.logger, config.SCHEDULER_CRON) : null;
  const facts = { database: providerOf(deps.db), adapters: ["console"], health: health && `port ${health.port}`, retentionDays: null };
  logStartup(deps.logger, config, facts, false);
  await runConsole(chat, process.stdin, process.stdout, interactive);
  await stop?.();
  await health?.close();
}

main().then(
  (platforms) => {
    // A platform process exits once closed, even if a send that outlived the grace period still holds a socket.
    if (platforms) process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
