import { interpret } from "../../../../app/interpret.ts";
import { readCommandModal } from "../../command-modal.ts";
import type { SlackListenerContext } from "../context.ts";
import { submitForm, type ViewSubmitted } from "./submit-form.ts";

/** A command form submitted: its command with each field as the option's raw text. One whose metadata names no form is closed. */
export const commandFormSubmitted = (ctx: SlackListenerContext) => async (args: ViewSubmitted) => {
  const submitted = readCommandModal(args.view.private_metadata, args.view.state.values);
  if (!submitted) return void (await args.ack());
  const { channelId, form, values } = submitted;
  const onForm = (name: string) => form.fields.some((f) => f.name === name);
  const what = interpret({ kind: "command-form", form, values }, { forms: true });
  await submitForm(ctx, args, channelId, what, { onForm, fallback: form.fields[0]!.name });
};
