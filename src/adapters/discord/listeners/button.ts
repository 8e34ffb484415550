import { type ButtonInteraction, MessageFlags } from "discord.js";
import { interpret } from "../../../app/interpret.ts";
import { decodeButton } from "../../../app/reply.ts";
import { act, type DiscordListenerContext } from "./context.ts";

/** A button of ours pressed: its custom id carries the set's channel and the command line it asks for. */
export async function buttonPressed(ctx: DiscordListenerContext, interaction: ButtonInteraction): Promise<void> {
  const target = decodeButton(interaction.customId);
  if (!target) return void (await interaction.reply({ content: "That button has expired.", flags: MessageFlags.Ephemeral }));
  await act(ctx, interaction, target.channelId, interpret({ kind: "pressed", line: target.command }, { forms: true }));
}
