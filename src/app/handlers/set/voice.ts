import { setVoice } from "../../../../commands/index.ts";
import { saveVoiceChannel } from "../../../store/meeting-events.ts";
import { handler } from "../../context.ts";
import { toActor, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** What `/set voice` says where the set's platform has no events, so no voice channel to hold them in. */
const NOT_HERE =
  "/set voice is a Discord setting: there each meeting is also an event in the server's Events, which can be held in a voice channel. This set's platform has no voice channels (Slack and the console have none), so there is nothing to set here.";

/**
 * `/set voice [channel:] [clear:yes]`: the voice channel the set's meetings' events are held in (docs/architecture.md,
 * "Meetings as platform events"), or none again; alone, shows the setting. Only where the set's meetings are the
 * platform's events (Deps.eventPlatforms). The upcoming meetings' events follow by themselves: what an event shows
 * includes its voice channel, so dispatch queues each one's write on this command's transaction.
 */
export default handler(setVoice, async (ctx, { channel, clear }) => {
  if (!ctx.deps.eventPlatforms?.includes(ctx.workspace.platform)) return failure("bad-option", NOT_HERE);
  const current = ctx.set.voiceChannelId;
  if (channel && clear) return failure("bad-option", "Give channel: or clear:yes, not both. Example: /set voice clear:yes");
  if (!channel && !clear) {
    const where = current
      ? "in the set's voice channel (voice events there), their description pointing back to this channel"
      : "external events whose location links to this channel";
    return success([
      toActor({
        text: `The meetings' events in this server's Events are ${where}. Change with /set voice channel: (one of the server's voice channels) or /set voice clear:yes.`,
      }),
    ]);
  }
  if (channel) {
    if (channel.externalId === current) return failure("conflict", `The set's meetings are already held in #${channel.name}.`);
    await saveVoiceChannel(ctx.deps.db, ctx.set.id, channel.externalId);
    return success([
      toChannel({
        text: `${ctx.actor.displayName} chose the voice channel #${channel.name} for the set's meetings. The upcoming meetings' events in this server's Events move to it (voice events in #${channel.name}); their description still points back to this channel. /set voice clear:yes makes them external events again.`,
      }),
    ]);
  }
  if (!current)
    return failure("conflict", "The set has no voice channel: its meetings' events are already external events linking this channel.");
  await saveVoiceChannel(ctx.deps.db, ctx.set.id, null);
  return success([
    toChannel({
      text: `${ctx.actor.displayName} cleared the set's voice channel. The upcoming meetings' events in this server's Events are external events again, whose location links to this channel.`,
    }),
  ]);
});
