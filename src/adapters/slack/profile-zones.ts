import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { safeError } from "./bolt-logger.ts";

/** How long a command waits for Slack's users.info before running without the profile's zone. */
const PROFILE_READ_TIMEOUT_MS = 800;
/** How long an answer (a zone, or none) is kept, so a person whose profile gives no zone is not asked again at every command. */
const KEEP_MS = 60 * 60 * 1000;
/** At most this many answers are kept; the oldest go first. */
const KEEP_AT_MOST = 10_000;

/**
 * Reads the time zone of a Slack user's profile (`users.info`, `user.tz`; the `users:read` scope) for a team, with
 * that team's bot token. Never throws and never waits longer than `PROFILE_READ_TIMEOUT_MS`: a failed or slow read
 * is logged and answered undefined, and the command runs with the zone the bot already has. Answers are kept a while
 * per team and user.
 */
export function profileZones(
  client: WebClient,
  tokenFor: (teamId: string) => Promise<string>,
  logger: Logger,
  now: () => number = Date.now,
): (teamId: string, userId: string) => Promise<string | undefined> {
  const kept = new Map<string, { zone: string | undefined; until: number }>();
  return async (teamId, userId) => {
    const key = `${teamId}/${userId}`;
    const hit = kept.get(key);
    if (hit && hit.until > now()) return hit.zone;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), PROFILE_READ_TIMEOUT_MS);
    });
    const read = (async () => {
      const info = await client.users.info({ token: await tokenFor(teamId), user: userId });
      return typeof info.user?.tz === "string" && info.user.tz !== "" ? info.user.tz : undefined;
    })();
    try {
      const zone = await Promise.race([read, late]);
      if (zone === "late") {
        read.catch(() => {});
        logger.warn({ userId }, "slack users.info was slow: the command runs without the profile's zone");
        return undefined;
      }
      kept.delete(key);
      if (kept.size >= KEEP_AT_MOST) kept.delete(kept.keys().next().value!);
      kept.set(key, { zone, until: now() + KEEP_MS });
      return zone;
    } catch (error) {
      logger.warn({ err: safeError(error), userId }, "slack users.info failed: the command runs without the profile's zone");
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
}
