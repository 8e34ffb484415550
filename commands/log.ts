import type { EntryKind } from "../src/domain/entry-kind.ts";
import { command, type OptionSpecs, opt, optional } from "./define.ts";

/** The most an entry may hold: fits a Slack modal field and a Discord modal input. */
export const ENTRY_MAX_CHARS = 2000;

const text = opt.text({ description: `What to record (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS, form: true });
const meeting = optional(opt.meeting({ description: "The meeting it belongs to (default: the latest or next meeting)" }));

function entryCommand<const K extends EntryKind, const O extends OptionSpecs>(sub: K, summary: string, example: string, extra: O) {
  return command({
    name: "log",
    sub,
    summary,
    who: "member",
    options: { text, ...extra, meeting },
    positional: 1,
    examples: [`/log ${sub} text:"${example}"`],
  });
}

export const logProblem = entryCommand("problem", "Record the problem you brought to the set.", "Two team leads won't share rota data", {});
export const logAction = entryCommand(
  "action",
  "Record an action you agreed with the set (it becomes a report-back item).",
  "Meet both leads together by Friday",
  {
    due: optional(opt.day({ description: "When you mean to have done it" })),
  },
);
export const logOutcome = entryCommand(
  "outcome",
  "Record how an action went: what you did and how effective it was.",
  "The joint meeting settled the rota format",
  {
    action: optional(
      opt.integer({ description: "The action's number (see /action list); it is marked done", min: 1, max: 100000, suggest: "actions" }),
    ),
  },
);
export const logReflect = entryCommand("reflect", "Record what you learned.", "I jump to solutions before the question is clear", {});
export const logQuestion = entryCommand(
  "question",
  "Record a question from the set that helped you.",
  "What would happen if you did nothing?",
  {},
);
export const logStrength = entryCommand(
  "strength",
  "Record a leadership strength (ILM M3.37 1.1).",
  "I build trust quickly with new staff",
  {},
);
export const logLimitation = entryCommand(
  "limitation",
  "Record a limitation you want to work on (1.1).",
  "I avoid difficult conversations",
  {},
);
export const logGoal = entryCommand("goal", "Record a development goal (1.2).", "Run my first team workshop by June", {});

export const logList = command({
  name: "log",
  sub: "list",
  summary: "Your recent entries (advisors: a member's, while they share).",
  who: "participant",
  readOnly: true,
  options: {
    last: optional(opt.integer({ description: "How many (default 10)", min: 1, max: 100 })),
    member: optional(opt.user({ description: "Advisors only: a member who shares their entries" })),
  },
  examples: ["/log list", "/log list last:25"],
});

export const logEdit = command({
  name: "log",
  sub: "edit",
  summary: "Change the text of one of your entries.",
  who: "member",
  options: {
    entry: opt.integer({ description: "The entry's number (see /log list)", min: 1, max: 100000, suggest: "entries" }),
    text: opt.text({ description: `The new text (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS }),
  },
  examples: ['/log edit entry:3 text:"Met both leads on Thursday"'],
});

export const logDelete = command({
  name: "log",
  sub: "delete",
  summary: "Delete one of your entries, after seeing it (an outcome's action reopens; an action's outcome: you choose).",
  who: "member",
  options: {
    entry: opt.integer({ description: "The entry's number (see /log list)", min: 1, max: 100000, suggest: "entries" }),
    outcome: optional(
      opt.choice({
        description: "For an action with an outcome: delete the outcome too, or keep it as an entry",
        choices: ["delete", "keep"] as const,
      }),
    ),
    confirm: optional(opt.choice({ description: "yes, once you have seen the entry", choices: ["yes"] as const })),
  },
  positional: 1,
  examples: ["/log delete entry:3", "/log delete entry:3 confirm:yes", "/log delete entry:2 outcome:keep"],
});

export const logShare = command({
  name: "log",
  sub: "share",
  summary: "Let the set's advisors read your entries and draft (on), or stop (off).",
  who: "member",
  inArchivedSet: true,
  options: { setting: opt.choice({ description: "on or off", choices: ["on", "off"] as const }) },
  examples: ["/log share on", "/log share off"],
});

export const logDraft = command({
  name: "log",
  sub: "draft",
  summary: "Your draft ILM M3.37 learning log, compiled from your entries, as a file (advisors: a sharing member's).",
  who: "participant",
  readOnly: true,
  options: {
    format: optional(opt.choice({ description: "md (default), docx, or csv evidence rows", choices: ["md", "docx", "csv"] as const })),
    member: optional(opt.user({ description: "Advisors only: a member who shares their log" })),
  },
  examples: ["/log draft", "/log draft format:docx"],
});

export const logExport = command({
  name: "log",
  sub: "export",
  summary: "All your data (entries, actions, RSVPs, attendance, leave, settings) as a JSON file.",
  who: "member",
  readOnly: true,
  options: {},
  examples: ["/log export"],
});

export const logForget = command({
  name: "log",
  sub: "forget",
  summary: "Delete all your data, in every set here: asks first, naming each set. Cannot be undone.",
  who: "member",
  inArchivedSet: true,
  options: { confirm: optional(opt.choice({ description: "yes, once you have read what will be deleted", choices: ["yes"] as const })) },
  examples: ["/log forget", "/log forget confirm:yes"],
});
