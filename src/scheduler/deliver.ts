import type { Logger } from "pino";
import { type Delivery, type EventWrite, isEventWrite, type OutboxWork } from "../app/destination.ts";
import type { OpsHooks, ReminderStatus } from "../ops/hooks.ts";
import type { Database } from "../store/open-database.ts";
import { CLAIM_BATCH, type ClaimScope, claimDue, markFailedTry, markSentMany, type OutboxRow, postponeTry } from "../store/outbox.ts";
import { saveDmChannel } from "../store/people.ts";
import { type EventWriter, MissingPermission, settleEventWrite, writeEventOnce } from "./event-writes.ts";
import { SentMarks } from "./sent-marks.ts";

/**
 * A DM recipient's direct-message channel as cached on their person (Person.dmChannelId): `id` is the channel
 * last opened (null: never), and `save` records one newly opened, or re-opened because the cached one went stale.
 * An adapter saves before it posts, so the next reminder to that person is one platform call.
 */
export type DmChannel = { id: string | null; save(channelId: string): Promise<void> };

/**
 * Where reminders go: the adapter of the set's platform. A thrown error means "not delivered, try again".
 * `key` is the reminder's lasting identity, for platforms that de-duplicate sends (Discord's nonce); `dm` is
 * the recipient's cached DM channel, for a DM. The result is the platform's id for the posted message, when it
 * gives one (Slack's ts, Discord's id). Several deliveries run at once, never two to the same destination.
 */
export interface NudgeSink {
  // biome-ignore lint/suspicious/noConfusingVoidType: a platform that gives no message id returns nothing
  deliver(delivery: Delivery, key: string, dm?: DmChannel): Promise<string | void>;
  /**
   * Optional, for platforms whose meetings are also their own events: makes the meeting's event show `write.event`,
   * creating it when `ref` has none (and saving its id there) or editing that one. Resolves with the event's id
   * (none when there is nothing to write, such as cancelling an event never created). Throws MissingPermission when
   * the platform refuses for want of a permission, any other error for "try again".
   */
  writeEvent?: EventWriter;
  /**
   * Optional: calls `listener` whenever a platform holds sends back for its rate limit (a 429's Retry-After, a
   * used-up bucket), with how long; returns the function that stops listening. Sends of that platform in flight
   * get that much longer before they time out: waiting out a rate limit is not a failed try.
   */
  onRateLimited?(listener: (platform: string, waitMs: number) => void): () => void;
  /**
   * Optional: for `platforms` whose DMs all open on one shared route (Discord's), `open` opens the bot's DM
   * channel with a user ahead of need and resolves with its id, or with null when the user is another process's
   * (another shard's). Idle ticks use it (src/scheduler/open-dms.ts).
   */
  dmsAhead?: DmsAhead;
  /**
   * Optional: how long, ms, a send to this delivery's destination would wait now for its platform's pace (Slack's
   * one post a second per channel); 0 when it would go at once. The deliverer sends meanwhile to destinations that
   * are ready, so a paced channel does not hold a worker.
   */
  paceOf?(delivery: Delivery): number;
}

/** A sink's opening of DM channels ahead of need (NudgeSink.dmsAhead). */
type DmsAhead = {
  platforms: readonly string[];
  open(platform: string, workspaceId: string, userId: string): Promise<string | null>;
};

/**
 * `scope` limits delivery to this process's platforms and shards (several processes, one database).
 * `ops` counts reminders by platform, kind and status. A stopping process aborts `signal`: no claim and
 * no send begins after that, and the ids of the rows it claimed but did not settle stay in `held`
 * (added at the claim, removed once settled or given up), for it to hand back with `releaseClaims`.
 * `concurrency` is how many sends run at once (DELIVERY_CONCURRENCY); `claimBatch` how many rows one claim takes.
 * `dmsTried`: the people this process has tried to open a DM channel for ahead of need (src/scheduler/open-dms.ts).
 * `abandoned`: this process's sends that timed out but had not finished, by row id (see deliverDue); without it a
 * timed-out send is forgotten.
 * `eventPlatforms`: the platforms whose meetings are also their own events, updated when the tick announces presenters.
 */
export type SchedulerDeps = {
  db: Database;
  /**
   * The platforms whose people's profiles give no time zone (Discord): the first reminder DM planned for someone on
   * one of them whose zone is still the default asks for it, once (src/app/zone-question.ts). None when absent.
   */
  askZoneOn?: ReadonlySet<string>;
  logger: Logger;
  deliveryTimeoutMs?: number;
  scope?: ClaimScope;
  ops?: OpsHooks;
  signal?: AbortSignal;
  held?: Set<string>;
  concurrency?: number;
  claimBatch?: number;
  dmsTried?: Set<string>;
  abandoned?: Map<string, Abandoned>;
  eventPlatforms?: readonly string[];
};

