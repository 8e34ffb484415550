/**
 * Meetings as Discord Guild Scheduled Events (docs/architecture.md, "Meetings as platform events"): external events
 * whose location links to the set's channel. Discord allows SCHEDULED → ACTIVE → COMPLETED and SCHEDULED → CANCELED,
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
    if (isCode(error, RESTJSONErrorCodes.MissingPermissions))
      throw new MissingPermission(`Discord refused the meeting's event: ${(error as Error).message}`, EVENTS_PERMISSION_ADVICE);
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
    const shown = {
      name: event.name,
      description: event.description,
      scheduled_start_time: event.startsAt,
      scheduled_end_time: event.endsAt,
      entity_metadata: { location: channelLink(guildId, channelId) },
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
    const created = (await client.rest.post(Routes.guildScheduledEvents(guildId), {
      body: { ...shown, privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly, entity_type: GuildScheduledEventEntityType.External },
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
