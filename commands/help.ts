import { command, opt, optional } from "./define.ts";

export const help = command({
  name: "help",
  summary: "What the bot can do, or the details of one command.",
  who: "anyone",
  readOnly: true,
  options: { command: optional(opt.text({ description: 'A command, e.g. "meeting schedule"', max: 60 })) },
  examples: ["/help", "/help meeting schedule"],
});
