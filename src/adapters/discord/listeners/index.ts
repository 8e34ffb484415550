import { Events, type Interaction, MessageFlags } from "discord.js";
import { autocomplete } from "./autocomplete.ts";
import { buttonPressed } from "./button.ts";
import type { DiscordListenerContext } from "./context.ts";
import { eventInterest } from "./event-interest.ts";
import { messageCommand } from "./message-command.ts";
import { modalSubmitted } from "./modal-submit.ts";
import { slashCommand } from "./slash-command.ts";

/**
 * Every Discord listener, registered in this one place (one listener per file beside it): each interaction goes to
 * the listener of its kind. One that fails is logged, and its user gets an apology (never the error). A mark of
 * Interested on a scheduled event goes to its own listener; one that fails is logged.
 */
export function registerListeners(ctx: DiscordListenerContext): void {
  ctx.client.on(Events.GuildScheduledEventUserAdd, (event, user) => {
    eventInterest(ctx, event, user).catch((error: unknown) => ctx.deps.logger.error({ err: error }, "discord event interest failed"));
  });
  ctx.client.on(Events.InteractionCreate, async (interaction: Interaction) => {
    try {
      if (interaction.isChatInputCommand()) await slashCommand(ctx, interaction);
      else if (interaction.isMessageContextMenuCommand()) await messageCommand(ctx, interaction);
      else if (interaction.isButton()) await buttonPressed(ctx, interaction);
      else if (interaction.isModalSubmit()) await modalSubmitted(ctx, interaction);
      else if (interaction.isAutocomplete()) await autocomplete(ctx, interaction);
    } catch (error) {
      ctx.deps.logger.error({ err: error }, "discord interaction failed");
      if (!interaction.isRepliable()) return;
      const sorry = { content: "Sorry, something went wrong on our side. Please try again; if it keeps happening, tell your advisor." };
      await (interaction.deferred || interaction.replied
        ? interaction.editReply(sorry)
        : interaction.reply({ ...sorry, flags: MessageFlags.Ephemeral })
      ).catch(() => {});
    }
  });
}