/** A send the outbox gave up on (timed out) but that was still running: whether it has finished since, and how. */
export type Abandoned = { settled: false } | { settled: true; sent: true; ref: string | null } | { settled: true; sent: false };

/** Sends at once when `concurrency` is not given; docs/deploy.md ("Configuration") says how it was chosen. */
export const DEFAULT_DELIVERY_CONCURRENCY = 16;

/** Tries before a reminder is given up as failed, and the wait before each retry. */
export const MAX_ATTEMPTS = 5;
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** A delivery that has not finished by then counts as a failed try (a hung platform call must not stall the tick). */
export const DELIVERY_TIMEOUT_MS = 30_000;

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
 * Sends every due outbox row in scope, in claims of at most `claimBatch` rows (the next claimed once the
 * last is settled, so memory and claims held do not grow with what is due), up to `concurrency` sends at
 * once. Reminders to one destination (a channel, or one person's DMs) go one at a time, in order: Slack allows
 * about one message a second per channel; a destination the sink's pace holds back (`paceOf`) waits without
 * holding a worker, and a 429 is waited out inside the send.
 * Each row is marked sent as soon as its platform accepts it — the marks of sends that complete together are
 * written in one statement (src/scheduler/sent-marks.ts) — and a worker sends its next reminder only once its
 * mark is written, so a crash re-sends at most the sends in flight, one a worker. A failed try is retried with
 * back-off, then kept as failed with its error. A send that timed out is still running (the platform's client
 * gives each call a time limit that ends within the send's, ../adapters/send-limits.ts, but a send can be several
 * calls): with `deps.abandoned` its row is not sent again while it runs (it is postponed a retry's wait), and is
 * marked sent, not sent again, if it did post. A failure to write marks ends the delivery with that error; the
 * rows it concerned stay sending until their lease hands them back.
 */
export async function deliverDue(deps: SchedulerDeps, sink: NudgeSink, now: Date): Promise<{ sent: number; failed: number }> {
  const totals = { sent: 0, failed: 0 };
  const limit = deps.claimBatch ?? CLAIM_BATCH;
  const waiting = new RateLimitWaits();
  const marks = new SentMarks((sent) => markSentMany(deps.db, sent, now));
  const stopListening = sink.onRateLimited?.((platform, waitMs) => waiting.report(platform, waitMs));
  try {
    while (!deps.signal?.aborted) {
      const rows = await claimDue(deps.db, now, new Date(now.getTime() + CLAIM_LEASE_MS), deps.scope, limit);
      if (rows.length > 0) await deliverBatch(deps, sink, now, rows, { totals, waiting, marks });
      if (rows.length < limit) break;
    }
  } finally {
    stopListening?.();
  }
  return totals;
}

type Claimed = { row: OutboxRow; delivery: OutboxWork };
type Batch = { totals: { sent: number; failed: number }; waiting: RateLimitWaits; marks: SentMarks };

/**
 * Where a delivery goes: deliveries to the same one are sent one at a time. A workspace's event writes are one
 * destination: they go in order, at the pace of the platform's bucket for them.
 */
function destination(d: OutboxWork): string {
  if (isEventWrite(d)) return JSON.stringify([d.platform, d.workspaceId, "events"]);
  return JSON.stringify([d.platform, d.workspaceId, d.to.kind === "dm" ? `dm ${d.to.externalId}` : `channel ${d.channelId}`]);
}

/** The longest a worker sleeps when no destination is ready (their paces may be reported again meanwhile). */
const PACE_POLL_MS = 1_000;

/**
 * Delivers one claim's rows: `concurrency` workers, each sending the next row of a destination that is ready (by
 * the sink's pace, `paceOf`), then putting that destination back at the end of the queue; a destination being sent
 * to is out of the queue, so its rows go one at a time and in order.
 */
async function deliverBatch(deps: SchedulerDeps, sink: NudgeSink, now: Date, rows: OutboxRow[], batch: Batch): Promise<void> {
  for (const row of rows) deps.held?.add(row.id);
  const begun = new Set<string>();
  let failure: { error: unknown } | null = null;
  try {
    const lanes = new Map<string, Claimed[]>();
    for (const row of rows) {
      const delivery = JSON.parse(row.payload) as OutboxWork;
      const lane = destination(delivery);
      (lanes.get(lane) ?? lanes.set(lane, []).get(lane)!).push({ row, delivery });
    }
    // DM channels opened during this claim, by person: a second reminder to someone need not open it again.
    const opened = new Map<string, string>();
    const queue = [...lanes.values()];
    /** The first destination in the queue that is ready, taken out of it; else how long until one is (ms). */
    const next = (): Claimed[] | number => {
      let soonest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < queue.length; i++) {
        const first = queue[i]![0]!.delivery;
        const wait = isEventWrite(first) ? 0 : (sink.paceOf?.(first) ?? 0);
        if (wait <= 0) return queue.splice(i, 1)[0]!;
        soonest = Math.min(soonest, wait);
      }
      return soonest;
    };
    const worker = async () => {
      for (;;) {
        if (deps.signal?.aborted || failure) return;
        const lane = next();
        if (typeof lane === "number") {
          // Nothing left to take (the destinations in flight are their workers'), or nothing ready yet.
          if (lane === Number.POSITIVE_INFINITY) return;
          await new Promise((resolve) => setTimeout(resolve, Math.min(lane, PACE_POLL_MS)));
          continue;
        }
        const item = lane.shift()!;
        begun.add(item.row.id);
        try {
          await deliverOne(deps, sink, now, item, opened, batch);
        } catch (error) {
          failure ??= { error };
          return;
        }
        if (lane.length > 0) queue.push(lane);
      }
    };
    const workers = Math.max(1, Math.min(deps.concurrency ?? DEFAULT_DELIVERY_CONCURRENCY, lanes.size));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    // Stopped by the signal: the rows not begun stay held for the stopping process to hand back.
    // Stopped by an error: they are left to their lease, like a crash's.
    if (!deps.signal?.aborted) for (const row of rows) if (!begun.has(row.id)) deps.held?.delete(row.id);
  }
  if (failure) throw (failure as { error: unknown }).error;
}

/** Sends one row and records the outcome: sent, to be retried, or failed for good. */
async function deliverOne(
  deps: SchedulerDeps,
  sink: NudgeSink,
  now: Date,
  { row, delivery }: Claimed,
  opened: Map<string, string>,
  batch: Batch,
) {
  if (isEventWrite(delivery)) return deliverEventWrite(deps, sink, now, row, delivery, batch);
  const { personId } = row;
  const dm: DmChannel | undefined =
    delivery.to.kind === "dm" && personId
      ? {
          id: opened.get(personId) ?? row.dmChannelId,
          save: async (channelId) => {
            await saveDmChannel(deps.db, personId, channelId);
            opened.set(personId, channelId);
          },
        }
      : undefined;
  await tryRow(deps, now, row, delivery.platform, batch, () => sink.deliver(delivery, row.key, dm), {
    logs: ["reminder not delivered; will retry", "reminder failed for good"],
  });
}

/**
 * Writes one meeting's event, then records the outcome as a reminder's is: sent (with the event's id), to be
 * retried, or failed for good. A refusal for want of a permission is failed at once, and the set's advisors told
 * once (./event-writes.ts).
 */
function deliverEventWrite(deps: SchedulerDeps, sink: NudgeSink, now: Date, row: OutboxRow, write: EventWrite, batch: Batch) {
  return tryRow(deps, now, row, write.platform, batch, () => writeEventOnce(deps.db, sink.writeEvent, row, write), {
    logs: ["event not written; will retry", "event write given up"],
    final: (error) => error instanceof MissingPermission,
    onFinal: (error) => settleEventWrite(deps.db, row.setId, write, now, error instanceof MissingPermission ? error : null),
    // Only a write the platform took shows the permission is there (one with nothing to write, such as cancelling an
    // event never created, shows nothing).
    onSent: async (ref) => {
      if (ref) await settleEventWrite(deps.db, row.setId, write, now, null);
    },
  });
}

// biome-ignore lint/suspicious/noConfusingVoidType: what NudgeSink.deliver resolves to
type PlatformRef = string | undefined | void;

/** How a row's try differs by its work: its log lines, an error never tried again, and what follows each outcome. */
type TryHooks = {
  /** The warning of a failed try: to be retried, then given up. */
  logs: [retrying: string, givenUp: string];
  /** An error no retry can mend (a missing permission): failed at once. */
  final?: (error: unknown) => boolean;
  /** After such an error is recorded. */
  onFinal?: (error: unknown) => Promise<void>;
  /** After the platform took it, before its row is marked sent. */
  onSent?: (ref: PlatformRef) => Promise<void>;
};

/**
 * Runs a row's platform work within the send's time limit and records the outcome: sent (with the platform's id),
 * to be retried with back-off, or failed for good. A try given up on that is still running is waited for (the row
 * postponed a retry's wait, no try counted) rather than run again, and one that did go through is taken as sent.
 */
async function tryRow(
  deps: SchedulerDeps,
  now: Date,
  row: OutboxRow,
  platform: string,
  batch: Batch,
  run: () => Promise<PlatformRef>,
  hooks: TryHooks,
): Promise<void> {
  const counted = [{ platform, kind: row.kind }];
  try {
    let ref: PlatformRef;
    const earlier = deps.abandoned?.get(row.id);
    if (earlier && !earlier.settled) {
      // The last try is still running: wait for it rather than post a second copy (or create a second event).
      await postponeTry(deps.db, row.id, new Date(now.getTime() + RETRY_DELAYS_MS[0]!));
      count(deps.ops, counted, "retried");
      return;
    }
    if (earlier) deps.abandoned!.delete(row.id);
    const work = earlier?.sent ? Promise.resolve(earlier.ref ?? undefined) : run();
    try {
      const timeoutMs = deps.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS;
      ref = await withTimeout(work, timeoutMs, platform, batch.waiting);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = hooks.final?.(error) ?? false;
      const tries = row.attempts + 1;
      const retryAt = !final && tries < MAX_ATTEMPTS ? new Date(now.getTime() + RETRY_DELAYS_MS[tries - 1]!) : null;
      if (error instanceof DeliveryTimeout && retryAt) remember(deps.abandoned, row.id, work);
      deps.logger.warn({ key: row.key, tries, error: message }, retryAt ? hooks.logs[0] : hooks.logs[1]);
      await markFailedTry(deps.db, row.id, message, retryAt);
      if (final) await hooks.onFinal?.(error);
      count(deps.ops, counted, retryAt ? "retried" : "failed");
      if (!retryAt) batch.totals.failed++;
      return;
    }
    // Not inside the try: a failure to record a delivered row must not count as a failed send.
    await hooks.onSent?.(ref);
    await batch.marks.mark(row.id, ref || null);
    count(deps.ops, counted, "sent");
    batch.totals.sent++;
  } finally {
    deps.held?.delete(row.id); // settled, or left to its lease if recording failed: no longer this process's to hand back
  }
}

/** Records a send given up on, and how it ends, for the row's next try to wait for or take as sent. */
function remember(abandoned: SchedulerDeps["abandoned"], id: string, work: Promise<unknown>): void {
  if (!abandoned) return;
  const entry: Abandoned = { settled: false };
  abandoned.set(id, entry);
  work.then(
    (ref) => abandoned.get(id) === entry && abandoned.set(id, { settled: true, sent: true, ref: typeof ref === "string" ? ref : null }),
    () => abandoned.get(id) === entry && abandoned.set(id, { settled: true, sent: false }),
  );
}

/** A send that ran past its time limit. */
class DeliveryTimeout extends Error {}

/** A send in flight whose time limit a rate-limit wait of its platform pushes back. */
type Waiter = { platform: string; extend(ms: number): void };

/**
 * The rate-limit waits the platforms reported during one delivery, and the sends in flight they hold back. A
 * platform's client holds back every request while it waits (Slack's WebClient pauses its queue; discord.js a
 * bucket, or all on the global limit), so each send of that platform gets the wait not already counted, and a send
 * that begins during a wait starts its clock when the wait ends.
 */
class RateLimitWaits {
  readonly #until = new Map<string, number>();
  readonly #sends = new Set<Waiter>();

  /** `platform` holds requests back for `waitMs` from now. */
  report(platform: string, waitMs: number): void {
    const now = Date.now();
    const counted = Math.max(this.#until.get(platform) ?? 0, now);
    const until = Math.max(counted, now + waitMs);
    this.#until.set(platform, until);
    if (until > counted) for (const w of this.#sends) if (w.platform === platform) w.extend(until - counted);
  }

  /** How long a send to `platform` beginning now waits before its platform takes it, as far as reported. */
  pending(platform: string): number {
    return Math.max(0, (this.#until.get(platform) ?? 0) - Date.now());
  }

  track(w: Waiter): void {
    this.#sends.add(w);
  }

  untrack(w: Waiter): void {
    this.#sends.delete(w);
  }
}

/** `work`, or a rejection once it has run `ms` not counting the rate-limit waits reported for `platform`. */
function withTimeout<T>(work: Promise<T>, ms: number, platform: string, waits: RateLimitWaits): Promise<T> {
  let deadline = Date.now() + ms + waits.pending(platform);
  let timer: NodeJS.Timeout | undefined;
  const waiter: Waiter = {
    platform,
    extend: (wait) => {
      deadline += wait;
    },
  };
  const timeout = new Promise<never>((_, reject) => {
    const arm = () => {
      timer = setTimeout(
        () => (Date.now() >= deadline ? reject(new DeliveryTimeout(`delivery timed out after ${ms} ms`)) : arm()),
        deadline - Date.now(),
      );
    };
    arm();
  });
  waits.track(waiter);
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
    waits.untrack(waiter);
  });
}
