import type { Logger } from "pino";
import type { Delivery } from "../app/render-nudge.ts";
import type { OpsHooks, ReminderStatus } from "../ops/hooks.ts";
import type { Db } from "../store/open-database.ts";
import { type ClaimScope, claimDue, markFailedTry, markSent } from "../store/outbox.ts";

/**
 * Where reminders go: the adapter of the set's platform. A thrown error means "not delivered, try again".
 * `key` is the reminder's lasting identity, for platforms that de-duplicate sends (Discord's nonce); the
 * result is the platform's id for the posted message, when it gives one (Slack's ts, Discord's id).
 */
export interface NudgeSink {
  // biome-ignore lint/suspicious/noConfusingVoidType: a platform that gives no message id returns nothing
  deliver(delivery: Delivery, key: string): Promise<string | void>;
}

/**
 * `scope` limits delivery to this process's platforms and shards (several processes, one database).
 * `ops` counts reminders by platform, kind and status. A stopping process aborts `signal`: no claim and
 * no send begins after that, and the ids of the rows it claimed but did not settle stay in `held`
 * (added at the claim, removed once settled or given up), for it to hand back with `releaseClaims`.
 */
export type SchedulerDeps = {
  db: Db;
  logger: Logger;
  deliveryTimeoutMs?: number;
  scope?: ClaimScope;
  ops?: OpsHooks;
  signal?: AbortSignal;
  held?: Set<string>;
};

/** Tries before a reminder is given up as failed, and the wait before each retry. */
export const MAX_ATTEMPTS = 5;
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** A delivery that has not finished by then counts as a failed try (a hung platform call must not stall the tick). */
const DELIVERY_TIMEOUT_MS = 30_000;

/** How long a claim holds before another tick may take the row back (a crash mid-delivery). */
export const CLAIM_LEASE_MS = 15 * 60_000;

/** Reports reminders to `ops`, one call per platform and kind. */
export function count(ops: OpsHooks | undefined, rows: { platform: string; kind: string }[], status: ReminderStatus): void {
  if (!ops) return;
  const tally = new Map<string, { platform: string; kind: string; n: number }>();
  for (const { platform, kind } of rows) {
    const key = `${platform} ${kind}`;
    const entry = tally.get(key) ?? tally.set(key, { platform, kind, n: 0 }).get(key)!;
    entry.n++;
  }
  for (const { platform, kind, n } of tally.values()) ops.reminders(platform, kind, status, n);
}

/**
 * Sends every due outbox row in scope: one statement claims them all, and each is marked sent as soon
 * as its platform accepts it. A failed try is retried with back-off, then kept as failed with its error.
 */
export async function deliverDue(deps: SchedulerDeps, sink: NudgeSink, now: Date): Promise<{ sent: number; failed: number }> {
  if (deps.signal?.aborted) return { sent: 0, failed: 0 };
  const rows = await claimDue(deps.db, now, new Date(now.getTime() + CLAIM_LEASE_MS), deps.scope);
  for (const row of rows) deps.held?.add(row.id);
  let sent = 0;
  let failed = 0;
  let next = 0;
  try {
    for (; next < rows.length && !deps.signal?.aborted; next++) {
      const row = rows[next]!;
      const delivery = JSON.parse(row.payload) as Delivery;
      const counted = [{ platform: delivery.platform, kind: row.kind }];
      try {
        // biome-ignore lint/suspicious/noConfusingVoidType: what NudgeSink.deliver resolves to
        let ref: string | void;
        try {
          ref = await withTimeout(sink.deliver(delivery, row.key), deps.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const tries = row.attempts + 1;
          const retryAt = tries < MAX_ATTEMPTS ? new Date(now.getTime() + RETRY_DELAYS_MS[tries - 1]!) : null;
          deps.logger.warn(
            { key: row.key, tries, error: message },
            retryAt ? "reminder not delivered; will retry" : "reminder failed for good",
          );
          await markFailedTry(deps.db, row.id, message, retryAt);
          count(deps.ops, counted, retryAt ? "retried" : "failed");
          if (!retryAt) failed++;
          continue;
        }
        // Not inside the try: a failure to record a delivered reminder must not count as a failed send.
        await markSent(deps.db, row.id, now, ref || null);
        count(deps.ops, counted, "sent");
        sent++;
      } finally {
        deps.held?.delete(row.id); // settled, or left to its lease if recording failed: no longer this process's to hand back
      }
    }
  } finally {
    // Stopped by the signal: the rows not begun stay held for the stopping process to hand back.
    // Stopped by an error: they are left to their lease, like a crash's.
    if (!deps.signal?.aborted) for (const row of rows.slice(next)) deps.held?.delete(row.id);
  }
  return { sent, failed };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`delivery timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
