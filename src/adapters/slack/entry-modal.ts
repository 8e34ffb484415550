import { ENTRY_MAX_CHARS } from "../../../commands/log.ts";
import { ENTRY_KINDS, type EntryKind } from "../../domain/entry-kind.ts";

export const ENTRY_MODAL = "log_entry";
const KIND_BLOCK = "kind";
const TEXT_BLOCK = "text";

const KIND_LABELS: Record<EntryKind, string> = {
  problem: "A problem I brought",
  action: "An action I agreed",
  outcome: "An outcome: what happened",
  reflect: "What I learned",
  question: "A question that helped",
  strength: "A strength",
  limitation: "A limitation",
  goal: "A goal",
};

/** The entry form: a kind (preset when a reminder's button asked for one) and the text, within the entry limit. */
export function entryModal(channelId: string, kind?: EntryKind): Record<string, unknown> {
  const option = (k: EntryKind) => ({ text: { type: "plain_text", text: KIND_LABELS[k] }, value: k });
  return {
    type: "modal",
    callback_id: ENTRY_MODAL,
    private_metadata: channelId,
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
        element: { type: "plain_text_input", action_id: TEXT_BLOCK, multiline: true, max_length: ENTRY_MAX_CHARS },
      },
    ],
  };
}

type ViewValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The kind (undefined unless one of the entry kinds) and the text a submitted entry form holds. */
export function readEntryModal(values: ViewValues): { kind: EntryKind | undefined; text: string } {
  const kind = values[KIND_BLOCK]?.[KIND_BLOCK]?.selected_option?.value;
  return {
    kind: ENTRY_KINDS.find((k) => k === kind),
    text: values[TEXT_BLOCK]?.[TEXT_BLOCK]?.value ?? "",
  };
}

export const ENTRY_TEXT_BLOCK = TEXT_BLOCK;
export const ENTRY_KIND_BLOCK = KIND_BLOCK;
