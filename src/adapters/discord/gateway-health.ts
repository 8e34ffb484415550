import { type Client, Events, Status } from "discord.js";
import type { Clock } from "../../clock.ts";

/** A shard counts as alive while its last heartbeat was acknowledged (or it became ready) this recently. */
const HEARTBEAT_STALE_MS = 60_000;

/** One shard this process runs: whether it is ready, and if not, why. */
export type ShardHealth = { id: number; ready: boolean; problem: string | null };

/**
 * Watches a discord.js client's gateway shards: `shards()` says, for every shard this process runs,
 * whether it is ready — connected, READY received, and a heartbeat acknowledged (or READY/RESUMED)
 * within the last minute, so a gateway that dies silently shows within a minute. Call before `login`.
 */
export function watchGateway(client: Client, clock: Clock): { shards(): ShardHealth[] } {
  /** When each shard last became ready or resumed (the first heartbeat comes up to ~41 s later). */
  const readyAt = new Map<number, number>();
  const stamp = (id: number) => readyAt.set(id, clock.now().getTime());
  client.on(Events.ShardReady, stamp);
  client.on(Events.ShardResume, stamp);

  const expected = (): number[] => {
    const ids = client.options.shards;
    if (Array.isArray(ids)) return ids;
    if (typeof ids === "number") return [ids];
    return client.ws.shards.size ? [...client.ws.shards.keys()] : [0]; // "auto" before the gateway said how many
  };

  return {
    shards: () =>
      expected().map((id): ShardHealth => {
        const shard = client.ws.shards.get(id);
        if (!shard) return { id, ready: false, problem: `shard ${id}: not connected yet` };
        if (shard.status !== Status.Ready)
          return { id, ready: false, problem: `shard ${id}: ${describe(shard.status)} (status ${Status[shard.status]})` };
        const ackedAt = shard.lastPingTimestamp > 0 ? shard.lastPingTimestamp + Math.max(0, shard.ping) : 0;
        const alive = Math.max(ackedAt, readyAt.get(id) ?? 0);
        const silent = clock.now().getTime() - alive;
        if (silent > HEARTBEAT_STALE_MS)
          return { id, ready: false, problem: `shard ${id}: no heartbeat acknowledged for ${Math.round(silent / 1000)} s` };
        return { id, ready: true, problem: null };
      }),
  };
}

function describe(status: Status): string {
  switch (status) {
    case Status.Identifying:
    case Status.WaitingForGuilds:
      return "connected, waiting for READY and its servers";
    case Status.Connecting:
    case Status.Reconnecting:
    case Status.Resuming:
      return "connecting to the gateway";
    case Status.Disconnected:
      return "disconnected and not reconnecting";
    default:
      return "not connected";
  }
}
