import type { types, ViewOutput } from "@slack/bolt";
import { type CommandForm, commandFormByKey } from "../../app/command-form.ts";

/** The callback id of every command form (the entry form has its own, ./entry-modal.ts). */
export const COMMAND_MODAL = "command_form";

/**
 * A command's form as a Slack modal: a block per field, whose block and action ids are the option's name; a text is
 * a text input within the option's limit, a choice radio buttons with the command's default picked. The private
 * metadata keeps the set's channel and the command, and nothing about who opened it.
 */
export function commandModal(channelId: string, form: CommandForm, given: Record<string, string> = {}): types.ModalView {
  const blocks = form.fields.map((f): types.InputBlock => {
    const option = (c: { value: string; label: string }): types.PlainTextOption => ({
      text: { type: "plain_text", text: c.label },
      value: c.value,
    });
    const picked =
      f.input === "choice" ? (f.choices.find((c) => c.value === given[f.name]) ?? f.choices.find((c) => c.value === f.initial)) : undefined;
    const element: types.PlainTextInput | types.RadioButtons =
      f.input === "text"
        ? {
            type: "plain_text_input",
            action_id: f.name,
            multiline: true,
            max_length: f.max,
            ...(given[f.name] ? { initial_value: given[f.name] } : {}),
          }
        : {
            type: "radio_buttons",
            action_id: f.name,
            options: f.choices.map(option),
            ...(picked ? { initial_option: option(picked) } : {}),
          };
    return {
      type: "input",
      block_id: f.name,
      optional: !f.required,
      label: { type: "plain_text", text: f.label },
      hint: { type: "plain_text", text: f.hint },
      element,
    };
  });
  return {
    type: "modal",
    callback_id: COMMAND_MODAL,
    private_metadata: `${channelId}|${form.key}`,
    title: { type: "plain_text", text: form.title },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Cancel" },
    blocks,
  };
}

/** What a submitted view's inputs hold, by block and action id. */
type ViewValues = ViewOutput["state"]["values"];

/** The channel, form and field values (by option name) of a submitted command form; null if its metadata names no form. */
export function readCommandModal(
  privateMetadata: string,
  values: ViewValues,
): { channelId: string; form: CommandForm; values: Record<string, string | undefined> } | null {
  const bar = privateMetadata.indexOf("|");
  const form = bar > 0 ? commandFormByKey(privateMetadata.slice(bar + 1)) : undefined;
  if (!form) return null;
  const read = (name: string) => {
    const v = values[name]?.[name];
    return v?.selected_option?.value ?? v?.value ?? undefined;
  };
  return { channelId: privateMetadata.slice(0, bar), form, values: Object.fromEntries(form.fields.map((f) => [f.name, read(f.name)])) };
}
