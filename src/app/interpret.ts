import { commandKey } from "../../commands/define.ts";
import type { EntryKind } from "../domain/draft/entry-kind.ts";
import { type CommandForm, commandForm, formRequestOf, readCommandForm } from "./command-form.ts";
import { formKindOf, readEntryForm } from "./entry-form.ts";
import { declarationFor } from "./parse-command.ts";

/**
 * What a platform event asks to run: a command line (typed on the console or in Slack's `/als`, or carried by a
 * button), or a command's key with each option's raw text (Discord's native options, a submitted form).
 */
export type CommandRequest = { text: string } | { key: string; raw: Record<string, string> };

/** A platform event that may come to a command, as its adapter read it; each platform sends those it has. */
export type CommandEvent =
  /** A command line typed: the console's, or Slack's `/als` text as a line (`/meeting next`). */
  | { kind: "typed"; line: string }
  /** A command chosen with its options (Discord's slash commands): its key and each given option's raw text. */
  | { kind: "chosen"; key: string; raw: Record<string, string> }
  /** A button pressed: the command line it carries. */
  | { kind: "pressed"; line: string }
  /**
   * The entry form submitted: its kind (undefined when none was chosen), the text as written, the other fields by
   * option name, and the meeting the form was opened for (which the form does not ask).
   */
  | { kind: "entry-form"; entryKind: EntryKind | undefined; text: string; fields: Record<string, string>; meeting?: string }
  /** A command form submitted: its form and each field's value by option name. */
  | { kind: "command-form"; form: CommandForm; values: Record<string, string | undefined> };

/**
 * What the app makes of an event: open the entry form (for a kind, or to choose one), open a command's form, run a
 * command, or refuse a form's submission before any command runs (`field`: the form's field it is about).
 * `given`: options already given, to fill the form's fields with (a form the core fills gets the rest from
 * `formPresets`, src/app/form-presets.ts, within the platform's limit).
 */
export type Interpretation =
  | { kind: "open-entry-form"; entryKind?: EntryKind; given: Record<string, string> }
  | { kind: "open-command-form"; form: CommandForm; given: Record<string, string> }
  | { kind: "run"; request: CommandRequest }
  | { kind: "refuse-form"; message: string; field?: string }
  /** A refusal's button pressed: open the form with the words kept under `id` (src/app/kept-form.ts, `openKeptForm`). */
  | { kind: "open-kept-form"; id: string };

/** The line a kept-words button carries (src/app/kept-form.ts): no command of the grammar, read only by `pressed`. */
export const keptFormLine = (id: string) => `/form kept:${id}`;
const KEPT_FORM_LINE = /^\/form kept:([a-z0-9]+)$/;

/** The field of the entry form that holds its kind. */
export const ENTRY_KIND_FIELD = "kind";

/**
 * The one place that decides what an event means, for every platform. A platform without forms (the console) runs
 * every command as written, and its answer says what to type. With forms:
 * - `/log` typed alone opens the entry form, to choose a kind; a line asking for a form the core fills
 *   (`CommandForm.prefilled`: `/log write` without text) opens that form; any other line typed runs as written;
 * - a command chosen without an option it asks for in a form opens the entry form for its kind (`/log problem`)
 *   or the command's form (`/feedback`), filled with the options given; else it runs;
 * - a button whose command is a `/log KIND` with no text opens the entry form for that kind, one whose command
 *   asks for a form opens it, a refusal's kept-words button opens the form with those words; else it runs;
 * - a submitted entry form runs `/log KIND` with its fields (refused on the form when no kind is chosen or a field
 *   does not go with the kind), a submitted command form runs its command.
 */
export function interpret(event: CommandEvent, platform: { forms: boolean }): Interpretation {
  switch (event.kind) {
    case "typed":
      return platform.forms ? typed(event.line) : { kind: "run", request: { text: event.line } };
    case "chosen":
      return platform.forms ? chosen(event.key, event.raw) : { kind: "run", request: { key: event.key, raw: event.raw } };
    case "pressed":
      return platform.forms ? pressed(event.line) : { kind: "run", request: { text: event.line } };
    case "entry-form":
      return submittedEntry(event);
    case "command-form":
      return { kind: "run", request: { key: event.form.key, raw: readCommandForm(event.form, event.values) } };
  }
}

function typed(line: string): Interpretation {
  if (line.trim() === "/log") return { kind: "open-entry-form", given: {} };
  const asked = formRequestOf(line);
  if (asked?.form.prefilled) return { kind: "open-command-form", form: asked.form, given: asked.given };
  return { kind: "run", request: { text: line } };
}

function chosen(key: string, raw: Record<string, string>): Interpretation {
  const decl = declarationFor(key);
  const asksForm = decl && Object.entries(decl.options).some(([name, spec]) => spec.form && raw[name] === undefined);
  if (decl && asksForm) {
    const entryKind = formKindOf(`/${commandKey(decl)}`);
    if (entryKind) return { kind: "open-entry-form", entryKind, given: raw };
    const form = commandForm(decl);
    if (form) return { kind: "open-command-form", form, given: raw };
  }
  return { kind: "run", request: { key, raw } };
}

function pressed(line: string): Interpretation {
  if (line.trim() === "/log") return { kind: "open-entry-form", given: {} };
  const kept = KEPT_FORM_LINE.exec(line.trim())?.[1];
  if (kept) return { kind: "open-kept-form", id: kept };
  const entryKind = formKindOf(line);
  if (entryKind) return { kind: "open-entry-form", entryKind, given: {} };
  const asked = formRequestOf(line);
  if (asked) return { kind: "open-command-form", form: asked.form, given: asked.given };
  return { kind: "run", request: { text: line } };
}

function submittedEntry(event: Extract<CommandEvent, { kind: "entry-form" }>): Interpretation {
  const { entryKind, text, fields, meeting } = event;
  if (!entryKind) return { kind: "refuse-form", message: "Choose what you are recording.", field: ENTRY_KIND_FIELD };
  const raw = readEntryForm(entryKind, text, fields);
  if (!raw.ok) return { kind: "refuse-form", message: raw.message, ...(raw.option ? { field: raw.option } : {}) };
  return { kind: "run", request: { key: `log ${entryKind}`, raw: { ...raw.value, ...(meeting ? { meeting } : {}) } } };
}
