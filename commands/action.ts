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
  },
  positional: 2,
  examples: ['/action done action:4 text:"Both leads now use one rota sheet" effective:very', "/action done 4 status:dropped"],
});
