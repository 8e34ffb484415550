import type { GuildScheduledEvent, PartialGuildScheduledEvent, PartialUser, User } from "discord.js";
import { offerRsvp } from "../../../app/event-interest.ts";
import { sendReplies } from "../../adapter.ts";
import type { DiscordListenerContext } from "./context.ts";

/**
 * Someone marked a scheduled event Interested (GUILD_SCHEDULED_EVENT_USER_ADD): when it is a meeting's event and they
 * are a member of its set, they get that meeting's RSVP buttons by DM (src/app/event-interest.ts).
 */
export async function eventInterest(
  ctx: DiscordListenerContext,
  event: GuildScheduledEvent | PartialGuildScheduledEvent,
  user: User | PartialUser,
): Promise<void> {
  if (user.bot || !event.guildId) return;
  const offer = await offerRsvp(ctx.deps, { platform: "discord", workspaceId: event.guildId, eventId: event.id, userId: user.id });
  if (offer) await sendReplies(ctx.send, offer.outgoing, offer.place);
}
