import type { SettableClock } from "../clock.ts";
import { ANNOUNCE_LEAD_MS } from "../domain/set/rotation-state.ts";
import { nextUnannouncedStart } from "../store/meetings.ts";
import type { Db } from "../store/open-database.ts";
import { nextRetryAt } from "../store/outbox.ts";
import { earliestMoment } from "../store/set-moments.ts";
import type { NudgeSink, SchedulerDeps } from "./deliver.ts";
import { runTick } from "./tick.ts";

/**
 * Moves a simulated clock forward to `to`, stopping at every moment a reminder or a retry falls due and
 * running exactly the tick the cron would run then — so a jump of months behaves like months of ticks.
 * Once `deps.signal` is aborted (a stopping process) it takes no further step: the clock stays at the moment reached.
 */
export async function advanceClock(deps: SchedulerDeps, sink: NudgeSink, clock: SettableClock, to: Date): Promise<void> {
  await runTick(deps, sink, clock.now()); // anchors the first tick, so nothing before now is replayed
  for (;;) {
    if (deps.signal?.aborted) return;
    const step = await nextStop(deps.db, clock.now(), to);
    clock.set(step);
    await runTick(deps, sink, step);
    if (step.getTime() >= to.getTime()) return;
  }
}

/**
 * The next moment after `now`, and no later than `to`, when a set's reminders may fall due (its stored moment,
 * src/store/set-moments.ts; `now` itself while a set is marked to plan), a retry or the end of a claim's lease
 * falls due, or a meeting is announced (a week before it). A fixed number of indexed reads, however many sets.
 */
export async function nextStop(db: Db, now: Date, to: Date): Promise<Date> {
  const unannounced = await nextUnannouncedStart(db, new Date(now.getTime() + ANNOUNCE_LEAD_MS));
  const announceAt = unannounced && new Date(unannounced.getTime() - ANNOUNCE_LEAD_MS);
  const candidates = [await earliestMoment(db, now), await nextRetryAt(db, now), announceAt].filter(
    (d): d is Date => d !== null && d <= to,
  );
  return candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : to;
}
