import type { CommandInput } from "../app/context.ts";
import type { Delivery } from "../app/render-nudge.ts";
import type { DmChannel, NudgeSink } from "../scheduler/deliver.ts";

/** The platforms the bot runs on; a set lives on exactly one, and each has one adapter. */
export type Platform = CommandInput["platform"];

/**
 * What every front end is. It turns its platform's events into commands and renders their replies (its own
 * business, started by `start`), and it delivers the scheduler's reminders through `deliver`, under the
 * NudgeSink contract: a throw means "not delivered, try again"; the result is the platform's id for the posted
 * message when it gives one; `key` is the reminder's lasting identity, for platforms that de-duplicate sends;
 * `dm` is a DM recipient's cached channel (opened and saved by the adapter when there is none, or a stale one).
 */
export interface Adapter {
  readonly platform: Platform;
  /** Connects to the platform; resolves once commands can arrive. */
  start(): Promise<void>;
  /** Disconnects. Work in flight may be cut short; the outbox retries what was not marked sent. */
  stop(): Promise<void>;
  // biome-ignore lint/suspicious/noConfusingVoidType: a platform that gives no message id returns nothing
  deliver(delivery: Delivery, key: string, dm?: DmChannel): Promise<string | void>;
  /**
   * Calls `listener` with its platform and the wait whenever the platform's client holds requests back for a rate limit (a 429's
   * Retry-After, a used-up bucket); returns the function that stops listening. Optional: see NudgeSink.
   */
  onRateLimited?(listener: (platform: string, waitMs: number) => void): () => void;
  /**
   * What keeps it from being ready (its connection, its credentials), one sentence each; empty when ready.
   * /readyz reports it under the platform's name (src/ops/health.ts). Optional: no answer counts as ready.
   */
  notReady?(): Promise<string[]> | string[];
}

/**
 * The scheduler's sink for several adapters: each reminder goes to the adapter of its set's platform. A reminder
 * for a platform this process does not run throws (the claim scope should have left it to another process).
 */
export function deliverByPlatform(adapters: readonly Adapter[]): NudgeSink {
  return {
    deliver: async (delivery, key, dm) => {
      const target = adapters.find((a) => a.platform === delivery.platform);
      if (!target) throw new Error(`no adapter running for platform "${delivery.platform}"`);
      return target.deliver(delivery, key, dm);
    },
    onRateLimited: (listener) => {
      const stops = adapters.map((a) => a.onRateLimited?.(listener));
      return () => {
        for (const stop of stops) stop?.();
      };
    },
  };
}
