import type { Logger } from "pino";
import type { CommandDone, OpsHooks, ReminderStatus } from "./hooks.ts";
import type { Metrics } from "./metrics.ts";

/** How long a stopping process waits for the work in flight before it hands the rest back. */
const STOP_GRACE_MS = 10_000;

/**
 * The running process's state for a graceful stop: the work in flight (scheduler ticks, commands)
 * and whether it is stopping. Once `beginStop` is called, new commands are refused with a notice, the
 * scheduler's `signal` is aborted (no new claim, no new send), and `drain` waits for what was running.
 */
export class Lifecycle {
  readonly #controller = new AbortController();
  readonly #inFlight = new Set<Promise<unknown>>();

  /** Aborted once the process begins to stop. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get stopping(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Runs `work`, which a stop waits for (within its grace period). */
  track<T>(work: () => Promise<T>): Promise<T> {
    const running = work();
    const settled = running.then(
      () => {},
      () => {},
    );
    this.#inFlight.add(settled);
    void settled.then(() => this.#inFlight.delete(settled));
    return running;
  }

  /** The hooks dispatch and the scheduler call: counted in `metrics`; commands refused once stopping. */
  hooks(metrics: Metrics): OpsHooks {
    return {
      beginCommand: (platform: string): CommandDone | null => {
        if (this.stopping) return null;
        const done = metrics.commandStarted(platform);
        let finish = () => {};
        void this.track(() => new Promise<void>((resolve) => (finish = resolve)));
        return (command, outcome) => {
          done(command, outcome);
          finish();
        };
      },
      reminders: (platform: string, kind: string, status: ReminderStatus, count?: number) =>
        metrics.reminders(platform, kind, status, count),
      rateLimited: (platform: string) => metrics.rateLimited(platform),
    };
  }

  /** Begins the stop: from now on commands are refused and the scheduler starts nothing new. */
  beginStop(): void {
    this.#controller.abort();
  }

  /** Waits for the work in flight, at most `graceMs`; true when it all finished in time. */
  async drain(graceMs = STOP_GRACE_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    const finished = (async () => {
      while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
      return true as const;
    })();
    try {
      return await Promise.race([finished, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Resolves with the first SIGTERM or SIGINT; a second one then stops the process at once (Node's default). */
export function stopSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      for (const s of ["SIGINT", "SIGTERM"] as const) process.off(s, on);
      logger.info({ signal }, "stopping: finishing the work in flight");
      resolve(signal);
    };
    for (const s of ["SIGINT", "SIGTERM"] as const) process.on(s, on);
  });
}
