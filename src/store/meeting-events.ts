/**
 * Meetings' events on their platform (docs/architecture.md, "Meetings as platform events"): what each meeting's event
 * was last queued to show, the platform's id for it, and whether the platform refused a set's events.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "./open-database.ts";
import { insertOutbox } from "./outbox.ts";

/** The outbox kind of a meeting's event write. */
const EVENT_WRITE_KIND = "meeting-event";

/** The key prefix of one meeting's event writes: each write adds a suffix of its own. */
const writesOf = (setId: string, meetingId: string) => `${EVENT_WRITE_KIND}:${setId}:channel:${meetingId}:`;

/** Each of the set's meetings with what its event was last queued to show (null: nothing queued). */
export async function queuedEventStates(db: Db, setId: string): Promise<Map<string, string | null>> {
  const rows = await db.meeting.findMany({ where: { setId }, select: { id: true, platformEventState: true } });
  return new Map(rows.map((r) => [r.id, r.platformEventState]));
}

/** One event write to queue: the meeting, what its event is to show (`state`), the payload, and when it goes stale. */
export type EventWriteRow = { setId: string; meetingId: string; state: string; payload: string; staleAt: Date };

/**
 * Queues event writes as outbox rows due `now`, on the caller's transaction (a command's), or none (the scheduler's
 * announcements). Each write carries the whole event, so a
 * meeting's earlier write still waiting (pending, or waiting for a retry) is skipped as superseded; its meeting records
 * the state queued, so the same event is not queued twice.
 */
export async function queueEventWrites(db: Db, rows: EventWriteRow[], now: Date): Promise<void> {
  for (const r of rows) {
    await db.outbox.updateMany({
      where: { setId: r.setId, status: "pending", kind: EVENT_WRITE_KIND, key: { startsWith: writesOf(r.setId, r.meetingId) } },
      data: { status: "skipped", reason: "superseded by a later change of the meeting" },
    });
  }
  await insertOutbox(
    db,
    rows.map((r) => ({
      id: randomUUID(),
      // Queued by a command, once, on its transaction: the suffix only tells a meeting's writes apart.
      key: `${writesOf(r.setId, r.meetingId)}${randomUUID()}`,
      kind: EVENT_WRITE_KIND,
      setId: r.setId,
      personId: null,
      payload: r.payload,
      sendAt: now,
      staleAt: r.staleAt,
      status: "pending",
      reason: null,
    })),
    now,
  );
  // After the rows: outside a transaction (the scheduler's announcements), a crash in between queues the same again.
  for (const r of rows) await db.meeting.update({ where: { id: r.meetingId }, data: { platformEventState: r.state } });
}

/**
 * Whether another write of the same meeting's event is being delivered (claimed, not settled): by another process,
 * since one process sends a workspace's event writes one at a time. The later one then waits, so it edits the
 * event the earlier creates rather than creating a second.
 */
export async function otherWriteInFlight(db: Db, row: { id: string; key: string; setId: string }): Promise<boolean> {
  const prefix = row.key.slice(0, row.key.lastIndexOf(":") + 1);
  const found = await db.outbox.findFirst({
    where: { setId: row.setId, status: "sending", kind: EVENT_WRITE_KIND, key: { startsWith: prefix }, id: { not: row.id } },
    select: { id: true },
  });
  return found !== null;
}

/** The platform's id for a meeting's event; null when it has none yet (or the meeting is gone). */
export async function platformEventIdOf(db: Db, meetingId: string): Promise<string | null> {
  const row = await db.meeting.findUnique({ where: { id: meetingId }, select: { platformEventId: true } });
  return row?.platformEventId ?? null;
}

/** Records the platform's id for a meeting's event (null: the platform no longer has it). */
export async function savePlatformEventId(db: Db, meetingId: string, eventId: string | null): Promise<void> {
  await db.meeting.updateMany({ where: { id: meetingId }, data: { platformEventId: eventId } });
}

/** The meeting whose event the platform calls `eventId`, with its set's id; null when no meeting has it. */
export async function findMeetingByEvent(db: Db, eventId: string): Promise<{ id: string; setId: string } | null> {
  return db.meeting.findUnique({ where: { platformEventId: eventId }, select: { id: true, setId: true } });
}

/**
 * Records that the platform refused the set's events for want of a permission. True only for the call that recorded
 * it (the set had no refusal on record): that caller tells the advisors, so they are told once.
 */
export async function recordEventsRefused(db: Db, setId: string, now: Date): Promise<boolean> {
  const { count } = await db.learningSet.updateMany({ where: { id: setId, eventsRefusedAt: null }, data: { eventsRefusedAt: now } });
  return count === 1;
}

/** An event write of the set succeeded: a refusal on record is over (a later one is told again). */
export async function clearEventsRefused(db: Db, setId: string): Promise<void> {
  await db.learningSet.updateMany({ where: { id: setId, eventsRefusedAt: { not: null } }, data: { eventsRefusedAt: null } });
}

/** Where a set's events go: its workspace's platform and platform id (a Discord guild), and the set's channel. */
export async function eventPlaceOf(db: Db, setId: string): Promise<{ platform: string; workspaceId: string; channelId: string } | null> {
  const set = await db.learningSet.findUnique({ where: { id: setId }, select: { channelId: true, workspace: true } });
  return set ? { platform: set.workspace.platform, workspaceId: set.workspace.externalId, channelId: set.channelId } : null;
}

/** Records the voice channel the set's meetings' events are held in (null: none, so they are external events). */
export async function saveVoiceChannel(db: Db, setId: string, voiceChannelId: string | null): Promise<void> {
  await db.learningSet.update({ where: { id: setId }, data: { voiceChannelId } });
}
