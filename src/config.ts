import { existsSync } from "node:fs";
import { IANAZone } from "luxon";
import cron from "node-cron";
import { z } from "zod";
import { DEFAULT_DELIVERY_CONCURRENCY } from "./scheduler/deliver.ts";

/** Every setting, read once from the environment (and `.env` if present). See .env.example. */
const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a file: URL for SQLite (file:./data/als.db) or a postgres:// URL for PostgreSQL",
    )
    .default("file:./data/als.db"),
  FILES_DIR: z.string().min(1).default("./data/files"),
  DEFAULT_TIME_ZONE: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), "DEFAULT_TIME_ZONE must be an IANA zone such as Europe/London")
    .default("Europe/London"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  CONSOLE_START: z.iso.datetime({ offset: true }).optional(),
  SLACK_BOT_TOKEN: z.string().min(1).optional(),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z.string().min(1).optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(1).optional(),
  SLACK_API_URL: z.url("SLACK_API_URL must be a URL, e.g. https://slack.com/api/").optional(),
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
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "PUBLIC_URL must be the bot's public http(s) base URL, e.g. https://als.example.org" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HEALTH_PORT: z.coerce
    .number({ error: "HEALTH_PORT must be a port number, e.g. 9090" })
    .int("HEALTH_PORT must be a whole port number, e.g. 9090")
    .min(1, "HEALTH_PORT must be a port number from 1 to 65535")
    .max(65535, "HEALTH_PORT must be a port number from 1 to 65535")
    .optional(),
  OUTBOX_RETENTION_DAYS: z.coerce
    .number({ error: "OUTBOX_RETENTION_DAYS must be a number of days, e.g. 90" })
    .int("OUTBOX_RETENTION_DAYS must be a whole number of days, e.g. 90")
    .min(1, "OUTBOX_RETENTION_DAYS must be at least 1 (day)")
    .default(90),
  DELIVERY_CONCURRENCY: z.coerce
    .number({ error: "DELIVERY_CONCURRENCY must be a number of reminders sent at once, e.g. 16" })
    .int("DELIVERY_CONCURRENCY must be a whole number of reminders sent at once, e.g. 16")
    .min(1, "DELIVERY_CONCURRENCY must be at least 1 (one reminder at a time)")
    .max(256, "DELIVERY_CONCURRENCY must be at most 256 (the platforms' own limits come long before)")
    .default(DEFAULT_DELIVERY_CONCURRENCY),
  SCHEDULER_CRON: z
    .string()
    .refine((e) => cron.validate(e), "SCHEDULER_CRON must be a cron expression, e.g. * * * * * (every minute)")
    .default("* * * * *"),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Whether the Slack adapter is configured (one workspace by token, or many by OAuth). */
export const slackConfigured = (c: Config) => Boolean(c.SLACK_SIGNING_SECRET && (c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID));

/** Whether the Discord adapter is configured. */
export const discordConfigured = (c: Config) => Boolean(c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID);

/** Reads the configuration; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const config = parsed.data;
  const oauth = [config.SLACK_CLIENT_ID, config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET].filter(Boolean).length;
  const problems = [
    oauth !== 0 && oauth !== 3 ? "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together (OAuth installs)" : "",
    (config.SLACK_BOT_TOKEN || oauth) && !config.SLACK_SIGNING_SECRET ? "SLACK_SIGNING_SECRET is needed with SLACK_BOT_TOKEN or OAuth" : "",
    config.SLACK_SIGNING_SECRET && !config.SLACK_BOT_TOKEN && !oauth
      ? "SLACK_SIGNING_SECRET needs SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* trio (OAuth)"
      : "",
    Boolean(config.DISCORD_TOKEN) !== Boolean(config.DISCORD_APPLICATION_ID) ? "DISCORD_TOKEN and DISCORD_APPLICATION_ID go together" : "",
    ...discordShardProblems(config),
  ].filter(Boolean);
  if (problems.length) throw new Error(`Invalid configuration (see .env.example):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return config;
}

/** What is wrong with the Discord shard settings, if anything: ids need a numeric count, each id below it, once. */
function discordShardProblems({ DISCORD_SHARDS: count, DISCORD_SHARD_IDS: ids, DISCORD_TOKEN: token }: Config): string[] {
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
