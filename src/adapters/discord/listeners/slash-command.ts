import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import { type CommandDecl, commandKey } from "../../../../commands/define.ts";
import { interpret } from "../../../app/interpret.ts";
import { declarationOf } from "../declaration-of.ts";
import { voiceChannelReader } from "../voice-channels.ts";
import { act, type DiscordListenerContext } from "./context.ts";

/** A slash command: its declaration's options read as raw text (a user as its mention), then what the app makes of it. */
export async function slashCommand(ctx: DiscordListenerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const decl = declarationOf(interaction);
  if (!decl) {
    const sub = interaction.options.getSubcommand(false);
    const what = `/${interaction.commandName}${sub ? ` ${sub}` : ""}`;
    return void (await interaction.reply({
      content: `Unknown command ${what}: the bot's commands may have been updated. Type /help for the list.`,
      flags: MessageFlags.Ephemeral,
    }));
  }
  const names = new Map<string, string>();
  const raw: Record<string, string> = {};
  for (const name of Object.keys(decl.options)) {
    const option = interaction.options.get(name);
    if (!option || option.value === undefined || option.value === null) continue;
    if (option.user) names.set(option.user.id, option.user.globalName ?? option.user.username);
    raw[name] = option.user
      ? `<@${option.user.id}>`
      : decl.options[name]!.kind === "voice-channel"
        ? `<#${option.value}>`
        : String(option.value);
  }
  await nameMentions(ctx, decl, raw, names);
  const channels = Object.entries(decl.options).flatMap(([name, spec]) =>
    spec.kind === "voice-channel" && raw[name] !== undefined ? [raw[name]!.replace(/\D/g, "")] : [],
  );
  const readVoiceChannel = channels.length ? await voiceChannelReader(ctx.client, interaction.guildId ?? "", channels) : undefined;
  const what = interpret({ kind: "chosen", key: commandKey(decl), raw }, { forms: true });
  await act(ctx, interaction, interaction.channelId, what, names, readVoiceChannel);
}

/**
 * Discord resolves the person of a USER option, but not mentions typed into a text option (`member:@Ana @Ben`,
 * a `users` option): their names are fetched (discord.js caches users), so people are not stored as "user 123".
 */
async function nameMentions(ctx: DiscordListenerContext, decl: CommandDecl, raw: Record<string, string>, names: Map<string, string>) {
  const ids = Object.entries(decl.options)
    .filter(([name, spec]) => spec.kind === "users" && raw[name] !== undefined)
    .flatMap(([name]) => [...raw[name]!.matchAll(/<@!?(\d{5,25})>|\b(\d{5,25})\b/g)].map((m) => (m[1] ?? m[2])!));
  for (const id of [...new Set(ids)].filter((id) => !names.has(id)).slice(0, 20)) {
    const user = await ctx.client.users.fetch(id).catch(() => null);
    if (user) names.set(id, user.globalName ?? user.username);
  }
}
