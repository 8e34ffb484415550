import type { DmToOpen } from "../store/people.ts";
import { dmsToOpen, saveDmChannel } from "../store/people.ts";
import type { NudgeSink, SchedulerDeps } from "./deliver.ts";

/**
 * DM channels opened in one idle tick at most: on Discord, where every DM's opening shares one route, these go one
 * at a time, well inside the 50 requests a second allowed globally, and the tick stays short.
 */
const DM_OPENS_PER_IDLE_TICK = 25;

/**
 * Opens, ahead of need, the DM channels of people who may get reminders on a platform whose sink opens them ahead
 * (`sink.dmsAhead`, Discord's), and caches each on its person (Person.dmChannelId): a busy minute's first DM to
 * each is then one call to its channel's own route, not two with the shared DM-opening route first. A tick with
 * nothing due calls this (src/scheduler/tick.ts). Each person is tried once per process (`deps.dmsTried`): one
 * that fails, or that the sink leaves to another process (null), has their DM opened by their first reminder, as
 * before. Returns how many were opened.
 */
export async function openDmsAhead(deps: SchedulerDeps, sink: NudgeSink, limit = DM_OPENS_PER_IDLE_TICK): Promise<number> {
  const ahead = sink.dmsAhead;
  if (!ahead || ahead.platforms.length === 0) return 0;
  const tried = deps.dmsTried ?? new Set<string>();
  const people: DmToOpen[] = await dmsToOpen(deps.db, ahead.platforms, [...tried], limit);
  let opened = 0;
  for (const p of people) {
    if (deps.signal?.aborted) break;
    tried.add(p.personId);
    try {
      const channelId = await ahead.open(p.platform, p.workspaceId, p.userId);
      if (channelId === null) continue;
      await saveDmChannel(deps.db, p.personId, channelId);
      opened++;
    } catch (error) {
      deps.logger.warn({ personId: p.personId, error: error instanceof Error ? error.message : String(error) }, "DM not opened ahead");
    }
  }
  return opened;
}
