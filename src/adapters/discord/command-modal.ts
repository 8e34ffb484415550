import {
  LabelBuilder,
  ModalBuilder,
  type ModalSubmitFields,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { type CommandForm, commandFormByKey } from "../../app/command-form.ts";

const PREFIX = "form";

/**
 * A command's form as a Discord modal: each field in a Label (a modal holds at most five), a text as a paragraph
 * input within the option's limit, a choice as a string select of one value with the command's default (or what the
 * slash command gave) picked. The custom id keeps the set's channel and the command, and nothing about who opened it.
 */
export function commandModal(channelId: string, form: CommandForm, given: Record<string, string> = {}): ModalBuilder {
  const labels = form.fields.map((f) => {
    const label = new LabelBuilder().setLabel(f.label).setDescription(f.hint);
    if (f.input === "text") {
      const input = new TextInputBuilder()
        .setCustomId(f.name)
        .setStyle(TextInputStyle.Paragraph)
        .setMaxLength(f.max)
        .setRequired(f.required);
      if (given[f.name]) input.setValue(given[f.name]!.slice(0, f.max));
      return label.setTextInputComponent(input);
    }
    const picked = f.choices.some((c) => c.value === given[f.name]) ? given[f.name] : f.initial;
    const select = new StringSelectMenuBuilder()
      .setCustomId(f.name)
      .setMinValues(1)
      .setMaxValues(1)
      .setRequired(true)
      .addOptions(
        f.choices.map((c) =>
          new StringSelectMenuOptionBuilder()
            .setValue(c.value)
            .setLabel(c.label)
            .setDefault(c.value === picked),
        ),
      );
    return label.setStringSelectMenuComponent(select);
  });
  return new ModalBuilder()
    .setCustomId([PREFIX, channelId, form.key].join("|"))
    .setTitle(form.title)
    .addLabelComponents(...labels);
}

/** The channel and form a submitted command form was opened for, or null for any other modal. */
export function readCommandModalId(customId: string): { channelId: string; form: CommandForm } | null {
  const [prefix, channelId, key] = customId.split("|");
  const form = prefix === PREFIX && channelId && key ? commandFormByKey(key) : undefined;
  return form ? { channelId: channelId!, form } : null;
}

/** Each field's value in a submitted command form, by option name: a text as typed, a choice as picked (undefined when absent). */
export function readCommandModalFields(form: CommandForm, fields: ModalSubmitFields): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const f of form.fields) {
    const field = fields.fields.get(f.name);
    if (!field) continue;
    if ("value" in field && typeof field.value === "string") values[f.name] = field.value;
    else if ("values" in field && Array.isArray(field.values)) values[f.name] = field.values[0];
  }
  return values;
}
