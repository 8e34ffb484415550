import { type MessageContextMenuCommandInteraction, MessageFlags } from "discord.js";
import { messageShortcutNamed } from "../../../../commands/shortcuts.ts";
import { savedMessageForm } from "../../../app/saved-message.ts";
import { act, type DiscordListenerContext } from "./context.ts";

/**
 * A message command from a message's context menu (commands/shortcuts.ts): "Save to my log" asks the app what it
 * means (src/app/saved-message.ts) and opens the entry form with the message's text as written, for the set's
 * channel it is saved to, or answers the refusal to the person alone. Discord gives a message command the message's
 * content whatever the bot's intents.
 */
export async function messageCommand(ctx: DiscordListenerContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  if (messageShortcutNamed(interaction.commandName) !== "save_to_log")
    return void (await interaction.reply({
      content: `Unknown command "${interaction.commandName}": the bot's commands may have been updated.`,
      flags: MessageFlags.Ephemeral,
    }));
  const target = interaction.targetMessage;
  const place = {
    platform: "discord",
    workspaceId: interaction.guildId ?? "",
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
  const message = { text: target.content, authorId: target.author?.id, sentAt: target.createdAt };
  const form = await savedMessageForm(ctx.deps, place, message);
  await act(ctx, interaction, form.channelId, form.what);
}
