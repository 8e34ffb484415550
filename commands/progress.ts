import { command, opt, optional } from "./define.ts";

export const progress = command({
  name: "progress",
  summary: "Each member's actions (agreed, done, overdue), last entry, attendance and M3.37 criteria coverage.",
  who: "advisor",
  readOnly: true,
  options: { member: optional(opt.user({ description: "One member only" })) },
  examples: ["/progress", "/progress member:@Ana"],
});

export const records = command({
  name: "records",
  summary: "Facilitation records: meetings held, attendance, presenters, your notes, undelivered reminders.",
  who: "advisor",
  inArchivedSet: true,
  options: { note: optional(opt.text({ description: "Add a note to the records", max: 2000 })) },
  examples: ["/records", '/records note:"Set agreed ground rules on confidentiality"'],
});
