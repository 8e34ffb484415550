import type { Deps } from "../../app/context.ts";
import type { CommandPlace } from "../../app/destination.ts";
import { homeAudience, loadHome } from "../../app/home.ts";
import { safeError } from "./bolt-logger.ts";
import { type HomeTabView, homeView } from "./home-view.ts";

/** Publishes one person's Home tab (`views.publish` with the workspace's token). */
export type PublishHome = (teamId: string, userId: string, view: HomeTabView) => Promise<void>;

export type HomePublisherOptions = {
  /** How long a change waits for others to the same person's Home before it is published (coalescing). */
  delayMs: number;
  /** The least time between two publishes in one workspace (Slack's Tier 4: about 100 a minute). */
  spacingMs: number;
  /** The most publishes in flight at once, over all workspaces. */
  concurrency: number;
  /** How many people who opened their Home this process remembers, to refresh theirs after others' changes. */
  viewersKept: number;
};

/** The defaults: coalesce for 1.5 s, at most 100 publishes a minute per workspace, 4 at once. */
const HOME_PUBLISHING: HomePublisherOptions = { delayMs: 1500, spacingMs: 600, concurrency: 4, viewersKept: 10_000 };

/**
 * Keeps people's Home tabs current without flooding Slack or slowing a command (docs/deploy.md, "The Home tab").
 * Every request is coalesced per person: while one is waiting, more requests for that person join it; while one is
 * being published, one more follows it, with what is true then. Publishes are spaced per workspace and bounded in
 * number; their failures are logged, never thrown. The methods return at once: nothing is awaited by a command.
 */
export type HomePublisher = {
  /** The person opened their Home: published at once (coalesced), and remembered as someone who looks at theirs. */
  opened(teamId: string, userId: string): void;
  /**
   * A command changed something where it ran: the actor's Home is published again after the delay, and those of the
   * set's people whom this process saw open theirs.
   */
  changed(place: CommandPlace): void;
  /** Resolves once nothing is waiting or being published (tests, a graceful stop). */
  idle(): Promise<void>;
  /** Drops what is waiting; what is in flight finishes. */
  stop(): void;
};

type Pending = { timer?: NodeJS.Timeout; inFlight: boolean; again: boolean };

export function homePublisher(deps: Deps, publish: PublishHome, opts: HomePublisherOptions = HOME_PUBLISHING): HomePublisher {
  const pending = new Map<string, Pending>();
  const viewers = new Map<string, true>();
  const queue: string[] = [];
  const nextSlot = new Map<string, number>();
  let running = 0;
  let lookups = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const keyOf = (teamId: string, userId: string) => `${teamId}/${userId}`;
  const split = (key: string) => {
    const i = key.indexOf("/");
    return { teamId: key.slice(0, i), userId: key.slice(i + 1) };
  };
  const settle = () => {
    if (running > 0 || lookups > 0 || queue.length > 0 || [...pending.values()].some((p) => p.timer || p.inFlight)) return;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };

  const schedule = (key: string, delayMs: number) => {
    if (stopped) return;
    const p = pending.get(key) ?? { inFlight: false, again: false };
    pending.set(key, p);
    if (p.inFlight) {
      p.again = true;
      return;
    }
    if (p.timer || queue.includes(key)) return;
    p.timer = setTimeout(() => {
      p.timer = undefined;
      queue.push(key);
      pump();
    }, delayMs);
  };

  const pump = () => {
    while (!stopped && running < opts.concurrency && queue.length > 0) void run(queue.shift()!);
    settle();
  };

  /** Waits for the workspace's next free moment and takes it. */
  const slot = async (teamId: string) => {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(teamId) ?? 0);
    nextSlot.set(teamId, at + opts.spacingMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };

  const run = async (key: string) => {
    const p = pending.get(key)!;
    p.inFlight = true;
    running += 1;
    const { teamId, userId } = split(key);
    try {
      await slot(teamId);
      const home = await loadHome(deps.db, { platform: "slack", workspaceId: teamId, userId }, deps.clock.now());
      await publish(teamId, userId, homeView(home));
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      deps.logger.warn({ err: safeError(error), code, teamId, userId }, "slack home tab not published");
    } finally {
      p.inFlight = false;
      running -= 1;
      if (p.again) {
        p.again = false;
        schedule(key, opts.delayMs);
      } else pending.delete(key);
      pump();
    }
  };

  const remember = (key: string) => {
    viewers.delete(key);
    viewers.set(key, true);
    if (viewers.size > opts.viewersKept) viewers.delete(viewers.keys().next().value!);
  };

  return {
    opened(teamId, userId) {
      const key = keyOf(teamId, userId);
      remember(key);
      schedule(key, 0);
    },
    changed(place) {
      schedule(keyOf(place.workspaceId, place.userId), opts.delayMs);
      lookups += 1;
      homeAudience(deps.db, place)
        .then((ids) => {
          for (const id of ids) {
            const key = keyOf(place.workspaceId, id);
            if (viewers.has(key)) schedule(key, opts.delayMs);
          }
        })
        .catch((error) => deps.logger.warn({ err: safeError(error) }, "slack home tabs to refresh not read"))
        .finally(() => {
          lookups -= 1;
          settle();
        });
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    stop() {
      stopped = true;
      for (const p of pending.values()) clearTimeout(p.timer);
      queue.length = 0;
      for (const p of pending.values()) p.timer = undefined;
      settle();
    },
  };
}
