import { MessageFlags, type ModalSubmitInteraction } from "discord.js";
import { ENTRY_KIND_FIELD, interpret } from "../../../app/interpret.ts";
import { ENTRY_KINDS } from "../../../domain/draft/entry-kind.ts";
import { readCommandModalFields, readCommandModalId } from "../command-modal.ts";
import { ENTRY_TEXT_FIELD, modalFields, readEntryModalId } from "../entry-modal.ts";
import { act, type DiscordListenerContext } from "./context.ts";

/** A submitted modal: a command form (its command with each field) or the entry form (`/log KIND`); any other has expired. */
export async function modalSubmitted(ctx: DiscordListenerContext, interaction: ModalSubmitInteraction): Promise<void> {
  const submitted = readCommandModalId(interaction.customId);
  if (submitted) {
    const values = readCommandModalFields(submitted.form, interaction.fields);
    return act(ctx, interaction, submitted.channelId, interpret({ kind: "command-form", form: submitted.form, values }, { forms: true }));
  }
  const form = readEntryModalId(interaction.customId);
  if (!form) return void (await interaction.reply({ content: "That form has expired.", flags: MessageFlags.Ephemeral }));
  const fields: Record<string, string> = {};
  // A form whose kind the person chose on it (chooseKindModal) has its select; the others are for their kind.
  const chosen = interaction.fields.fields.get(ENTRY_KIND_FIELD);
  const picked = chosen && "values" in chosen && Array.isArray(chosen.values) ? String(chosen.values[0] ?? "") : "";
  const kind = form.kind ?? ENTRY_KINDS.find((k) => k === picked);
  for (const f of form.kind ? modalFields(form.kind) : []) {
    const field = interaction.fields.fields.get(f.name);
    const value = field && "value" in field ? String(field.value ?? "").trim() : "";
    if (value) fields[f.name] = value;
  }
  const text = interaction.fields.getTextInputValue(ENTRY_TEXT_FIELD);
  const event = { kind: "entry-form" as const, entryKind: kind, text, fields, ...(form.meeting ? { meeting: form.meeting } : {}) };
  await act(ctx, interaction, form.channelId, interpret(event, { forms: true }));
}
