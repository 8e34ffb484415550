import { existsSync } from "node:fs";
import cron from "node-cron";
import { z } from "zod";
import { PLATFORM_ENV, platformEntries } from "./adapters/platforms.ts";
import { isIanaZone } from "./domain/time/iana-zone.ts";
import { DEFAULT_DELIVERY_CONCURRENCY } from "./scheduler/deliver.ts";

/**
 * Every setting, read once from the environment (and `.env` if present): the process's own, then each platform's
 * (its entry in src/adapters/platforms.ts declares them). See .env.example.
 */
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
    .refine((tz) => isIanaZone(tz), "DEFAULT_TIME_ZONE must be an IANA zone such as Europe/London")
    .default("Europe/London"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  CONSOLE_START: z.iso.datetime({ offset: true }).optional(),
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
  ...PLATFORM_ENV,
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync(".env")) process.loadEnvFile(".env");
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const config = parsed.data;
  const problems = platformEntries().flatMap(([, entry]) => entry.problems(config));
  if (problems.length) throw new Error(`Invalid configuration (see .env.example):\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return config;
}
