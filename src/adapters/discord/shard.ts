/** The shards one process runs: `count` in all, of which `ids` here (each below `count`). */
export type DiscordShards = { count: number; ids: number[] };

/**
 * Discord's rule for which shard carries a guild: `(guild_id >> 22) % shard_count`, i.e. the guild's
 * creation time in milliseconds modulo the count. Ids are 64-bit, so the arithmetic is on BigInt.
 * Throws on an id that is not a snowflake (digits only).
 */
export function shardOf(guildId: string, count: number): number {
  if (!/^\d+$/.test(guildId)) throw new Error(`not a Discord guild id: "${guildId}"`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`shard count must be a whole number from 1, not ${count}`);
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}
