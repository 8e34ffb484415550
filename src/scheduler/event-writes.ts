/**
 * The delivery of meetings' event writes (docs/architecture.md, "Meetings as platform events"): the event's stored id
 * handed to the adapter, and what a refusal for want of a permission leaves behind.
 */
import { randomUUID } from "node:crypto";
import type { Delivery, EventWrite } from "../app/destination.ts";
import {
  clearEventsRefused,
  otherWriteInFlight,
  platformEventIdOf,
  recordEventsRefused,
  savePlatformEventId,
} from "../store/meeting-events.ts";
import type { Db } from "../store/open-database.ts";
import { insertOutbox } from "../store/outbox.ts";
import { findSetById } from "../store/sets.ts";

/**
 * A meeting's event as stored on the meeting (Meeting.platformEventId): `id` is the platform's id for it (null: not
 * created yet), and `save` records a newly created one, or null when the platform no longer has it. An adapter
 * saves as soon as the platform has created the event, so later writes edit that one.
 */
export type EventRef = { id: string | null; save(eventId: string | null): Promise<void> };

/**
 * A platform's refusal that trying again will not change: the bot lacks a permission (Discord's Manage Events).
 * The write is given up at once, without retries, and the set's advisors are told once what to grant: `advice`.
 */
export class MissingPermission extends Error {
  constructor(
    message: string,
    readonly advice: string,
  ) {
    super(message);
    this.name = "MissingPermission";
  }
}

/** Writes a meeting's event on its platform (an adapter's `writeEvent`, src/scheduler/deliver.ts `NudgeSink`). */
export type EventWriter = (write: EventWrite, ref: EventRef) => Promise<string | undefined>;

/** The outbox kind of the DM that tells an advisor which permission the bot lacks for the set's events. */
const EVENTS_REFUSED_KIND = "events-refused";

/** How long that DM may wait to be delivered before it is pointless. */
const TELL_STALE_MS = 7 * 24 * 3_600_000;

/**
 * Writes the event of outbox row `row` through the adapter of its platform, with the meeting's stored event id;
 * throws (to be retried) while another write of the same meeting is in flight.
 */
export async function writeEventOnce(
  db: Db,
  writeEvent: EventWriter | undefined,
  row: { id: string; key: string; setId: string },
  write: EventWrite,
): Promise<string | undefined> {
  if (!writeEvent) throw new Error(`no adapter running writes events for platform "${write.platform}"`);
  if (await otherWriteInFlight(db, row)) throw new Error("an earlier write of this meeting's event is still being delivered");
  const { meetingId } = write.event;
  const ref = { id: await platformEventIdOf(db, meetingId), save: (eventId: string | null) => savePlatformEventId(db, meetingId, eventId) };
  return writeEvent(write, ref);
}

/**
 * After an event write: a success ends any refusal on record for the set; a refusal for want of a permission is
 * recorded on the set and, the first time only, each of its advisors gets a DM (through the outbox) saying what to
 * grant. Later refusals of the same set tell nobody until a write has succeeded again.
 */
export async function settleEventWrite(db: Db, setId: string, write: EventWrite, now: Date, refusal: MissingPermission | null) {
  if (!refusal) return clearEventsRefused(db, setId);
  if (!(await recordEventsRefused(db, setId, now))) return;
  const set = await findSetById(db, setId);
  if (!set) return;
  const text = [
    `Set "${set.name}": I could not put its meetings in this server's Events, because ${refusal.advice}.`,
    "Everything else works as before: meetings, RSVPs and reminders stay in the set's channel. Once the permission is granted, the next change to a meeting puts it in Events.",
  ].join("\n");
  const rows = set.memberships
    .filter((m) => m.role === "advisor")
    .map(({ person }) => {
      const delivery: Delivery = {
        platform: write.platform,
        workspaceId: write.workspaceId,
        channelId: write.channelId,
        to: { kind: "dm", externalId: person.externalId, displayName: person.displayName, timeZone: person.timeZone },
        reply: { text },
      };
      return {
        id: randomUUID(),
        // Once per loss is recordEventsRefused's doing: the key only tells one loss's DMs from another's.
        key: `${EVENTS_REFUSED_KIND}:${setId}:${person.id}:${setId}:${randomUUID()}`,
        kind: EVENTS_REFUSED_KIND,
        setId,
        personId: person.id,
        payload: JSON.stringify(delivery),
        sendAt: now,
        staleAt: new Date(now.getTime() + TELL_STALE_MS),
        status: "pending" as const,
        reason: null,
      };
    });
  await insertOutbox(db, rows, now);
}
