import assert from "node:assert/strict";
import { test } from "vitest";
import { DISCORD_REST_LIMITS, discordWorstCaseMs, SLACK_CLIENT_LIMITS, slackWorstCaseMs } from "../../src/adapters/send-limits.ts";
import { DELIVERY_TIMEOUT_MS } from "../../src/scheduler/deliver.ts";

test("a platform call, retries included, ends before the outbox gives the send up: no client retry outlives it", () => {
  assert.ok(slackWorstCaseMs() < DELIVERY_TIMEOUT_MS, `Slack: ${slackWorstCaseMs()} ms`);
  assert.ok(discordWorstCaseMs() < DELIVERY_TIMEOUT_MS, `Discord: ${discordWorstCaseMs()} ms`);
  // The clients' own defaults (10 retries over ~30 min, each try unbounded; 3 retries of up to 15 s) do not.
  const slackDefault = {
    timeout: 0,
    retryConfig: { retries: 10, factor: 1.96821, minTimeout: 1_000, maxTimeout: 300_000, randomize: true },
  };
  assert.ok(slackDefault.timeout === 0 || slackWorstCaseMs(slackDefault as never) >= DELIVERY_TIMEOUT_MS);
  assert.ok(discordWorstCaseMs({ retries: 3, timeout: 15_000 } as never) >= DELIVERY_TIMEOUT_MS);
  assert.ok(SLACK_CLIENT_LIMITS.timeout > 0 && DISCORD_REST_LIMITS.timeout > 0, "every try has a time limit");
});
