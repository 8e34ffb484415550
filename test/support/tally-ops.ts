import type { OpsHooks, ReminderStatus } from "../../src/ops/hooks.ts";

/** Ops hooks that tally reminder statuses (how many reminders were sent, retried, failed…), for delivery tests. */
export function tallyOps() {
  const tally: Partial<Record<ReminderStatus, number>> = {};
  const ops: OpsHooks = {
    beginCommand: () => () => {},
    reminders: (_p, _k, status, n = 1) => {
      tally[status] = (tally[status] ?? 0) + n;
    },
    rateLimited: () => {},
  };
  return { ops, tally };
}
