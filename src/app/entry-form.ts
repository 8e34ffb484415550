import { type CommandDecl, commandKey } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { ENTRY_KINDS, type EntryKind, isEntryKind } from "../domain/draft/entry-kind.ts";
import { optionFailure, type Result, success } from "./result.ts";

/**
 * `/log problem` with no text — what a reminder's "record" button runs — is a request for the entry form:
 * the kind to open it for, else undefined. Platforms with forms open one; the console answers with usage.
 */
export function formKindOf(command: string): EntryKind | undefined {
  const m = /^\/log ([\w-]+)\s*$/.exec(command.trim());
  return m && isEntryKind(m[1]!) ? m[1] : undefined;
}

/** How the entry form offers each kind when the person chooses it (under 45 characters, for every platform's lists). */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  problem: "A problem I brought",
  action: "An action I agreed",
  outcome: "An outcome: what happened",
  reflect: "What I learned",
  question: "A question that helped",
  strength: "A strength",
  limitation: "A limitation",
  goal: "A goal",
  "action-learning": "Action learning itself (2.1)",
  review: "A review of one of my goals",
};

/** One field of the entry form besides the kind and the text: an option that some entry kinds take. */
export type EntryFormField = {
  /** The option's name: the form field's id and the key of its raw value. */
  name: string;
  /** A short label (under 45 characters, Discord's limit). */
  label: string;
  /** The option's own description. */
  hint: string;
  /** The entry kinds that take it, in ENTRY_KINDS order. */
  kinds: EntryKind[];
};

/** The declaration of each entry kind's `/log` command. */
const declOf = new Map<EntryKind, CommandDecl>(
  ENTRY_KINDS.map((kind) => [kind, allCommands.find((d) => commandKey(d) === `log ${kind}`)!] as const),
);

const LABELS: Record<string, string> = {
  goal: "Goal number (as in your draft)",
  problem: "Problem number (as in your draft)",
  due: "Due date",
  support: "Who or what will help",
  source: "Where it comes from",
  action: "Action number (see /action list)",
  effective: "How effective: very, somewhat or not",
};
/** Form fields in this order; the entry's text comes first and `meeting` stays with the command (the form uses the default). */
const ORDER = ["goal", "due", "support", "problem", "action", "effective", "source"];

/** Every field an entry kind can take, from the declarations; for one kind, only the fields it takes. */
export function entryFormFields(kind?: EntryKind): EntryFormField[] {
  const fields = new Map<string, EntryFormField>();
  for (const k of ENTRY_KINDS) {
    for (const [name, spec] of Object.entries(declOf.get(k)!.options)) {
      if (name === "text" || name === "meeting") continue;
      const field = fields.get(name) ?? { name, label: LABELS[name] ?? name, hint: spec.description, kinds: [] };
      field.kinds.push(k);
      fields.set(name, field);
    }
  }
  return [...fields.values()]
    .filter((f) => kind === undefined || f.kinds.includes(kind))
    .sort((x, y) => ORDER.indexOf(x.name) - ORDER.indexOf(y.name));
}

/** Whether a field of the form is required for the kind (`/log review` needs its goal). */
export function fieldRequired(kind: EntryKind, name: string): boolean {
  return declOf.get(kind)?.options[name]?.required === true;
}

/**
 * The raw options of a submitted entry form: the text and each non-blank field the kind takes. A filled field that
 * the kind does not take is refused, naming the field, so nothing is silently dropped.
 */
export function readEntryForm(kind: EntryKind, text: string, fields: Record<string, string | undefined>): Result<Record<string, string>> {
  const takes = new Set(entryFormFields(kind).map((f) => f.name));
  const raw: Record<string, string> = { text };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value.trim() === "") continue;
    if (!takes.has(name)) {
      const field = entryFormFields().find((f) => f.name === name);
      return optionFailure(
        "bad-option",
        name,
        `${kind} entries do not take ${name}: (only ${field?.kinds.join(", ") ?? "other"} entries do).`,
      );
    }
    raw[name] = value.trim();
  }
  return success(raw);
}
