import { command, opt, optional } from "./define.ts";

/** The most one piece of feedback may hold. */
export const FEEDBACK_MAX_CHARS = 2000;

export const feedbackGive = command({
  name: "feedback",
  bareSub: "give",
  summary: "Tell the set or its advisor what works and what should change; anonymous:yes stores no name at all.",
  details:
    "about:set (the default) is feedback on the set's meetings; about:advisor on the advisor's facilitation. " +
    "anonymous:yes stores the feedback with no author at all: nobody, not even the bot, can tell who gave it, so it " +
    "cannot be withdrawn later. Named feedback can be withdrawn with /feedback withdraw. Advisors read it with /feedback list.",
  who: "member",
  options: {
    text: opt.text({ description: `Your feedback (up to ${FEEDBACK_MAX_CHARS} characters)`, max: FEEDBACK_MAX_CHARS, form: true }),
    about: optional(opt.choice({ description: "What it is about: set (default) or advisor", choices: ["set", "advisor"] as const })),
    anonymous: optional(
      opt.choice({ description: "yes: store no name at all (it cannot be withdrawn); default no", choices: ["yes", "no"] as const }),
    ),
  },
  positional: 1,
  examples: [
    '/feedback text:"The questioning round works; we run out of time for the last presenter"',
    '/feedback text:"More silence after a question, please" about:advisor anonymous:yes',
  ],
});

export const feedbackList = command({
  name: "feedback",
  sub: "list",
  summary: "The set's feedback, newest first (advisors); members see their own named feedback.",
  who: "participant",
  readOnly: true,
  options: { last: optional(opt.integer({ description: "How many (default 20)", min: 1, max: 100 })) },
  examples: ["/feedback list", "/feedback list last:50"],
});

export const feedbackWithdraw = command({
  name: "feedback",
  sub: "withdraw",
  summary: "Withdraw feedback you gave with your name (anonymous feedback cannot be withdrawn: it has no author).",
  who: "member",
  options: {
    feedback: optional(opt.integer({ description: "N as /feedback list numbers yours (default: the latest)", min: 1, max: 10000 })),
  },
  examples: ["/feedback withdraw", "/feedback withdraw feedback:2"],
});
