import { Client, type ClientOptions, Events, GatewayIntentBits, Partials, type RateLimitData, RESTEvents } from "discord.js";
import type { Deps } from "../../app/context.ts";
import type { Destination } from "../../app/destination.ts";
import type { HandlerIndex } from "../../app/dispatch.ts";
import type { Reply } from "../../app/reply.ts";
import { type Adapter, withDeliver } from "../adapter.ts";
import { withStoredDm } from "../dm-cache.ts";
import { DISCORD_REST_LIMITS, type DiscordRestLimits } from "../send-limits.ts";
import { type DiscordSendOptions, sendToDiscord } from "./deliver.ts";
import { type ShardHealth, watchGateway } from "./gateway-health.ts";
import { registerListeners } from "./listeners/index.ts";
import { writeScheduledEvent } from "./scheduled-events.ts";
import { type DiscordShards, shardOf } from "./shard.ts";

export type DiscordOptions = {
  token: string;
  /** The REST base (default Discord's own); the gateway URL then comes from its `GET /gateway/bot`. */
  apiUrl?: string;
  /**
   * Internal sharding: `auto` runs every shard Discord recommends (its `GET /gateway/bot`); a count runs
   * `ids` of them (default: all). Unset: one unsharded connection.
   */
  shards?: "auto" | { count: number; ids?: number[] };
  /**
   * The REST client's retries and time limit per try (default DISCORD_REST_LIMITS); whatever is given must end
   * before the outbox gives a send up (../send-limits.ts). Tests shrink both with the outbox's time limit.
   */
  restLimits?: DiscordRestLimits;
};

/** The Discord adapter, its discord.js client (for tests), and the shards it runs. */
export type DiscordAdapter = Adapter & {
  client: Client;
  /** The shards this process runs, known once `start()` has resolved; null when not sharded. */
  shards(): DiscordShards | null;
  /** What keeps the adapter from being ready (a shard not connected, or silent for a minute); empty when ready. */
  notReady(): string[];
  /** Each shard this process runs and whether it is ready (shard 0 alone when not sharded). */
  shardHealth(): ShardHealth[];
};

/**
 * The Discord adapter on discord.js, with the Guilds and GuildScheduledEvents intents: native slash commands (from
 * commands/), buttons, the entry modal and command forms (`/feedback`), autocomplete, reminder delivery, and the
 * meetings' scheduled events (written from the outbox; a mark of Interested offers the RSVP buttons). Commands that
 * may take time are deferred first.
 */
export function createDiscordAdapter(deps: Deps, handlers: HandlerIndex, opts: DiscordOptions): DiscordAdapter {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildScheduledEvents],
    // An Interested mark names an event and a user discord.js may not hold (events are written over REST).
    partials: [Partials.GuildScheduledEvent, Partials.User],
    // Bounded so that no try outlives the outbox's time limit for a send (../send-limits.ts).
    rest: { ...(opts.restLimits ?? DISCORD_REST_LIMITS), ...(opts.apiUrl ? { api: opts.apiUrl } : {}) },
    ...shardOptions(opts.shards),
  });
  const gateway = watchGateway(client, deps.clock);
  // A wait for a rate limit: a request held back because its bucket is used up, or a 429 answered (then retried).
  client.rest.on(RESTEvents.RateLimited, () => deps.ops?.rateLimited("discord"));
  client.rest.on(RESTEvents.Response, (_request, response) => void (response.status === 429 && deps.ops?.rateLimited("discord")));

  const shards = (): DiscordShards | null => {
    if (!opts.shards) return null;
    const { shards: ids, shardCount } = client.options;
    if (!Array.isArray(ids) || shardCount === undefined) throw new Error("the Discord shards are known only once start() has resolved");
    return { count: shardCount, ids: [...ids] };
  };

  /** The claim already leaves other shards' guilds to their processes; this guards against a wrong scope. */
  const refuseOtherShards = (guildId: string) => {
    const own = shards();
    if (!own) return;
    const shard = shardOf(guildId, own.count);
    if (!own.ids.includes(shard))
      throw new Error(
        `reminder for guild ${guildId} belongs to shard ${shard} of ${own.count}, and this process runs shards ${own.ids.join(",")}`,
      );
  };

  const send = async (destination: Destination, reply: Reply, options: DiscordSendOptions = {}) => {
    // A send that answers no interaction of this process is a reminder: it must be for a guild of its shards.
    if (!options.answering) refuseOtherShards(destination.workspaceId);
    // A reply by DM without a reminder's cached channel uses the person's cached one (../dm-cache.ts).
    return sendToDiscord(client, destination, reply, await withStoredDm(deps.db, destination, options, false));
  };
  registerListeners({ deps, handlers, client, send });

  return withDeliver<Omit<DiscordAdapter, "deliver">>({
    platform: "discord",
    client,
    send,
    writeEvent: (write, ref) => {
      refuseOtherShards(write.workspaceId);
      return writeScheduledEvent(client, write, ref);
    },
    // Every DM opens on one route (POST /users/@me/channels), one at a time: idle ticks open them ahead of need.
    dmsAhead: {
      platforms: ["discord"],
      open: async (_platform, guildId, userId) => {
        const own = shards();
        if (own && !own.ids.includes(shardOf(guildId, own.count))) return null;
        return (await client.users.createDM(userId)).id;
      },
    },
    onRateLimited: (listener) => {
      // @discordjs/rest queues each request on its bucket and on the global 50 a second; this reports each hold-back.
      const onLimit = (info: RateLimitData) => listener("discord", info.retryAfter || info.timeToReset);
      client.rest.on(RESTEvents.RateLimited, onLimit);
      return () => void client.rest.off(RESTEvents.RateLimited, onLimit);
    },
    start: async () => {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(opts.token);
      await ready;
      deps.logger.info({ shards: shards() }, "Discord adapter started");
    },
    stop: () => client.destroy(),
    shards,
    notReady: () => gateway.shards().flatMap((s) => (s.problem ? [s.problem] : [])),
    shardHealth: () => gateway.shards(),
  });
}

/** discord.js's options for our sharding setting: a count runs all its shards unless `ids` picks some. */
function shardOptions(shards: DiscordOptions["shards"]): Pick<ClientOptions, "shards" | "shardCount"> {
  if (!shards) return {};
  if (shards === "auto") return { shards: "auto" };
  return { shards: shards.ids ?? Array.from({ length: shards.count }, (_, i) => i), shardCount: shards.count };
}
