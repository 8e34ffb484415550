import {
  ActionRowBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { ENTRY_MAX_CHARS } from "../../../commands/log.ts";
import { ENTRY_KIND_LABELS, entryFormFields, fieldRequired } from "../../app/entry-form.ts";
import { ENTRY_KIND_FIELD } from "../../app/interpret.ts";
import { ENTRY_KINDS, type EntryKind } from "../../domain/draft/entry-kind.ts";

const PREFIX = "log_entry";
/** The kind slot of the custom id of a form whose kind the person chooses on it. */
const CHOOSE = "choose";
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

/**
 * The entry form for a kind the person chooses on it (a saved message's, src/app/saved-message.ts): a select of the
 * kinds and the text, filled with `given.text` as written, each in its Label. The kinds' own fields (goal, due
 * date…) are not asked here, as they differ by kind: the reply says how to add them (`/log edit`). The custom id
 * keeps the set's channel and any `meeting:` given.
 */
export function chooseKindModal(channelId: string, given: Record<string, string> = {}): ModalBuilder {
  const kinds = new StringSelectMenuBuilder()
    .setCustomId(ENTRY_KIND_FIELD)
    .setMinValues(1)
    .setMaxValues(1)
    .setRequired(true)
    .addOptions(ENTRY_KINDS.map((k) => new StringSelectMenuOptionBuilder().setValue(k).setLabel(ENTRY_KIND_LABELS[k])));
  const text = new TextInputBuilder()
    .setCustomId(ENTRY_TEXT_FIELD)
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(ENTRY_MAX_CHARS)
    .setRequired(true);
  if (given.text) text.setValue(given.text.slice(0, ENTRY_MAX_CHARS));
  return new ModalBuilder()
    .setCustomId([PREFIX, channelId, CHOOSE, ...(given.meeting ? [given.meeting] : [])].join("|").slice(0, 100))
    .setTitle("Save to my log")
    .addLabelComponents(
      new LabelBuilder().setLabel("What is it?").setStringSelectMenuComponent(kinds),
      new LabelBuilder()
        .setLabel("In your own words")
        .setDescription("Only you can read it, unless you share your log with the set's advisors.")
        .setTextInputComponent(text),
    );
}

/**
 * The channel, kind (undefined when the person chooses it on the form) and meeting (if given) an entry form was
 * opened for, or null for any other modal.
 */
export function readEntryModalId(customId: string): { channelId: string; kind: EntryKind | undefined; meeting: string | null } | null {
  const [prefix, channelId, kind, meeting] = customId.split("|");
  if (prefix !== PREFIX || !channelId) return null;
  if (kind === CHOOSE) return { channelId, kind: undefined, meeting: meeting || null };
  return (ENTRY_KINDS as readonly string[]).includes(kind ?? "") ? { channelId, kind: kind as EntryKind, meeting: meeting || null } : null;
}
