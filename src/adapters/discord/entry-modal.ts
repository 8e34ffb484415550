import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from "discord.js";
import { ENTRY_MAX_CHARS } from "../../../commands/log.ts";
import { entryFormFields, fieldRequired } from "../../app/entry-form.ts";
import { ENTRY_KINDS, type EntryKind } from "../../domain/draft/entry-kind.ts";

const PREFIX = "log_entry";
export const ENTRY_TEXT_FIELD = "text";
/** Discord allows five inputs in a modal: the text and up to four of the kind's fields. */
const MAX_FIELDS = 4;

/** The fields a kind's modal shows besides its text (the first four the kind takes). */
export const modalFields = (kind: EntryKind) => entryFormFields(kind).slice(0, MAX_FIELDS);

/**
 * The entry form for one kind: its text, then the options the kind takes (goal, due date, help and support,
 * problem…), each filled in with what the slash command already gave. The custom id keeps the set's channel, the
 * kind and any `meeting:` given (which the form does not ask for).
 */
export function entryModal(channelId: string, kind: EntryKind, given: Record<string, string> = {}): ModalBuilder {
  const text = new TextInputBuilder()
    .setCustomId(ENTRY_TEXT_FIELD)
    .setLabel(`Your ${kind === "action-learning" ? "entry on action learning" : kind}, in your own words`)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(ENTRY_MAX_CHARS)
    .setRequired(true);
  if (given.text) text.setValue(given.text.slice(0, ENTRY_MAX_CHARS));
  const inputs = [
    text,
    ...modalFields(kind).map((f) => {
      const input = new TextInputBuilder()
        .setCustomId(f.name)
        .setLabel(f.label)
        .setStyle(TextInputStyle.Short)
        .setMaxLength(300)
        .setRequired(fieldRequired(kind, f.name));
      if (given[f.name]) input.setValue(given[f.name]!.slice(0, 300));
      return input;
    }),
  ];
  return new ModalBuilder()
    .setCustomId([PREFIX, channelId, kind, ...(given.meeting ? [given.meeting] : [])].join("|").slice(0, 100))
    .setTitle("Record in my log")
    .addComponents(...inputs.map((input) => new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
}

/** The channel, kind and meeting (if given) an entry form was opened for, or null for any other modal. */
export function readEntryModalId(customId: string): { channelId: string; kind: EntryKind; meeting: string | null } | null {
  const [prefix, channelId, kind, meeting] = customId.split("|");
  return prefix === PREFIX && channelId && (ENTRY_KINDS as readonly string[]).includes(kind ?? "")
    ? { channelId, kind: kind as EntryKind, meeting: meeting || null }
    : null;
}
