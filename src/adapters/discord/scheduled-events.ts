/**
 * Meetings as Discord Guild Scheduled Events (docs/architecture.md, "Meetings as platform events"): external events
 * whose location links to the set's channel, or voice events in the set's voice channel (`/set voice`) whose
 * description ends with that link. Discord allows SCHEDULED → ACTIVE → COMPLETED and SCHEDULED → CANCELED,
 * and nothing after COMPLETED or CANCELED; a closed meeting's event is therefore started, then completed.
 */
import {
  type APIGuildScheduledEvent,
  type Client,
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import type { EventWrite } from "../../app/destination.ts";
import { type EventRef, MissingPermission } from "../../scheduler/event-writes.ts";

/** What the advisors are told to grant when Discord refuses an event write for want of a permission. */
const EVENTS_PERMISSION_ADVICE =
  "the bot lacks Discord's Manage Events permission: in Server Settings → Roles, give the bot's role Manage Events";

/** The same, for an event held in the set's voice channel: Discord also wants the bot to see and join that channel. */
const VOICE_EVENTS_PERMISSION_ADVICE =
  "the bot lacks Discord's Manage Events permission, or View Channel and Connect in the set's voice channel: in Server Settings → Roles, give the bot's role Manage Events, and in the voice channel's settings (Permissions) let it View Channel and Connect";

const isCode = (error: unknown, code: number) => error instanceof DiscordAPIError && error.code === code;

/** The link to a channel: where the set meets, as an external event's location (at most 100 characters). */
const channelLink = (guildId: string, channelId: string) => `https://discord.com/channels/${guildId}/${channelId}`;

/**
 * Makes the meeting's event show `write.event` (see EventRef and NudgeSink.writeEvent): an upcoming meeting's event is
 * edited, or created (and its id saved) when there is none or Discord no longer has it; a cancelled meeting's event is
 * cancelled, a closed meeting's completed (started first when still scheduled); an event already over is left as it
 * is. Resolves with the event's id; none when there is no event to change. Discord's 50013 (Missing Permissions)
 * becomes MissingPermission.
 */
export async function writeScheduledEvent(client: Client, write: EventWrite, ref: EventRef): Promise<string | undefined> {
  try {
    return await showEvent(client, write, ref);
  } catch (error) {
    const voice = write.event.status === "scheduled" && write.event.voiceChannelId !== undefined;
    // A voice channel the bot cannot see answers 50001 (Missing Access) rather than 50013.
    if (isCode(error, RESTJSONErrorCodes.MissingPermissions) || (voice && isCode(error, RESTJSONErrorCodes.MissingAccess)))
      throw new MissingPermission(
        `Discord refused the meeting's event: ${(error as Error).message}`,
        voice ? VOICE_EVENTS_PERMISSION_ADVICE : EVENTS_PERMISSION_ADVICE,
      );
    throw error;
  }
}

/** The writes themselves; see writeScheduledEvent. */
async function showEvent(
  client: Client,
  { workspaceId: guildId, channelId, event }: EventWrite,
  ref: EventRef,
): Promise<string | undefined> {
  const one = (id: string) => Routes.guildScheduledEvent(guildId, id);
  if (event.status === "scheduled") {
    const link = channelLink(guildId, channelId);
    // Discord: a VOICE event names its channel and has no entity_metadata; an EXTERNAL one has no channel, its
    // location in entity_metadata and an end time. An edit states every one of them, so it can turn one into the other.
    const place = event.voiceChannelId
      ? { entity_type: GuildScheduledEventEntityType.Voice, channel_id: event.voiceChannelId, entity_metadata: null }
      : { entity_type: GuildScheduledEventEntityType.External, channel_id: null, entity_metadata: { location: link } };
    const shown = {
      name: event.name,
      description: event.voiceChannelId ? `${event.description}\n${link}` : event.description,
      scheduled_start_time: event.startsAt,
      scheduled_end_time: event.endsAt,
      ...place,
    };
    if (ref.id) {
      try {
        await client.rest.patch(one(ref.id), { body: shown });
        return ref.id;
      } catch (error) {
        // Deleted in Discord by someone: the meeting gets a new event.
        if (!isCode(error, RESTJSONErrorCodes.UnknownGuildScheduledEvent)) throw error;
      }
    }
    // Creating, the field an entity type has no use for is left out rather than null.
    const { channel_id, entity_metadata, ...rest } = shown;
    const created = (await client.rest.post(Routes.guildScheduledEvents(guildId), {
      body: {
        ...rest,
        ...(channel_id ? { channel_id } : {}),
        ...(entity_metadata ? { entity_metadata } : {}),
        privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
      },
    })) as APIGuildScheduledEvent;
    await ref.save(created.id);
    return created.id;
  }
  if (!ref.id) return undefined;
  let current: APIGuildScheduledEvent;
  try {
    current = (await client.rest.get(one(ref.id))) as APIGuildScheduledEvent;
  } catch (error) {
    if (!isCode(error, RESTJSONErrorCodes.UnknownGuildScheduledEvent)) throw error;
    await ref.save(null);
    return undefined;
  }
  const setStatus = (status: GuildScheduledEventStatus) => client.rest.patch(one(ref.id!), { body: { status } });
  const { Scheduled, Active, Completed, Canceled } = GuildScheduledEventStatus;
  if (current.status === Completed || current.status === Canceled) return ref.id;
  if (event.status === "cancelled" && current.status === Scheduled) await setStatus(Canceled);
  else {
    // Completed (or a cancelled meeting whose event someone started): only an active event can be completed.
    if (current.status === Scheduled) await setStatus(Active);
    await setStatus(Completed);
  }
  return ref.id;
}
