import { EFFECTIVENESS, EFFECTIVENESS_ALIASES } from "../src/domain/effectiveness.ts";
import { type EntryKind, WRITE_SECTIONS } from "../src/domain/entry-kind.ts";
import { command, type OptionSpecs, opt, optional } from "./define.ts";

/** The most an entry may hold: fits a Slack modal field and a Discord modal input. */
export const ENTRY_MAX_CHARS = 2000;

/** The most a `support:` or `source:` note may hold. */
const NOTE_MAX_CHARS = 300;

const text = opt.text({ description: `What to record (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS, form: true });
const meeting = optional(opt.meeting({ description: "The meeting it belongs to (default: the latest or next meeting)" }));
/** Links are by the numbers the draft shows: "Problem 2", "Goal 1" (not entry numbers). */
const problemLink = (min: 0 | 1) =>
  optional(
    opt.integer({
      description: `The problem it belongs to: N as in "Problem N" of your draft${min === 0 ? " (0 removes the link)" : ""}`,
      min,
      max: 1000,
      suggest: "problems",
    }),
  );
const goalLink = (min: 0 | 1) =>
  optional(
    opt.integer({
      description: `The goal it serves: N as in "Goal N" of your draft${min === 0 ? " (0 removes the link)" : ""}`,
      min,
      max: 1000,
      suggest: "goals",
    }),
  );
const support = optional(opt.text({ description: "Who or what will help you do it, in your words", max: NOTE_MAX_CHARS }));
const source = optional(
  opt.text({ description: 'Where it comes from: "360 feedback", "reflective review", a colleague…', max: NOTE_MAX_CHARS }),
);
const due = optional(opt.day({ description: "When you mean to have done it" }));
/** How effective an action was: very, somewhat or not, in the words people use ("mostly", "kind of", "not really"). */
export const effective = optional(
  opt.choice({
    description: "How effective it was: very, somewhat or not (mostly, partly, not really…)",
    choices: EFFECTIVENESS,
    aliases: EFFECTIVENESS_ALIASES,
  }),
);

function entryCommand<const K extends EntryKind, const O extends OptionSpecs>(
  sub: K,
  summary: string,
  example: string,
  extra: O,
  more: string[] = [],
) {
  return command({
    name: "log",
    sub,
    summary,
    who: "member",
    options: { text, ...extra, meeting },
    positional: 1,
    examples: [`/log ${sub} text:"${example}"`, ...more],
  });
}

export const logProblem = entryCommand("problem", "Record the problem you brought to the set.", "Two team leads won't share rota data", {});
export const logAction = entryCommand(
  "action",
  "Record an action you agreed with the set (it becomes a report-back item).",
  "Meet both leads together by Friday",
  { due, goal: goalLink(1), problem: problemLink(1), support },
  [
    '/log action text:"Agree one rota format with both leads" due:2027-03-12 goal:1 problem:2 support:"My manager, who chairs the leads meeting"',
  ],
);
export const logOutcome = entryCommand(
  "outcome",
  "Record how an action went: what you did and how effective it was.",
  "The joint meeting settled the rota format",
  {
    action: optional(
      opt.integer({ description: "The action's number (see /action list); it is marked done", min: 1, max: 100000, suggest: "actions" }),
    ),
    effective,
    problem: problemLink(1),
  },
  ['/log outcome text:"Both leads now use one rota sheet" action:4 effective:mostly'],
);
export const logReflect = entryCommand("reflect", "Record what you learned.", "I jump to solutions before the question is clear", {
  problem: problemLink(1),
});
export const logQuestion = entryCommand(
  "question",
  "Record a question from the set that helped you.",
  "What would happen if you did nothing?",
  { problem: problemLink(1) },
  ['/log question text:"Who else owns this?" problem:2'],
);
export const logStrength = entryCommand(
  "strength",
  "Record a leadership strength (ILM M3.37 1.1).",
  "I build trust quickly with new staff",
  { source },
  ['/log strength text:"I stay calm in a crisis" source:"360 feedback"'],
);
export const logLimitation = entryCommand(
  "limitation",
  "Record a limitation you want to work on (1.1).",
  "I avoid difficult conversations",
  { source },
);
export const logGoal = entryCommand("goal", "Record a development goal (1.2).", "Run my first team workshop by June", {});
export const logActionLearning = entryCommand(
  "action-learning",
  "Record what you understand or experience of action learning itself (2.1).",
  "The set asks questions instead of giving advice: L = P + Q",
  {},
);

export const logReview = command({
  name: "log",
  sub: "review",
  summary: "Review one of your goals: how well you met it, how you improved, evidence, next steps (2.3).",
  who: "member",
  options: {
    goal: opt.integer({ description: 'The goal you review: N as in "Goal N" of your draft', min: 1, max: 1000, suggest: "goals" }),
    text,
    meeting,
  },
  positional: 1,
  examples: ['/log review goal:1 text:"I now hold one-to-ones monthly; the team rota is Priya\'s"'],
});

/**
 * The most a write-up may hold: within Slack's 3,000 for a text input (its pre-filled value too), so the form shows
 * it whole on every platform.
 */
export const WRITE_MAX_CHARS = 3000;

export const logWrite = command({
  name: "log",
  sub: "write",
  summary: "Write a section of your draft in your own words, from your notes (2.2: per problem; 2.3: per goal).",
  details:
    'Your entries are the evidence; a write-up is the paragraph an assessor reads. In the draft it replaces the section\'s entries, which move to a "my notes" appendix. Without text: your notes for that section (on Slack and Discord, a form filled with them to rework). Writing the same section again replaces your write-up; /log list, /log edit and /log delete reach it like an entry.',
  who: "member",
  options: {
    section: opt.choice({
      description: "The section: 1.1, 1.2, 2.1, 2.2 (with problem:) or 2.3 (with goal:, or none for overall)",
      choices: WRITE_SECTIONS,
    }),
    problem: problemLink(1),
    goal: goalLink(1),
    text: optional(opt.text({ description: `Your paragraph (up to ${WRITE_MAX_CHARS} characters)`, max: WRITE_MAX_CHARS, form: true })),
  },
  positional: 1,
  examples: [
    '/log write section:2.1 text:"Action learning is…"',
    "/log write section:2.2 problem:1",
    '/log write section:2.3 goal:2 text:"I partly met this goal…"',
  ],
});

export const logDetails = command({
  name: "log",
  sub: "details",
  summary: "Your registration and centre details for the draft's header; private to you. Alone: shows them.",
  who: "member",
  options: {
    registration: optional(opt.text({ description: "Your ILM learner registration number", max: 50 })),
    centre: optional(opt.text({ description: "Your centre's number", max: 50 })),
    centre_name: optional(opt.text({ description: "Your centre's name", max: 200 })),
  },
  positional: 0,
  examples: ['/log details registration:A1234567 centre:012345 centre_name:"Northgate College"', "/log details"],
});

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
  summary: "Change one of your entries: its text, an action's due date, support, goal or problem, a strength's source.",
  who: "member",
  options: {
    entry: opt.integer({ description: "The entry's number (see /log list)", min: 1, max: 100000, suggest: "entries" }),
    text: optional(opt.text({ description: `The new text (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS })),
    due: optional(opt.day({ description: "An action's new due date" })),
    goal: goalLink(0),
    problem: problemLink(0),
    support: optional(opt.text({ description: "An action's new help and support", max: NOTE_MAX_CHARS })),
    source: optional(opt.text({ description: "A strength's or limitation's new source", max: NOTE_MAX_CHARS })),
    action: optional(
      opt.integer({
        description: "An outcome's action: the action it is the outcome of, closing it (0 removes the link)",
        min: 0,
        max: 100000,
        suggest: "actions",
      }),
    ),
    effective: optional(
      opt.choice({
        description: "An outcome's new how effective: very, somewhat or not",
        choices: EFFECTIVENESS,
        aliases: EFFECTIVENESS_ALIASES,
      }),
    ),
  },
  positional: 2,
  examples: [
    '/log edit entry:3 text:"Met both leads on Thursday"',
    "/log edit entry:12 goal:2",
    "/log edit entry:9 problem:1",
    "/log edit entry:15 action:4",
  ],
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
    final: optional(
      opt.choice({
        description: "yes: the copy to submit (md or docx): no prompts, notes, numbers or checklist",
        choices: ["yes"] as const,
      }),
    ),
  },
  examples: ["/log draft", "/log draft format:docx", "/log draft format:docx final:yes"],
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
