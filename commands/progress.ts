import { command, opt, optional } from "./define.ts";

export const progress = command({
  name: "progress",
  summary: "Each member's actions, attendance, turns, last entry and M3.37 criteria, with a PNG chart by meeting.",
  details:
    "The chart (PNG) has a band per member: a mark per meeting held (filled: attended, hollow: absent, a diamond: presented) over bars of the actions agreed, outcomes recorded and actions overdue in each meeting's period. Counts and dates only, never entries; the reply repeats the counts as text for screen readers. With member: one member's timeline.",
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
