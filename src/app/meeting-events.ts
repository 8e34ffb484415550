import { eventFingerprint, meetingEvent } from "../domain/set/meeting-event.ts";
import { type EventWriteRow, queuedEventStates, queueEventWrites } from "../store/meeting-events.ts";
import type { Db } from "../store/open-database.ts";
import type { SetWithPeople } from "../store/sets.ts";
import type { EventWrite } from "./destination.ts";
import { plannedPresenters } from "./format.ts";
import { loadSetState } from "./set-state.ts";

/** How long a cancellation or a completion may wait to be written before it is pointless. */
const STATUS_WRITE_STALE_MS = 7 * 24 * 3_600_000;

/** Where a set's events go: its platform, the platform's workspace (a Discord guild) and the set's channel. */
export type EventPlace = { platform: string; workspaceId: string; channelId: string };

/**
 * Brings the set's meetings' events up to date by queuing, on the caller's transaction, an outbox write for each
 * meeting whose event would now show something other than what was last queued for it (created when scheduled,
 * edited when moved, renumbered or its presenters change, cancelled, completed when closed). A meeting whose event
 * is unchanged queues nothing, so a command that changes no meeting writes nothing. Returns how many were queued.
 */
export async function queueMeetingEvents(db: Db, place: EventPlace, set: SetWithPeople, now: Date): Promise<number> {
  const [state, queued] = await Promise.all([loadSetState(db, set, now), queuedEventStates(db, set.id)]);
  const rows: EventWriteRow[] = [];
  for (const m of state.meetings) {
    const last = queued.get(m.id) ?? null;
    const event = meetingEvent(m, set, plannedPresenters(state, m), now, last !== null);
    // A meeting that has started keeps its event as it is until it is closed (an event cannot be edited after its start).
    if (!event || (event.status === "scheduled" && m.startsAt <= now)) continue;
    const shown = eventFingerprint(event);
    if (shown === last) continue;
    const write: EventWrite = { ...place, event };
    // An upcoming event cannot be created or edited once its meeting has started; a status change can wait a little.
    const staleAt = event.status === "scheduled" ? m.startsAt : new Date(now.getTime() + STATUS_WRITE_STALE_MS);
    rows.push({ setId: set.id, meetingId: m.id, state: shown, payload: JSON.stringify(write), staleAt });
  }
  if (rows.length) await queueEventWrites(db, rows, now);
  return rows.length;
}
