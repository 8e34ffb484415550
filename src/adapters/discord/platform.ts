import { z } from "zod";
import { platformEntry } from "../platform-entry.ts";
import { createDiscordAdapter, type DiscordOptions } from "./create-discord-adapter.ts";

/** Discord's variables (see .env.example); DISCORD_GUILD_ID is read by `npm run commands:deploy`. */
const env = {
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d+$/, "DISCORD_APPLICATION_ID is the application's numeric id").optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/, "DISCORD_GUILD_ID is a server's numeric id").optional(),
  DISCORD_API_URL: z.url("DISCORD_API_URL must be a URL, e.g. https://discord.com/api").optional(),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(
      /^(auto|[1-9]\d{0,4})$/,
      "DISCORD_SHARDS must be the total shard count (a whole number from 1) or auto (Discord's recommendation)",
    )
    .transform((s) => (s === "auto" ? ("auto" as const) : Number(s)))
    .optional(),
  DISCORD_SHARD_IDS: z
    .string()
    .regex(/^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$/, "DISCORD_SHARD_IDS must be shard ids separated by commas, e.g. 0,1")
    .transform((s) => s.split(",").map(Number))
    .optional(),
};

type DiscordSettings = z.infer<z.ZodObject<typeof env>>;

/** Discord on discord.js: configured by a bot token and its application id, sharded by DISCORD_SHARDS and DISCORD_SHARD_IDS. */
export const discordPlatform = platformEntry({
  env,
  problems: (s) => [
    ...(Boolean(s.DISCORD_TOKEN) !== Boolean(s.DISCORD_APPLICATION_ID) ? ["DISCORD_TOKEN and DISCORD_APPLICATION_ID go together"] : []),
    ...shardProblems(s),
  ],
  configured: (s) => Boolean(s.DISCORD_TOKEN && s.DISCORD_APPLICATION_ID),
  // Discord exposes no user's time zone: the first reminder DM asks for it.
  asksForZone: true,
  create: ({ deps, handlers }, s) => createDiscordAdapter(deps, handlers, discordOptions(s)),
  describe: (adapter) => {
    const shards = adapter.shards();
    return shards ? `discord (shards ${shards.ids.join(",")} of ${shards.count})` : "discord (unsharded)";
  },
  claimScope: (adapter) => {
    const discordShards = adapter.shards();
    return discordShards ? { discordShards } : {};
  },
  watch: (adapter, metrics) => metrics.watchShards(() => adapter.shardHealth()),
  meetingEvents: true,
});

function discordOptions(s: DiscordSettings): DiscordOptions {
  return {
    token: s.DISCORD_TOKEN!,
    ...(s.DISCORD_API_URL ? { apiUrl: s.DISCORD_API_URL } : {}),
    ...(s.DISCORD_SHARDS ? { shards: s.DISCORD_SHARDS === "auto" ? "auto" : { count: s.DISCORD_SHARDS, ids: s.DISCORD_SHARD_IDS } } : {}),
  };
}

/** What is wrong with the shard settings, if anything: ids need a numeric count, each id below it, once. */
function shardProblems({ DISCORD_SHARDS: count, DISCORD_SHARD_IDS: ids, DISCORD_TOKEN: token }: DiscordSettings): string[] {
  if ((count !== undefined || ids) && !token)
    return ["DISCORD_SHARDS and DISCORD_SHARD_IDS need DISCORD_TOKEN (they configure the Discord adapter)"];
  if (!ids) return [];
  if (typeof count !== "number")
    return [`DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the total shard count (a number${count === "auto" ? ", not auto" : ""})`];
  const outside = ids.filter((id) => id >= count);
  if (outside.length)
    return [`DISCORD_SHARD_IDS: shard ids run from 0 to ${count - 1} with DISCORD_SHARDS=${count}, so ${outside.join(", ")} cannot be run`];
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  return repeated.length ? [`DISCORD_SHARD_IDS lists shard ${repeated[0]} more than once`] : [];
}
