import type { Logger } from "pino";
import { type Adapter, deliverByPlatform } from "./adapters/adapter.ts";
import { calendarFeedRoute } from "./adapters/calendar/feed-route.ts";
import { ConsoleChat } from "./adapters/console/console-chat.ts";
import { runConsole } from "./adapters/console/run-console.ts";
import { platformEntries, platformsAskingZone } from "./adapters/platforms.ts";
import type { Deps } from "./app/context.ts";
import { handlers } from "./app/handlers/index.ts";
import { ManualClock, ShiftedClock, systemClock } from "./clock.ts";
import { type Config, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startHealthServer } from "./ops/health.ts";
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

/** Composition root: the only place that picks concrete classes. Resolves with whether the process should exit now. */
async function main(): Promise<boolean> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // One bot process per SQLite file (src/store/sqlite-owner.ts); PostgreSQL shares its work between processes.
  const release = isPostgresUrl(config.DATABASE_URL) ? () => {} : claimSqliteFile(sqlitePath(config.DATABASE_URL));
  const db = await openDatabase(config.DATABASE_URL);
  const configured = platformEntries().filter(([, entry]) => entry.configured(config));
  try {
    if (configured.length === 0) return await runConsoleChat(config, { db, logger });
    await runPlatforms(config, configured, { db, clock: systemClock, logger, defaultTimeZone: config.DEFAULT_TIME_ZONE });
    return true;
  } finally {
    await db.$disconnect();
    release();
  }
}

/** A configured platform's entry with the adapter it created. */
type Running = { entry: ReturnType<typeof platformEntries>[number][1]; adapter: Adapter };

/**
 * With platform tokens: the configured platforms' adapters (src/adapters/platforms.ts), the health and metrics
 * endpoints, and the scheduler delivering each reminder through its set's platform, until SIGTERM or SIGINT stops it
 * gracefully (src/ops/lifecycle.ts): commands refused, no new claims, the work in flight finished within 10 s,
 * unfinished claims handed back at once, connections closed.
 */
async function runPlatforms(config: Config, configured: ReturnType<typeof platformEntries>, base: Deps): Promise<void> {
  const ops = createOperations(base.db, base.clock);
  // Every platform mode serves the calendar feeds: through Bolt when Slack runs, else on the health server.
  const deps: Deps = {
    ...base,
    ops: ops.hooks,
    ...(config.PUBLIC_URL ? { feedBaseUrl: config.PUBLIC_URL } : {}),
    eventPlatforms: configured.filter(([, entry]) => entry.meetingEvents).map(([name]) => name),
  };
  const feed = calendarFeedRoute(deps);
  // Listening before the adapters start: a signal during start-up then stops cleanly too.
  const stopped = stopSignal(deps.logger);
  const running: Running[] = configured.map(([, entry]) => ({
    entry,
    adapter: entry.create({ deps, handlers, routes: [...ops.routes, feed] }, config),
  }));
  const adapters = running.map((r) => r.adapter);
  for (const { entry, adapter } of running) {
    if (adapter.notReady) ops.addCheck({ name: adapter.platform, notReady: () => adapter.notReady?.() ?? [] });
    entry.watch?.(adapter, ops.metrics);
  }
  // A platform that serves HTTP serves the endpoints and the calendar feeds too (Slack through Bolt on PORT);
  // HEALTH_PORT (or PORT when none does) gets a server of its own, which serves the feeds when no platform does.
  const served = running.flatMap(({ entry }) => (entry.serves ? [entry.serves(config)] : []));
  const ownPort = config.HEALTH_PORT ?? (served.length ? undefined : config.PORT);
  const ownRoutes = served.length ? ops.routes : [...ops.routes, feed];
  const health = ownPort !== undefined && !served.some((s) => s.port === ownPort) ? await startHealthServer(ownPort, ownRoutes) : null;

  const startAll = async () => {
    for (const adapter of adapters) await adapter.start();
  };
  if ((await Promise.race([startAll().then(() => "started" as const), stopped])) === "started") {
    const held = new Set<string>();
    const scope = Object.assign(
      { platforms: adapters.map((a) => a.platform) },
      ...running.map(({ entry, adapter }) => entry.claimScope?.(adapter) ?? {}),
    );
    const scheduler = {
      ...deps,
      scope,
      signal: ops.lifecycle.signal,
      held,
      concurrency: config.DELIVERY_CONCURRENCY,
      dmsTried: new Set<string>(),
      abandoned: new Map(),
      askZoneOn: platformsAskingZone(),
    };
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
    const where = [...served.map((s) => s.where), ...(health ? [`port ${health.port}`] : [])].join(" and ") || null;
    const described = running.map(({ entry, adapter }) => entry.describe(adapter, config));
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
 * With HEALTH_PORT, the health and metrics endpoints are served there while it runs (off by default), and the
 * calendar feeds with them (their URLs need PUBLIC_URL as well). SIGTERM or SIGINT stops it as they stop a platform
 * process: the line being handled finishes its send in flight and starts no other, no further line is read, the
 * claims not begun are handed back. Resolves with whether a signal stopped it.
 */
async function runConsoleChat(config: Config, deps: Pick<Deps, "db" | "logger">): Promise<boolean> {
  const stopping = new AbortController();
  void stopSignal(deps.logger).then(() => stopping.abort());
  const held = new Set<string>();
  const interactive = process.stdin.isTTY === true;
  const clock = interactive ? new ShiftedClock() : new ManualClock(new Date());
  if (config.CONSOLE_START) clock.set(new Date(config.CONSOLE_START));
  const ops = config.HEALTH_PORT !== undefined ? createOperations(deps.db, clock) : null;
  const feed = calendarFeedRoute({ ...deps, clock });
  const health = ops ? await startHealthServer(config.HEALTH_PORT!, [...ops.routes, feed]) : null;
  const chatDeps = {
    ...deps,
    clock,
    defaultTimeZone: config.DEFAULT_TIME_ZONE,
    ...(ops ? { ops: ops.hooks } : {}),
    ...(health && config.PUBLIC_URL ? { feedBaseUrl: config.PUBLIC_URL } : {}),
  };
  const chat = new ConsoleChat(chatDeps, handlers, config.FILES_DIR, { signal: stopping.signal, held });
  const print = (lines: string[]) => {
    for (const line of lines) process.stdout.write(`${line}\n`);
  };
  const stop = interactive ? startScheduler(async () => print(await chat.tick(print)), deps.logger, config.SCHEDULER_CRON) : null;
  const facts = { database: providerOf(deps.db), adapters: ["console"], health: health && `port ${health.port}`, retentionDays: null };
  logStartup(deps.logger, config, facts, false);
  await runConsole(chat, process.stdin, process.stdout, interactive, stopping.signal);
  await stop?.();
  await releaseClaims(deps.db, [...held]);
  await health?.close();
  return stopping.signal.aborted;
}

main().then(
  (stopped) => {
    // A platform process exits once closed, even if a send that outlived the grace period still holds a socket;
    // a console stopped by a signal exits too, though its input is still open.
    if (stopped) process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
