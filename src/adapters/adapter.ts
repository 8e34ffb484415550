import type { CommandInput } from "../app/context.ts";
import { type CommandPlace, type Delivery, type Destination, destinationOf } from "../app/destination.ts";
import type { Outgoing, Reply } from "../app/reply.ts";
import type { DmChannel, NudgeSink } from "../scheduler/deliver.ts";

/**
 * A platform's name: "console", or its key in the registry (src/adapters/platforms.ts). A set lives on exactly one
 * platform, and each has one adapter.
 */
export type Platform = CommandInput["platform"];

/**
 * How a message is sent, besides where and what. `key`: a reminder's lasting identity, for platforms that
 * de-duplicate sends (Discord's nonce). `dm`: a DM recipient's cached channel (opened and saved by the adapter when
 * there is none, or a stale one); without it a DM channel is opened for the send.
 */
export type SendOptions = { key?: string; dm?: DmChannel };

/**
 * What every front end is: the one port between the core and a platform. It turns its platform's events into the
 * core's (`interpret`, then dispatch; its own business, started by `start`) and sends what the core gives it through
 * `send`: a command's replies and the scheduler's reminders alike. `send` throws when the platform refuses (for a
 * reminder: "not delivered, try again") and resolves with the platform's id for the (first) posted message when it
 * gives one. `deliver` is the scheduler's NudgeSink over `send` (`withDeliver`).
 */
export interface Adapter extends NudgeSink {
  readonly platform: Platform;
  /** Connects to the platform; resolves once commands can arrive. */
  start(): Promise<void>;
  /** Disconnects. Work in flight may be cut short; the outbox retries what was not marked sent. */
  stop(): Promise<void>;
  send(destination: Destination, reply: Reply, options?: SendOptions): Promise<string | undefined>;
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

/** A reminder sent through `send`: its destination and reply, with its key and its recipient's cached DM channel. */
export function deliverThrough(send: Adapter["send"]): NudgeSink["deliver"] {
  return (delivery: Delivery, key: string, dm?: DmChannel) => send(delivery, delivery.reply, { key, ...(dm ? { dm } : {}) });
}

/** An adapter without its `deliver`, given the one every adapter has: its reminders go through its own `send`. */
export function withDeliver<A extends Omit<Adapter, "deliver">>(adapter: A): A & Pick<Adapter, "deliver"> {
  return Object.assign(adapter, { deliver: deliverThrough(adapter.send) });
}

/**
 * Sends a command's replies in order, each to its destination from where the command ran; `options` go with each
 * send (a platform's own, such as the interaction a Discord reply answers).
 */
export async function sendReplies<O extends SendOptions>(
  send: (destination: Destination, reply: Reply, options?: O) => Promise<unknown>,
  outgoing: readonly Outgoing[],
  place: CommandPlace,
  options?: O,
): Promise<void> {
  for (const out of outgoing) await send(destinationOf(out, place), out.reply, options);
}

/**
 * The scheduler's sink for several adapters: each reminder (and event write) goes to the adapter of its set's platform. A reminder
 * for a platform this process does not run throws (the claim scope should have left it to another process).
 */
export function deliverByPlatform(adapters: readonly Adapter[]): NudgeSink {
  return {
    deliver: async (delivery, key, dm) => {
      const target = adapters.find((a) => a.platform === delivery.platform);
      if (!target) throw new Error(`no adapter running for platform "${delivery.platform}"`);
      return target.deliver(delivery, key, dm);
    },
    writeEvent: async (write, ref) => {
      const target = adapters.find((a) => a.platform === write.platform);
      if (!target?.writeEvent) throw new Error(`no adapter running writes events for platform "${write.platform}"`);
      return target.writeEvent(write, ref);
    },
    ...dmsAheadOf(adapters),
    paceOf: (delivery) => adapters.find((a) => a.platform === delivery.platform)?.paceOf?.(delivery) ?? 0,
    onRateLimited: (listener) => {
      const stops = adapters.map((a) => a.onRateLimited?.(listener));
      return () => {
        for (const stop of stops) stop?.();
      };
    },
  };
}

/** The adapters' openings of DMs ahead of need, as one: each platform's to its adapter; none when no adapter has one. */
function dmsAheadOf(adapters: readonly Adapter[]): Pick<NudgeSink, "dmsAhead"> {
  const byPlatform = new Map(adapters.flatMap((a) => (a.dmsAhead ? a.dmsAhead.platforms.map((p) => [p, a.dmsAhead!] as const) : [])));
  if (byPlatform.size === 0) return {};
  return {
    dmsAhead: {
      platforms: [...byPlatform.keys()],
      open: (platform, workspaceId, userId) => byPlatform.get(platform)?.open(platform, workspaceId, userId) ?? Promise.resolve(null),
    },
  };
}
