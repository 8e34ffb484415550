/**
 * A meeting as a platform's own event (a Discord Guild Scheduled Event): what it should show, decided here once for
 * every platform that has events; the adapter only writes it (docs/architecture.md, "Meetings as platform events").
 */

/** Where an event stands: `scheduled` (upcoming or moved), `cancelled`, or `completed` (the meeting was closed). */
type MeetingEventStatus = "scheduled" | "cancelled" | "completed";

/**
 * What one meeting's event shows: its name (the set's name and the meeting's number), a description naming the
 * presenters and pointing back to the set's channel, its start and end, and its status. `meetingId` names the
 * meeting whose stored event id the write edits. `voiceChannelId`, when the set has one (`/set voice`), is the
 * platform's voice channel the event is held in; without it the event is external, its location the set's channel.
 */
export type MeetingEvent = {
  meetingId: string;
  status: MeetingEventStatus;
  name: string;
  description: string;
  startsAt: string;
  endsAt: string;
  voiceChannelId?: string;
};

/** Discord's limits on an event's name and description (the tightest platform with events). */
const EVENT_NAME_MAX = 100;
const EVENT_DESCRIPTION_MAX = 1000;

/**
 * Room a platform keeps at the end of a voice event's description for its pointer to the set's channel (Discord: a
 * link, at most 100 characters like an external event's location, and a line break).
 */
export const CHANNEL_POINTER_ROOM = 101;

/** A meeting as the event rules read it. */
export type EventMeeting = {
  id: string;
  number: number;
  status: "scheduled" | "closed" | "cancelled";
  startsAt: Date;
  durationMinutes: number;
};

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The event a meeting should have, or null when it should have none. A scheduled meeting still to start has one; a
 * meeting whose event was already queued (`queued`) keeps it through a cancellation or a close (cancelled, completed).
 * A meeting that was never shown and is no longer ahead gets none: a platform refuses an event starting in the past.
 * `presenters` is as the bot shows them elsewhere. The pointer to the set's channel is the event's location, which
 * each platform writes its own way (Discord: a link to the channel); an event held in the set's voice channel
 * (`set.voiceChannelId`) has that channel as its location, so the platform appends the pointer to its description,
 * within CHANNEL_POINTER_ROOM.
 */
export function meetingEvent(
  m: EventMeeting,
  set: { name: string; voiceChannelId?: string | null },
  presenters: string,
  now: Date,
  queued: boolean,
): MeetingEvent | null {
  const status: MeetingEventStatus = m.status === "scheduled" ? "scheduled" : m.status === "cancelled" ? "cancelled" : "completed";
  if (!queued && (status !== "scheduled" || m.startsAt <= now)) return null;
  const endsAt = new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
  // Only an event still to come is held somewhere: a cancellation or a completion changes its status alone.
  const voice = status === "scheduled" ? (set.voiceChannelId ?? null) : null;
  const where = voice
    ? "The set meets in this event's voice channel. Say whether you are coming with /meeting rsvp in the set's channel (linked below) or its buttons"
    : "The set meets in its channel (this event's location). Say whether you are coming with /meeting rsvp there or its buttons";
  return {
    meetingId: m.id,
    status,
    name: cut(`${set.name} · meeting ${m.number}`, EVENT_NAME_MAX),
    description: cut(
      [
        `Meeting ${m.number} of the action learning set "${set.name}".`,
        `Presenters: ${presenters}.`,
        `${where}: that RSVP is the record. Marking this event Interested sends you the RSVP buttons by DM.`,
      ].join("\n"),
      voice ? EVENT_DESCRIPTION_MAX - CHANNEL_POINTER_ROOM : EVENT_DESCRIPTION_MAX,
    ),
    startsAt: m.startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    ...(voice ? { voiceChannelId: voice } : {}),
  };
}

/** A short, stable text for what an event shows: equal exactly when the event would show the same. */
export function eventFingerprint(e: MeetingEvent): string {
  // An external event's text is what it was before events could be held in a voice channel, so no event is written again for it.
  const shown = [e.status, e.name, e.description, e.startsAt, e.endsAt];
  return JSON.stringify(e.voiceChannelId ? [...shown, e.voiceChannelId] : shown);
}
