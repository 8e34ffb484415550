import { STOPPABLE_KINDS } from "../src/domain/reminders/catalog.ts";
import { command, opt, optional } from "./define.ts";

const kind = optional(
  opt.choice({ description: "One kind of reminder, as its Stop these button names it (see /nudge settings)", choices: STOPPABLE_KINDS }),
);

export const nudgeSettings = command({
  name: "nudge",
  sub: "settings",
  summary: "Your time zone and quiet hours for reminders (shows them if given nothing).",
  who: "anyone",
  options: {
    tz: optional(opt.text({ description: "Your time zone, e.g. Europe/London or America/New_York", max: 60 })),
    quiet: optional(opt.text({ description: 'Quiet hours, local time, e.g. 22:00-08:00 ("none" to clear)', max: 20 })),
  },
  examples: ["/nudge settings tz:America/New_York quiet:21:00-07:00", "/nudge settings"],
});

export const nudgeOn = command({
  name: "nudge",
  sub: "on",
  summary: "Receive reminders again: all of them, or one kind you stopped (kind:).",
  who: "anyone",
  options: { kind },
  examples: ["/nudge on", "/nudge on kind:log-action"],
});

export const nudgeOff = command({
  name: "nudge",
  sub: "off",
  summary: "Stop all reminders to you, or one kind (kind:, as a reminder's Stop these button does); /nudge on undoes it.",
  details: `Kinds: ${STOPPABLE_KINDS.join(", ")}. Channel posts (meeting reminders for the whole set) are not stopped.`,
  who: "anyone",
  options: { kind },
  examples: ["/nudge off", "/nudge off kind:midpoint-outcome"],
});

export const nudgeSnooze = command({
  name: "nudge",
  sub: "snooze",
  summary: "Pause reminders for a while; they arrive after the pause.",
  who: "anyone",
  options: { for: opt.duration({ description: "How long, e.g. 2h, 3 days, 1w", min: 10, max: 60 * 24 * 60 }) },
  examples: ["/nudge snooze for:3d", "/nudge snooze 2h"],
});
