import type { FacilitationKind } from "../src/domain/facilitation/entry-kind.ts";
import { command, type OptionSpecs, opt, optional } from "./define.ts";
import { ENTRY_MAX_CHARS } from "./log.ts";

// The advisor's log is theirs to keep writing after the set has finished: every command here runs in an archived set.

/** The most a `with:` note (who the goals were agreed with, who gave the feedback) may hold. */
const WITH_MAX_CHARS = 300;

const text = opt.text({ description: `What to record (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS });
const meeting = optional(opt.meeting({ description: "The meeting it is about (a session plan: default the next meeting)" }));
const withWhom = (description: string) => optional(opt.text({ description, max: WITH_MAX_CHARS }));
const due = optional(opt.day({ description: "When you mean to have done it (a calendar date)" }));

function facilitationCommand<const K extends FacilitationKind, const O extends OptionSpecs>(
  sub: K,
  summary: string,
  example: string,
  extra: O,
) {
  return command({
    name: "facilitation",
    sub,
    summary,
    who: "advisor",
    inArchivedSet: true,
    options: { text, ...extra, meeting },
    positional: 1,
    examples: [example],
  });
}

export const facilitationGoal = facilitationCommand(
  "goal",
  "Your facilitation log (ILM M5.37 1.1): a goal for the set agreed with clients or stakeholders; with: names them.",
  '/facilitation goal text:"Cut the handover errors the ward managers raised" with:"Priya Shah, director of nursing (sponsor)"',
  { with: withWhom("Who you agreed it with: the client, sponsor or stakeholders, in your words") },
);
export const facilitationDesign = facilitationCommand(
  "design",
  "Your facilitation log (2.1): how you designed the intervention to meet the goals (sets, hours, ground rules, methods).",
  '/facilitation design text:"Seven monthly meetings of two hours, 45 minutes per presenter"',
  {},
);
export const facilitationSession = facilitationCommand(
  "session",
  "Your facilitation log (2.2): the plan and materials for one session; meeting: says which.",
  '/facilitation session meeting:2 text:"Open with a round of report-backs; handout on open questions"',
  {},
);
export const facilitationFeedback = facilitationCommand(
  "feedback",
  "Your facilitation log (3.1): feedback on your facilitation and what you make of it; with: who gave it.",
  '/facilitation feedback text:"The sponsor found the set too inward-looking at first" with:"Priya Shah"',
  { with: withWhom("Who gave it: a member, the sponsor, an observer, in your words") },
);
export const facilitationReflect = facilitationCommand(
  "reflect",
  "Your facilitation log (3.2): a review of your own facilitation practice.",
  '/facilitation reflect text:"I filled silences too quickly at meeting 2"',
  {},
);
export const facilitationImprove = facilitationCommand(
  "improve",
  "Your facilitation log (3.3): one step of your plan to improve your facilitation; due: by when.",
  '/facilitation improve text:"Count to ten before breaking a silence" due:2027-03-31',
  { due },
);

export const facilitationList = command({
  name: "facilitation",
  sub: "list",
  summary: "Your recent facilitation log entries in this set (private to you).",
  who: "advisor",
  readOnly: true,
  options: { last: optional(opt.integer({ description: "How many (default 10)", min: 1, max: 100 })) },
  examples: ["/facilitation list", "/facilitation list last:25"],
});

export const facilitationEdit = command({
  name: "facilitation",
  sub: "edit",
  summary: "Change one of your facilitation entries: its text, meeting, who with, or an improvement's due date.",
  who: "advisor",
  inArchivedSet: true,
  options: {
    entry: opt.integer({ description: "The entry's number (see /facilitation list)", min: 1, max: 100000 }),
    text: optional(opt.text({ description: `The new text (up to ${ENTRY_MAX_CHARS} characters)`, max: ENTRY_MAX_CHARS })),
    meeting: optional(opt.meeting({ description: "The meeting it is about" })),
    with: withWhom("A goal's stakeholders, or who gave the feedback"),
    due: optional(opt.day({ description: "An improvement's new due date" })),
  },
  positional: 2,
  examples: ['/facilitation edit entry:3 text:"Seven monthly meetings of two hours"', '/facilitation edit entry:1 with:"Priya Shah"'],
});

export const facilitationDelete = command({
  name: "facilitation",
  sub: "delete",
  summary: "Delete one of your facilitation entries, after seeing it.",
  who: "advisor",
  inArchivedSet: true,
  options: {
    entry: opt.integer({ description: "The entry's number (see /facilitation list)", min: 1, max: 100000 }),
    confirm: optional(opt.choice({ description: "yes, once you have seen the entry", choices: ["yes"] as const })),
  },
  positional: 1,
  examples: ["/facilitation delete entry:3", "/facilitation delete entry:3 confirm:yes"],
});

export const facilitationDraft = command({
  name: "facilitation",
  sub: "draft",
  summary: "Your draft ILM M5.37 facilitation log for a set you advise, compiled from your entries and the set's records, as a file.",
  who: "advisor",
  readOnly: true,
  options: {
    format: optional(opt.choice({ description: "md (default) or docx", choices: ["md", "docx"] as const })),
    set: optional(opt.text({ description: "Another set you advise, by its name (default: this channel's set)", max: 80 })),
  },
  examples: ["/facilitation draft", "/facilitation draft format:docx", '/facilitation draft set:"Leading change"'],
});
