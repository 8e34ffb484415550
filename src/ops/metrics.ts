import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CommandDone, CommandOutcome, ReminderStatus } from "./hooks.ts";

/** A Discord shard this process runs, and whether it is ready (connected, heartbeats acknowledged). */
export type ShardReadiness = { id: number; ready: boolean };

/** The outbox's backlog at a moment: reminders not settled, and when the oldest due one was meant to go out. */
export type Backlog = { pending: number; oldestDueAt: Date | null };

/**
 * The bot's Prometheus metrics on their own registry (prom-client): the default process metrics
 * (event-loop lag, memory, CPU, handles) and the `als_*` series listed in docs/deploy.md. Label sets are
 * bounded: platform, command key, outcome, reminder kind and status, shard number.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #commands = new Counter({
    name: "als_commands_total",
    help: "Commands handled, by platform, command and outcome (ok, invalid, denied, refused, error).",
    labelNames: ["platform", "command", "outcome"] as const,
    registers: [this.registry],
  });
  readonly #commandSeconds = new Histogram({
    name: "als_command_duration_seconds",
    help: "Time to handle a command (parse, rules, database), by platform; the platform's reply is not included.",
    labelNames: ["platform"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly #reminders = new Counter({
    name: "als_reminders_total",
    help: "Reminders by platform, kind and status: planned (recorded in the outbox), sent, retried (a failed try to be retried), failed (given up), skipped (stale).",
    labelNames: ["platform", "kind", "status"] as const,
    registers: [this.registry],
  });
  readonly #pending = new Gauge({
    name: "als_outbox_pending",
    help: "Reminders not yet settled (pending, awaiting a retry, or being sent), on every platform of the database.",
    registers: [this.registry],
  });
  readonly #oldest = new Gauge({
    name: "als_outbox_oldest_pending_seconds",
    help: "How late the oldest due, unsettled reminder is, in seconds (0 when none is due).",
    registers: [this.registry],
  });
  readonly #tickSeconds = new Histogram({
    name: "als_tick_duration_seconds",
    help: "Time a scheduler tick takes (plan, record, deliver).",
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly #rateLimited = new Counter({
    name: "als_platform_rate_limited_total",
    help: "Times a platform's client had to wait for a rate limit, by platform.",
    labelNames: ["platform"] as const,
    registers: [this.registry],
  });
  readonly #shardReady = new Gauge({
    name: "als_discord_shard_ready",
    help: "1 when a Discord shard this process runs is ready (connected, last heartbeat acknowledged within a minute), else 0.",
    labelNames: ["shard"] as const,
    registers: [this.registry],
  });
  #shards: () => ShardReadiness[] = () => [];

  /** `backlog` is read at each scrape (it is the shared outbox's, so every process reports the same). */
  constructor(private readonly backlog: (now: Date) => Promise<Backlog>) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Starts timing a command on `platform`; the function returned records its end. */
  commandStarted(platform: string): CommandDone {
    const stopTimer = this.#commandSeconds.startTimer({ platform });
    return (command: string, outcome: CommandOutcome) => {
      stopTimer();
      this.#commands.inc({ platform, command, outcome });
    };
  }

  reminders(platform: string, kind: string, status: ReminderStatus, count = 1): void {
    this.#reminders.inc({ platform, kind, status }, count);
  }

  rateLimited(platform: string): void {
    this.#rateLimited.inc({ platform });
  }

  /** Runs one scheduler tick, timing it. */
  async timeTick<T>(tick: () => Promise<T>): Promise<T> {
    const stopTimer = this.#tickSeconds.startTimer();
    try {
      return await tick();
    } finally {
      stopTimer();
    }
  }

  /** Where the Discord shards' readiness comes from (the Discord adapter, once created). */
  watchShards(shards: () => ShardReadiness[]): void {
    this.#shards = shards;
  }

  /**
   * The metrics in Prometheus's text format, with the outbox backlog and shard readiness read now. A
   * database that does not answer leaves the backlog gauges at their last values (readiness reports it).
   */
  async render(now: Date): Promise<{ contentType: string; body: string }> {
    try {
      const { pending, oldestDueAt } = await this.backlog(now);
      this.#pending.set(pending);
      this.#oldest.set(oldestDueAt ? Math.max(0, (now.getTime() - oldestDueAt.getTime()) / 1000) : 0);
    } catch {
      // keep the last values
    }
    for (const { id, ready } of this.#shards()) this.#shardReady.set({ shard: String(id) }, ready ? 1 : 0);
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
