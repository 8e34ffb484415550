import type { SettableClock } from "../clock.ts";
import { nextNudgeAt } from "../domain/plan-nudges.ts";
import { ANNOUNCE_LEAD_MS } from "../domain/rotation-state.ts";
import { nextUnannouncedStart } from "../store/meetings.ts";
import { loadNudgeState } from "../store/nudge-state.ts";
import type { Db } from "../store/open-database.ts";
import { nextRetryAt } from "../store/outbox.ts";
import type { NudgeSink, SchedulerDeps } from "./deliver.ts";
import { runTick } from "./tick.ts";

/**
 * Moves a simulated clock forward to `to`, stopping at every moment a reminder or a retry falls due and
 * running exactly the tick the cron would run then — so a jump of months behaves like months of ticks.
 * `onStep` is called after each intermediate tick (the console prints what was delivered).
 */
export async function advanceClock(
  deps: SchedulerDeps,
  sink: NudgeSink,
  clock: SettableClock,
  to: Date,
  onStep: (at: Date) => void = () => {},
): Promise<void> {
  await runTick(deps, sink, clock.now()); // anchors the first tick, so nothing before now is replayed
  for (;;) {
    const step = await nextStop(deps.db, clock.now(), to);
    clock.set(step);
    await runTick(deps, sink, step);
    if (step.getTime() >= to.getTime()) return;
    onStep(step);
  }
}

/**
 * The next moment after `now`, and no later than `to`, when a reminder, a retry, the end of a claim's lease
 * or a meeting's announcement (a week before it) falls due.
 */
export async function nextStop(db: Db, now: Date, to: Date): Promise<Date> {
  const { state } = await loadNudgeState(db, now);
  const unannounced = await nextUnannouncedStart(db, new Date(now.getTime() + ANNOUNCE_LEAD_MS));
  const announceAt = unannounced && new Date(unannounced.getTime() - ANNOUNCE_LEAD_MS);
  const candidates = [nextNudgeAt(state, now), await nextRetryAt(db, now), announceAt].filter((d): d is Date => d !== null && d <= to);
  return candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : to;
}
