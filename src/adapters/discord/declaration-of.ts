import type { AutocompleteInteraction, ChatInputCommandInteraction } from "discord.js";
import type { CommandDecl } from "../../../commands/define.ts";
import { allCommands } from "../../../commands/index.ts";

/** The declaration a slash command (or its autocomplete) is for; a family's bare form arrives as its `bareSub`. */
export function declarationOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandDecl | undefined {
  const sub = interaction.options.getSubcommand(false);
  const family = allCommands.filter((d) => d.name === interaction.commandName);
  return (
    family.find((d) => d.sub !== undefined && d.sub === sub) ??
    family.find((d) => d.sub === undefined && (sub === null || d.bareSub === sub))
  );
}
