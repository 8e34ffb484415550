/**
 * What the running bot tells its operators, as plain calls: the core (dispatch, the scheduler) and the
 * adapters call these hooks and know nothing of Prometheus; `src/ops/metrics.ts` implements them.
 * Every label value is bounded: a platform, a command's key from the declarations, a reminder kind, a
 * status — never a user, set, channel or message id.
 */

/** How a command ended: accepted, refused as malformed (unknown command, bad option), refused by role, refused by its rules, or failed unexpectedly. */
export type CommandOutcome = "ok" | "invalid" | "denied" | "refused" | "error";

/** What became of a reminder: recorded by the planner, delivered, tried and to be retried, given up, or recorded as skipped (stale). */
export type ReminderStatus = "planned" | "sent" | "retried" | "failed" | "skipped";

/** Ends one command: its key (`"unknown"` when the line named no command) and how it ended. */
export type CommandDone = (command: string, outcome: CommandOutcome) => void;

export interface OpsHooks {
  /**
   * A command has arrived. Returns the function that records its end, or null when the process is
   * stopping: the command is then refused with a notice and changes nothing.
   */
  beginCommand(platform: string): CommandDone | null;
  /** `count` reminders of one platform and kind reached `status`. */
  reminders(platform: string, kind: string, status: ReminderStatus, count?: number): void;
  /** A platform answered 429 and the client waits before retrying. */
  rateLimited(platform: string): void;
}

/** The reply to a command that arrives while the process is stopping (a restart or an upgrade). */
export const STOPPING_NOTICE = "The bot is restarting for a moment, so nothing was done. Please try again in a minute.";
