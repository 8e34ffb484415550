import { nextNudgeAt } from "../domain/plan-nudges.ts";
import type { SettableClock } from "../clock.ts";
import { loadNudgeState } from "../store/nudge-state.ts";
import { nextRetryAt } from "../store/outbox.ts";
import { runTick, type NudgeSink, type SchedulerDeps } from "./tick.ts";

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
    const now = clock.now();
    const { state } = await loadNudgeState(deps.db, now);
    const candidates = [nextNudgeAt(state, now), await nextRetryAt(deps.db, now)].filter((d): d is Date => d !== null && d <= to);
    const step = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : to;
    clock.set(step);
    await runTick(deps, sink, step);
    if (step.getTime() >= to.getTime()) return;
    onStep(step);
  }
}
