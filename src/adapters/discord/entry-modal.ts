import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from "discord.js";
import { ENTRY_MAX_CHARS } from "../../../commands/log.ts";
import { ENTRY_KINDS, type EntryKind } from "../../domain/entry-kind.ts";

const PREFIX = "log_entry";
export const ENTRY_TEXT_FIELD = "text";

/** The entry form for one kind; its custom id keeps the set's channel and the kind. */
export function entryModal(channelId: string, kind: EntryKind): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(ENTRY_TEXT_FIELD)
    .setLabel(`Your ${kind}, in your own words`)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(ENTRY_MAX_CHARS)
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(`${PREFIX}|${channelId}|${kind}`)
    .setTitle("Record in my log")
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** The channel and kind an entry form was opened for, or null for any other modal. */
export function readEntryModalId(customId: string): { channelId: string; kind: EntryKind } | null {
  const [prefix, channelId, kind] = customId.split("|");
  return prefix === PREFIX && channelId && (ENTRY_KINDS as readonly string[]).includes(kind ?? "")
    ? { channelId, kind: kind as EntryKind }
    : null;
}
