import type { Logger } from "pino";
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
import { startHealthServer } from "./ops/health.ts";
import { stopSignal } from "./ops/lifecycle.ts";
import { createOperations, type Operations } from "./ops/operations.ts";
import { appVersion, type StartupFacts, startupLine } from "./ops/startup-line.ts";
import { startScheduler } from "./scheduler/cron.ts";
import { runRetention } from "./scheduler/retention.ts";
import { type NudgeSink, runTick } from "./scheduler/tick.ts";
import { openDatabase, providerOf } from "./store/open-database.ts";
import { releaseClaims } from "./store/outbox.ts";

/** Composition root: the only place that picks concrete classes. */
async function main(): Promise<boolean> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config.DATABASE_URL);
  const platforms = slackConfigured(config) || discordConfigured(config);
  try {
    if (platforms) await runPlatforms(config, { db, clock: systemClock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE });
    else await runConsoleChat(config, { db, logger });
  } finally {
    await db.$disconnect();
  }
  return platforms;
}

/** A started platform adapter, as the scheduler and the stop see it. */
type Running = { platform: string; sink: NudgeSink; stop: () => Promise<void> };

/**
 * With platform tokens: the adapters (Slack, Discord or both), the health and metrics endpoints, and the
 * scheduler delivering each reminder through its set's platform, until SIGTERM or SIGINT stops it
 * gracefully (src/ops/lifecycle.ts): commands refused, no new claims, the work in flight finished
 * within 10 s, unfinished claims handed back at once, connections closed.
 */
async function runPlatforms(config: Config, base: Deps): Promise<void> {
  const ops = createOperations(base.db, base.clock);
  const deps: Deps = { ...base, ops: ops.hooks };
  const stopped = stopSignal(deps.logger);
  // Slack serves the endpoints through Bolt on PORT; HEALTH_PORT (or PORT without Slack) gets a server of its own.
  const ownPort = config.HEALTH_PORT ?? (slackConfigured(config) ? undefined : config.PORT);
  const health =
    ownPort !== undefined && !(slackConfigured(config) && ownPort === config.PORT) ? await startHealthServer(ownPort, ops.routes) : null;
  const adapters: Running[] = [];
  const started = await Promise.race([startAdapters(config, deps, ops, adapters), stopped.then(() => null)]);
  if (started) {
    const held = new Set<string>();
    const sink: NudgeSink = {
      deliver: async (d, key) => {
        const target = adapters.find((a) => a.platform === d.platform);
        if (!target) throw new Error(`no adapter running for platform "${d.platform}"`);
        return target.sink.deliver(d, key);
      },
    };
    const scope = {
      platforms: adapters.map((a) => a.platform),
      ...(started.discordShards ? { discordShards: started.discordShards } : {}),
    };
    const scheduler = { ...deps, scope, signal: ops.lifecycle.signal, held };
    const stopScheduler = startScheduler(
      () =>
        ops.lifecycle.track(async () => {
          const now = deps.clock.now();
          await ops.metrics.timeTick(() => runTick(scheduler, sink, now));
          if (!ops.lifecycle.stopping) await runRetention(deps, now, config.OUTBOX_RETENTION_DAYS);
        }),
      deps.logger,
      config.SCHEDULER_CRON,
    );
    const where = slackConfigured(config)
      ? `port ${config.PORT} (through Bolt)${health ? ` and port ${health.port}` : ""}`
      : health && `port ${health.port}`;
    const facts = {
      database: providerOf(deps.db),
      adapters: started.described,
      health: where,
      retentionDays: config.OUTBOX_RETENTION_DAYS,
    };
    logStartup(deps.logger, config, facts, true);

    await stopped;
    ops.lifecycle.beginStop();
    await stopScheduler();
    const drained = await ops.lifecycle.drain();
    const handedBack = await releaseClaims(deps.db, [...held]);
    deps.logger.info({ drained, handedBack }, drained ? "stopping: work in flight finished" : "stopping: grace period over");
  } else ops.lifecycle.beginStop(); // stopped while still connecting
  for (const a of adapters)
    await a.stop().catch((error: unknown) => deps.logger.warn({ err: error, platform: a.platform }, "adapter did not stop cleanly"));
  await health?.close();
}

/**
 * Creates and starts the configured adapters, adding each to `adapters` as soon as it exists (so that a
 * stop during a slow connection still closes it) and its readiness check to `ops`. Resolves with how
 * the start-up line describes them and, for Discord, the shards this process runs.
 */
async function startAdapters(
  config: Config,
  deps: Deps,
  ops: Operations,
  adapters: Running[],
): Promise<{ described: string[]; discordShards: DiscordShards | null }> {
  const described: string[] = [];
  let discordShards: DiscordShards | null = null;
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
      routes: ops.routes,
      socketModePort: config.PORT,
    });
    adapters.push({ platform: "slack", ...slack });
    ops.addCheck({ name: "slack", notReady: () => slack.notReady() });
    await slack.start(config.PORT);
    described.push(config.SLACK_APP_TOKEN ? "slack (socket mode)" : `slack (http on port ${config.PORT})`);
  }
  if (discordConfigured(config)) {
    const discord = createDiscordAdapter(deps, handlers, {
      token: config.DISCORD_TOKEN!,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      ...(config.DISCORD_SHARDS
        ? { shards: config.DISCORD_SHARDS === "auto" ? "auto" : { count: config.DISCORD_SHARDS, ids: config.DISCORD_SHARD_IDS } }
        : {}),
    });
    adapters.push({ platform: "discord", ...discord });
    ops.addCheck({ name: "discord", notReady: () => discord.notReady() });
    ops.metrics.watchShards(() => discord.shardHealth());
    await discord.start();
    discordShards = discord.shards();
    described.push(discordShards ? `discord (shards ${discordShards.ids.join(",")} of ${discordShards.count})` : "discord (unsharded)");
  }
  return { described, discordShards };
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
