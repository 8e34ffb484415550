/**
 * How long the platform clients may spend on one call, retries included. Slack's WebClient by default retries a
 * failed call 10 times over about 30 minutes, each try with no time limit, and discord.js's REST client retries
 * 3 times, each try up to 15 s; both outlive the 30 s after which the outbox gives a send up and retries it
 * itself (src/scheduler/deliver.ts), so a send the bot had given up on could still be posted by the client while
 * the outbox posted it again: two copies after an outage. Bounded here, a call has finished, posted or failed,
 * before the outbox's time limit ends, so the outbox's own retry is the only one left. Rate-limit waits are
 * not counted against that limit by the outbox, and the clients honour them apart from these tries.
 */
export type SlackClientLimits = {
  timeout: number;
  retryConfig: { retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize: boolean };
};

/** discord.js REST's `retries` (of a failed try) and `timeout` (of each try, ms). */
export type DiscordRestLimits = { retries: number; timeout: number };

export const SLACK_CLIENT_LIMITS = {
  /** Each HTTP try, ms (the WebClient's `timeout`). */
  timeout: 8_000,
  /** The WebClient's `retryConfig` (p-retry): 2 retries, 1 s then 2 s apart. */
  retryConfig: { retries: 2, factor: 2, minTimeout: 1_000, maxTimeout: 2_000, randomize: false },
} as const satisfies SlackClientLimits;

/** discord.js REST: one retry of a failed try, each try up to 12 s. */
export const DISCORD_REST_LIMITS = { retries: 1, timeout: 12_000 } as const satisfies DiscordRestLimits;

/** The longest a Slack call can take without rate-limit waits: every try timing out, plus the back-offs between. */
export function slackWorstCaseMs(limits: SlackClientLimits = SLACK_CLIENT_LIMITS): number {
  const { retries, factor, minTimeout, maxTimeout } = limits.retryConfig;
  let backoffs = 0;
  for (let i = 0; i < retries; i++) backoffs += Math.min(maxTimeout, minTimeout * factor ** i);
  return (retries + 1) * limits.timeout + backoffs;
}

/** The longest a discord.js REST call can take without rate-limit waits (its retries of a 5xx are immediate). */
export const discordWorstCaseMs = (limits: DiscordRestLimits = DISCORD_REST_LIMITS): number => (limits.retries + 1) * limits.timeout;
