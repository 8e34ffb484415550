import { command, opt, optional } from "./define.ts";

export const away = command({
  name: "away",
  bareSub: "on",
  summary: "On leave until a date (from today, or from a later day): no turns, no reminders, apologies sent for meetings in that period.",
  who: "participant",
  options: {
    until: opt.day({ description: "Last day away" }),
    from: optional(opt.day({ description: "First day away, to book leave ahead (default: today)" })),
    note: optional(opt.text({ description: "A short note for the set", max: 200 })),
    member: optional(opt.user({ description: "Advisors only: the member who is away" })),
  },
  positional: 1,
  examples: ["/away until:2027-03-01", '/away until:"in 2 weeks" note:"parental leave"', "/away from:2027-04-05 until:2027-04-16"],
});

export const awayOff = command({
  name: "away",
  sub: "off",
  summary: "Back from leave, or cancel leave booked ahead: in the rotation; its apologies are withdrawn.",
  who: "participant",
  options: { member: optional(opt.user({ description: "Advisors only: the member who is back" })) },
  examples: ["/away off"],
});
