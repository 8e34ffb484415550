import type { types, ViewOutput } from "@slack/bolt";
import { ENTRY_MAX_CHARS } from "../../../commands/log.ts";
import { ENTRY_KIND_LABELS, entryFormFields, fieldRequired } from "../../app/entry-form.ts";
import { ENTRY_KIND_FIELD } from "../../app/interpret.ts";
import { ENTRY_KINDS, type EntryKind } from "../../domain/draft/entry-kind.ts";

export const ENTRY_MODAL = "log_entry";
const KIND_BLOCK = ENTRY_KIND_FIELD;
const TEXT_BLOCK = "text";

/**
 * The entry form: a kind (preset when a reminder's button asked for one), the text within the entry limit, then the
 * optional fields the kinds take (links to a goal or problem, due date, help and support, source, action) — only the
 * preset kind's when there is one, each labelled with the kinds that take it otherwise. Field block ids are the
 * options' names. `given`: the options to fill in (a refusal's kept words, a saved message's words as written), each
 * within its field's limit, and the meeting the entry is for, which the form does not ask; the view's metadata keeps
 * the set's channel and that meeting.
 */
export function entryModal(channelId: string, kind?: EntryKind, given: Record<string, string> = {}): types.ModalView {
  const option = (k: EntryKind): types.PlainTextOption => ({ text: { type: "plain_text", text: ENTRY_KIND_LABELS[k] }, value: k });
  const fields = entryFormFields(kind).map(
    (f): types.InputBlock => ({
      type: "input",
      block_id: f.name,
      optional: !(kind && fieldRequired(kind, f.name)),
      label: { type: "plain_text", text: kind ? f.label : `${f.label} (${f.kinds.join(", ")})` },
      hint: { type: "plain_text", text: f.hint },
      element: {
        type: "plain_text_input",
        action_id: f.name,
        multiline: false,
        max_length: 300,
        ...(given[f.name] ? { initial_value: given[f.name] } : {}),
      },
    }),
  );
  return {
    type: "modal",
    callback_id: ENTRY_MODAL,
    private_metadata: given.meeting ? `${channelId}|${given.meeting}` : channelId,
    title: { type: "plain_text", text: "Record in my log" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: KIND_BLOCK,
        label: { type: "plain_text", text: "What is it?" },
        element: {
          type: "static_select",
          action_id: KIND_BLOCK,
          options: ENTRY_KINDS.map(option),
          ...(kind ? { initial_option: option(kind) } : {}),
        },
      },
      {
        type: "input",
        block_id: TEXT_BLOCK,
        label: { type: "plain_text", text: "In your own words" },
        hint: { type: "plain_text", text: "Only you can read it, unless you share your log with the set's advisors." },
        element: {
          type: "plain_text_input",
          action_id: TEXT_BLOCK,
          multiline: true,
          max_length: ENTRY_MAX_CHARS,
          ...(given.text ? { initial_value: given.text } : {}),
        },
      },
      ...fields,
    ],
  };
}

/** What a submitted view's inputs hold, by block and action id. */
type ViewValues = ViewOutput["state"]["values"];

/** The kind (undefined unless one of the entry kinds), text and other fields (by option name; blank ones left out) a submitted entry form holds. */
export function readEntryModal(values: ViewValues): { kind: EntryKind | undefined; text: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const f of entryFormFields()) {
    const value = values[f.name]?.[f.name]?.value;
    if (value) fields[f.name] = value;
  }
  const kind = values[KIND_BLOCK]?.[KIND_BLOCK]?.selected_option?.value;
  return {
    kind: ENTRY_KINDS.find((k) => k === kind),
    text: values[TEXT_BLOCK]?.[TEXT_BLOCK]?.value ?? "",
    fields,
  };
}

export const ENTRY_TEXT_BLOCK = TEXT_BLOCK;

/** The set's channel and the meeting (if any) an entry form's metadata keeps (see `entryModal`). */
export function readEntryModalMetadata(metadata: string): { channelId: string; meeting?: string } {
  const [channelId = "", meeting] = metadata.split("|");
  return meeting ? { channelId, meeting } : { channelId };
}
