import { entryFormFields } from "../../../../app/entry-form.ts";
import { ENTRY_KIND_FIELD, interpret } from "../../../../app/interpret.ts";
import { ENTRY_TEXT_BLOCK, readEntryModal, readEntryModalMetadata } from "../../entry-modal.ts";
import type { SlackListenerContext } from "../context.ts";
import { submitForm, type ViewSubmitted } from "./submit-form.ts";

/**
 * The entry form submitted: `/log KIND` with its fields (and the meeting it was opened for), as the set's channel (the
 * view's metadata) and its submitter.
 */
export const entryFormSubmitted = (ctx: SlackListenerContext) => async (args: ViewSubmitted) => {
  const { kind, text, fields } = readEntryModal(args.view.state.values);
  const { channelId, meeting } = readEntryModalMetadata(args.view.private_metadata);
  const onForm = (name: string) =>
    name === ENTRY_KIND_FIELD || name in fields || (kind !== undefined && entryFormFields(kind).some((f) => f.name === name));
  const what = interpret({ kind: "entry-form", entryKind: kind, text, fields, ...(meeting ? { meeting } : {}) }, { forms: true });
  await submitForm(ctx, args, channelId, what, { onForm, fallback: ENTRY_TEXT_BLOCK });
};
