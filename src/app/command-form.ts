import { type CommandDecl, commandKey, type OptionSpec } from "../../commands/define.ts";
import { FEEDBACK_MAX_CHARS } from "../../commands/feedback.ts";
import { WRITE_MAX_CHARS } from "../../commands/log.ts";
import { REVIEW_MAX_CHARS } from "../../commands/review.ts";
import { declarationFor, parseLine } from "./parse-command.ts";

/**
 * A command's form, for platforms that have forms (Slack's modal, Discord's): one field per option of the command,
 * submitted as that command with each field's value as the option's raw text, so the command's own validation and
 * reply apply. `/log` entries have their own, kind-aware form (./entry-form.ts); this is the form of a command whose
 * options are a text and choices, such as `/feedback`. The console has no forms: a button asking for one runs the
 * command bare, whose answer says what to type.
 */
export type CommandForm = {
  /** The command's key (`feedback`, `meeting schedule`): what a submission runs. */
  key: string;
  /** The form's title (under 24 characters, Slack's limit). */
  title: string;
  fields: FormField[];
  /**
   * The core fills the form from the actor's own records before it opens (./form-presets.ts), so a typed command
   * missing its form field opens it too, on every platform with forms (`/log write` without text).
   */
  prefilled?: true;
};

/** One field: a free text (the option the command asks for in a form), or a choice among the option's values. */
type FormField = {
  /** The option's name: the field's id and the key of its raw value. */
  name: string;
  /** A short label (under 45 characters, Discord's limit). */
  label: string;
  /** A line under the field (under 100 characters, Discord's limit for a label's description). */
  hint: string;
  required: boolean;
} & (
  | { input: "text"; max: number }
  | {
      input: "choice";
      /** Each value with what the form shows for it (under 75 characters, Slack's limit for an option). */
      choices: { value: string; label: string }[];
      /** The value chosen until the submitter picks another: the command's default. */
      initial: string;
    }
);

/** What a form shows for each option of a command that has one; the options' order is the declaration's. */
type FormWords = {
  title: string;
  prefilled?: true;
  fields: Record<string, { label: string; hint: string; max?: number; choices?: Record<string, string>; initial?: string }>;
};

const FORMS: Record<string, FormWords> = {
  "log write": {
    title: "Write up a section",
    prefilled: true,
    fields: {
      section: {
        label: "Section of your draft",
        hint: "2.2 is written per problem, 2.3 per goal (or overall).",
        choices: {
          "1.1": "1.1 Strengths and limitations",
          "1.2": "1.2 Goals, actions and timescales",
          "2.1": "2.1 Action learning and my development",
          "2.2": "2.2 How I used action learning (a problem)",
          "2.3": "2.3 Review of goals and improvement",
        },
        initial: "2.1",
      },
      problem: { label: "Problem number (2.2)", hint: 'As in "Problem N" of your draft.', max: 5 },
      goal: { label: "Goal number (2.3)", hint: 'As in "Goal N" of your draft; blank for looking back overall.', max: 5 },
      text: {
        label: "In your own words",
        hint: "Filled with your notes for the section: rework them into your paragraph. Stored as you write it.",
        max: WRITE_MAX_CHARS,
      },
    },
  },
  "review reply": {
    title: "Reply to a review",
    fields: {
      text: {
        label: "Your reflection on the review",
        hint: "What you make of it and what you will do. Shown under the review in your draft, as you write it.",
        max: REVIEW_MAX_CHARS,
      },
      review: { label: "Review number", hint: "As /review list numbers them; blank for the latest.", max: 5 },
    },
  },
  feedback: {
    title: "Give feedback",
    fields: {
      text: {
        label: "What works well, and what should change?",
        hint: "Stored exactly as you write it. Your advisors read it with /feedback list.",
        max: FEEDBACK_MAX_CHARS,
      },
      about: {
        label: "About",
        hint: "The set's meetings, or your advisor's facilitation.",
        choices: { set: "The set and its meetings", advisor: "My advisor's facilitation" },
        initial: "set",
      },
      anonymous: {
        label: "Leave your name off?",
        hint: "Anonymous feedback stores no author at all, so it cannot be withdrawn.",
        choices: { no: "No: keep my name (I can withdraw it)", yes: "Yes: anonymous, no name at all" },
        initial: "no",
      },
    },
  },
};

/** The form of a declared command, or undefined for a command without one. */
export function commandForm(decl: CommandDecl): CommandForm | undefined {
  const key = commandKey(decl);
  const words = FORMS[key];
  if (!words) return undefined;
  const fields = Object.entries(decl.options).map(([name, spec]): FormField => {
    const w = words.fields[name];
    if (!w) throw new Error(`the form of /${key} has no words for option ${name}`);
    return fieldOf(name, spec, w);
  });
  return { key, title: words.title, fields, ...(words.prefilled ? { prefilled: true as const } : {}) };
}

function fieldOf(name: string, spec: OptionSpec, w: FormWords["fields"][string]): FormField {
  const base = { name, label: w.label, hint: w.hint, required: spec.required };
  if (spec.kind === "choice" && spec.choices) {
    const choices = spec.choices.map((value) => ({ value, label: w.choices?.[value] ?? value }));
    return { ...base, input: "choice", choices, initial: w.initial ?? spec.choices[0]! };
  }
  return { ...base, input: "text", max: w.max ?? 300 };
}

/**
 * A button's or a slash command's line that asks for a command's form: it names a command that has one, and gives
 * none of the options the command asks for in a form (`/feedback`). The form, with the options the line did give
 * (to preset its fields), or undefined.
 */
export function formRequestOf(line: string): { form: CommandForm; given: Record<string, string> } | undefined {
  const parsed = parseLine(line);
  if (!parsed.ok) return undefined;
  const { decl, raw } = parsed.value;
  const asksForm = Object.entries(decl.options).some(([name, spec]) => spec.form && raw[name] === undefined);
  const form = asksForm ? commandForm(decl) : undefined;
  return form ? { form, given: raw } : undefined;
}

/**
 * The raw options of a submitted form, by option name: each text exactly as written, a choice as picked. Blank
 * fields are left out, so the command answers a missing one as it answers a typed command, and checks the rest.
 */
export function readCommandForm(form: CommandForm, values: Record<string, string | undefined>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const f of form.fields) {
    const value = values[f.name];
    if (value === undefined || value.trim() === "") continue;
    raw[f.name] = f.input === "text" ? value : value.trim();
  }
  return raw;
}

/** The form for a command key (`feedback`), as a submission names it, or undefined. */
export function commandFormByKey(key: string): CommandForm | undefined {
  const decl = declarationFor(key);
  return decl && commandForm(decl);
}
