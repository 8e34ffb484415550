/**
 * The allowed status changes of each lifecycle, in one place (STYLE 7). Anything not listed is refused.
 * The store's conditional updates (e.g. claim only `pending` outbox rows) follow these tables.
 */
import type { MeetingStatus } from "./statuses.ts";

/** A meeting's statuses (statuses.ts) and where each may go. */
const MEETING: Record<MeetingStatus, readonly MeetingStatus[]> = { scheduled: ["closed", "cancelled"], closed: [], cancelled: [] };

export const LIFECYCLES = {
  meeting: MEETING,
  slot: { planned: ["presented", "missed", "skipped", "released"], presented: [], missed: [], skipped: [], released: [] },
  nudge: { pending: ["sending", "skipped"], sending: ["sent", "pending", "failed"], sent: [], failed: [], skipped: [] },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type Lifecycle = keyof typeof LIFECYCLES;
export type StatusOf<L extends Lifecycle> = keyof (typeof LIFECYCLES)[L] & string;

/** Whether `from → to` is an allowed change in lifecycle `l`. */
export function canMove<L extends Lifecycle>(l: L, from: StatusOf<L>, to: StatusOf<L>): boolean {
  const allowed = (LIFECYCLES[l] as Record<string, readonly string[]>)[from] ?? [];
  return allowed.includes(to);
}
