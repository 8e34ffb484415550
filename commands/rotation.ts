import { command, opt, optional } from "./define.ts";

export const rotationShow = command({
  name: "rotation",
  sub: "show",
  summary: "Who presents at the coming meetings, in fair order.",
  who: "anyone",
  readOnly: true,
  options: { count: optional(opt.integer({ description: "How many meetings ahead (default 4)", min: 1, max: 12 })) },
  examples: ["/rotation show", "/rotation show count:6"],
});

export const rotationSwap = command({
  name: "rotation",
  sub: "swap",
  summary: "Swap your next turn with another member's next turn.",
  who: "member",
  options: { with: opt.user({ description: "The member to swap with" }) },
  examples: ["/rotation swap with:@Priya"],
});

export const rotationSkip = command({
  name: "rotation",
  sub: "skip",
  summary: "Give up your next turn; you are owed the next one after it.",
  who: "member",
  options: {},
  examples: ["/rotation skip"],
});

export const rotationSlot = command({
  name: "rotation",
  sub: "slot",
  summary: "Minutes per presenter (default 30) and the opening/closing allowance (default 30).",
  who: "advisor",
  options: {
    minutes: opt.integer({ description: "Minutes per presenter", min: 10, max: 120 }),
    allowance: optional(opt.integer({ description: "Minutes for opening and closing", min: 0, max: 120 })),
  },
  examples: ["/rotation slot minutes:30", "/rotation slot minutes:40 allowance:20"],
});
