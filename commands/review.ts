import { command, opt, optional } from "./define.ts";

/** The most a review or a member's reply to it may hold: fits a Slack modal field and a Discord modal input. */
export const REVIEW_MAX_CHARS = 2000;

const reviewNumber = optional(
  opt.integer({ description: "Which of that member's reviews: N as /review list numbers them (default: the latest)", min: 1, max: 1000 }),
);

export const reviewGive = command({
  name: "review",
  bareSub: "give",
  summary: "Review a member's action plan and progress (ILM M5.37 2.4): sent to them by DM and kept in their draft log.",
  details:
    "The member gets your review by DM; it appears, with your name and the date, in their draft M3.37 log under " +
    '"Feedback from my set advisor". They cannot edit it, and may reply once with /review reply. You can change it ' +
    "with /review edit or remove it with /review delete.",
  who: "advisor",
  options: {
    member: opt.user({ description: "The member you review" }),
    text: opt.text({ description: `Your review (up to ${REVIEW_MAX_CHARS} characters)`, max: REVIEW_MAX_CHARS }),
  },
  examples: ['/review member:@Ana text:"Your actions are specific; bring evidence of the rota change next time"'],
});

export const reviewEdit = command({
  name: "review",
  sub: "edit",
  summary: "Change the text of one of your reviews of a member (the member is told).",
  who: "advisor",
  options: {
    member: opt.user({ description: "The member you reviewed" }),
    text: opt.text({ description: `The new text (up to ${REVIEW_MAX_CHARS} characters)`, max: REVIEW_MAX_CHARS }),
    review: reviewNumber,
  },
  examples: ['/review edit member:@Ana text:"Your actions are specific and dated"', '/review edit member:@Ana review:1 text:"…"'],
});

export const reviewDelete = command({
  name: "review",
  sub: "delete",
  summary: "Delete one of your reviews of a member (it leaves their draft).",
  who: "advisor",
  options: { member: opt.user({ description: "The member you reviewed" }), review: reviewNumber },
  examples: ["/review delete member:@Ana", "/review delete member:@Ana review:2"],
});

export const reviewReply = command({
  name: "review",
  sub: "reply",
  summary: "Reply once to your advisor's review with a reflection; it is shown under the review in your draft.",
  who: "member",
  options: {
    text: opt.text({ description: `Your reflection (up to ${REVIEW_MAX_CHARS} characters)`, max: REVIEW_MAX_CHARS, form: true }),
    review: optional(opt.integer({ description: "Which review: N as /review list numbers them (default: the latest)", min: 1, max: 1000 })),
  },
  positional: 1,
  examples: ['/review reply text:"I will ask the leads for the rota data in writing"', '/review reply review:2 text:"…"'],
});

export const reviewList = command({
  name: "review",
  sub: "list",
  summary: "Reviews of members' progress: advisors see each member's, with when each was last reviewed; members their own.",
  who: "participant",
  readOnly: true,
  options: { member: optional(opt.user({ description: "Advisors: one member only" })) },
  examples: ["/review list", "/review list member:@Ana"],
});
