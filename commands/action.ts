import { command, opt, optional } from "./define.ts";
import { ENTRY_MAX_CHARS, effective } from "./log.ts";

export const actionList = command({
  name: "action",
  sub: "list",
  summary: "Your actions: open ones first, with their outcomes.",
  who: "member",
  readOnly: true,
  options: {},
  examples: ["/action list"],
});

export const actionDone = command({
  name: "action",
  sub: "done",
  summary: "Record the outcome of an action and close it.",
  who: "member",
  options: {
    action: opt.integer({ description: "The action's number (see /action list)", min: 1, max: 100000, suggest: "actions" }),
    text: optional(opt.text({ description: "What happened: how you put it into effect", max: ENTRY_MAX_CHARS })),
    status: optional(opt.choice({ description: "done (default), partly or dropped", choices: ["done", "partly", "dropped"] as const })),
    effective,
    replace: optional(
      opt.choice({ description: "yes: replace the outcome the action already has with text: (asked first)", choices: ["yes"] as const }),
    ),
  },
  positional: 2,
  examples: ['/action done action:4 text:"Both leads now use one rota sheet" effective:very', "/action done 4 status:dropped"],
});

export const actionNone = command({
  name: "action",
  sub: "none",
  summary: "Say you agreed no actions at a meeting you attended: the reminders to record them stop.",
  who: "member",
  options: { meeting: opt.meeting({ description: "The meeting (see /meeting list)" }) },
  positional: 1,
  examples: ["/action none meeting:3"],
});
