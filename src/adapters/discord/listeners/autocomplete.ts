import type { AutocompleteInteraction } from "discord.js";
import { suggest } from "../../../app/suggest.ts";
import { declarationOf } from "../declaration-of.ts";
import type { DiscordListenerContext } from "./context.ts";

/** Autocomplete for an option that suggests (the set's meetings, the actor's actions, entries, goals or problems). */
export async function autocomplete(ctx: DiscordListenerContext, interaction: AutocompleteInteraction): Promise<void> {
  const decl = declarationOf(interaction);
  const focused = interaction.options.getFocused(true);
  const spec = decl?.options[focused.name];
  const kind = spec?.suggest ?? (spec?.kind === "meeting" ? "meetings" : undefined);
  const where = {
    platform: "discord",
    workspaceId: interaction.guildId ?? "",
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
  const choices = kind ? await suggest(ctx.deps, where, kind, String(focused.value)) : [];
  await interaction.respond(choices.map((c) => ({ name: c.name, value: spec?.kind === "integer" ? Number(c.value) : String(c.value) })));
}
