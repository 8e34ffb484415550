/**
 * The voice channel options of a slash command (`/set voice channel:`): Discord offers only its server's voice
 * channels, but the bot checks what it is given all the same (a client with stale commands, a channel gone since).
 */
import { type APIChannel, ChannelType, type Client, Routes } from "discord.js";
import type { VoiceChannelRef } from "../../../commands/define.ts";
import { invalid, type Parsed, parsed } from "../../domain/text/parse-result.ts";

/** A channel as Discord's REST API describes it, or null when the bot cannot see it (unknown, or no View Channel). */
type SeenChannel = { name: string; type: number; guildId: string | null } | null;

/** Discord's own word for a kind of channel, for a refusal. */
const KIND: Partial<Record<number, string>> = {
  [ChannelType.GuildText]: "a text channel",
  [ChannelType.GuildStageVoice]: "a stage channel",
  [ChannelType.GuildAnnouncement]: "an announcement channel",
  [ChannelType.GuildForum]: "a forum channel",
  [ChannelType.GuildCategory]: "a category",
};

/**
 * Looks up the channels `ids` (as Discord's REST API has them, so their server is Discord's word, not a cache's) and
 * returns the reader of a `<#id>` token for guild `guildId`: one of its voice channels, or a refusal saying why not.
 */
export async function voiceChannelReader(
  client: Client,
  guildId: string,
  ids: string[],
): Promise<(token: string) => Parsed<VoiceChannelRef>> {
  const seen = new Map<string, SeenChannel>();
  for (const id of new Set(ids)) {
    const channel = (await client.rest.get(Routes.channel(id)).catch(() => null)) as APIChannel | null;
    seen.set(
      id,
      channel ? { name: channel.name ?? id, type: channel.type, guildId: "guild_id" in channel ? (channel.guild_id ?? null) : null } : null,
    );
  }
  const pick = "Pick one of this server's voice channels from the list Discord offers, e.g. /set voice channel:#meeting-room";
  return (token) => {
    const id = /^(?:<#(\d{5,25})>|(\d{5,25}))$/.exec(token.trim())?.slice(1).find(Boolean);
    const channel = id ? seen.get(id) : undefined;
    if (!id || !channel) return invalid(`That is not a channel the bot can see in this server (it needs View Channel there). ${pick}.`);
    if (channel.guildId !== guildId) return invalid(`#${channel.name} is not a channel of this server. ${pick}.`);
    if (channel.type !== ChannelType.GuildVoice)
      return invalid(`#${channel.name} is ${KIND[channel.type] ?? "not a voice channel"}, not a voice channel. ${pick}.`);
    return parsed({ externalId: id, name: channel.name });
  };
}
