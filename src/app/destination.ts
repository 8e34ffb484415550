import type { MeetingEvent } from "../domain/set/meeting-event.ts";
import type { Outgoing, Reply } from "./reply.ts";

/**
 * Where one message goes, in the platform's own ids: the same shape for a command's replies and for a reminder (an
 * outbox row's payload is a Destination with its Reply, `Delivery`). `channelId` is always the set's channel: a
 * channel post goes there, a button in the message runs its command there, and a message to the actor alone (shown
 * in that channel where the platform can) or by DM belongs to that set.
 */
export type Destination = {
  /** The platform's name, as its adapter and the workspace row give it. */
  platform: string;
  /** The platform's workspace (Slack team, Discord guild), whose credentials the adapter sends with. */
  workspaceId: string;
  channelId: string;
  to:
    | { kind: "channel" }
    /** Only the person who ran the command sees it (Slack's ephemeral message, Discord's ephemeral reply). */
    | { kind: "actor"; userId: string; timeZone?: string }
    | { kind: "dm"; externalId: string; displayName: string; timeZone: string };
};

/** A reminder as the outbox keeps it: where it goes and what it says (rendered at planning time). */
export type Delivery = Destination & { reply: Reply };

/**
 * Where a command ran: its platform, the platform's workspace (Slack team, Discord guild, the console's one workspace),
 * the set's channel (where the command was typed, or the channel a button or form carries) and the user who ran it.
 */
export type CommandPlace = { platform: string; workspaceId: string; channelId: string; userId: string };

/**
 * Where a command's reply goes: its audience read against the place the command ran (the channel is the command's
 * own, or another set's; the actor is the user who ran it).
 */
export function destinationOf(out: Outgoing, place: CommandPlace): Destination {
  const { platform, workspaceId, channelId } = place;
  const { audience } = out;
  switch (audience.kind) {
    case "channel":
      return { platform, workspaceId, channelId, to: { kind: "channel" } };
    case "set-channel":
      return { platform, workspaceId, channelId: audience.channelId, to: { kind: "channel" } };
    case "actor":
      return {
        platform,
        workspaceId,
        channelId,
        to: { kind: "actor", userId: place.userId, ...(audience.timeZone ? { timeZone: audience.timeZone } : {}) },
      };
    case "dm": {
      const { externalId, displayName, timeZone } = audience;
      return { platform, workspaceId, channelId, to: { kind: "dm", externalId, displayName, timeZone } };
    }
  }
}

/**
 * A write of one meeting's event on its set's platform (a Discord Guild Scheduled Event), as the outbox keeps it:
 * the set's platform, workspace and channel (the event points back to it), and the whole event to show
 * (docs/architecture.md, "Meetings as platform events").
 */
export type EventWrite = { platform: string; workspaceId: string; channelId: string; event: MeetingEvent };

/** What an outbox row's payload holds: a message to deliver, or a meeting's event to write. */
export type OutboxWork = Delivery | EventWrite;

/** Whether an outbox row's work is an event write. */
export const isEventWrite = (work: OutboxWork): work is EventWrite => "event" in work;
