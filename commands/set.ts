import { command, opt, optional } from "./define.ts";

export const setCreate = command({
  name: "set",
  sub: "create",
  summary: "Create an action learning set bound to this channel; you become its advisor.",
  who: "anyone",
  options: {
    name: opt.text({ description: "The set's name", max: 80 }),
  },
  examples: ['/set create name:"Leading change 2027"'],
});

export const setAdd = command({
  name: "set",
  sub: "add",
  summary: "Add members to the set (4–6 recommended, at most 8); name several at once.",
  who: "advisor",
  options: {
    member: opt.users({ description: "The people to add: @Ana, or several: @Ana @Ben @Cleo" }),
    pair: optional(opt.text({ description: "Pair label: members with the same label present together", max: 40 })),
  },
  positional: 1,
  examples: ["/set add member:@Tom", "/set add member:@Ana @Ben @Cleo", "/set add member:@Priya pair:ward-7"],
});

export const setPair = command({
  name: "set",
  sub: "pair",
  summary: "Change a member's pair label (members with the same label present together); pair:none takes them out of their pair.",
  who: "advisor",
  options: {
    member: opt.user({ description: "The member" }),
    pair: opt.text({ description: "The new pair label, or none", max: 40 }),
  },
  examples: ["/set pair member:@Priya pair:ward-7", "/set pair member:@Priya pair:none"],
});

export const setRemove = command({
  name: "set",
  sub: "remove",
  summary: "Remove a member from the set; their announced turns are given to others.",
  who: "advisor",
  options: { member: opt.user({ description: "The member to remove" }) },
  examples: ["/set remove member:@Tom"],
});

export const setAdvisor = command({
  name: "set",
  sub: "advisor",
  summary: "Add a co-advisor (advisors facilitate; they are not members of the set).",
  who: "advisor",
  options: { user: opt.user({ description: "The person to make a co-advisor" }) },
  examples: ["/set advisor user:@Sam"],
});

export const setRemoveAdvisor = command({
  name: "set",
  sub: "remove-advisor",
  summary: "Remove an advisor from the set (not the last one: add another advisor first).",
  who: "advisor",
  options: { user: opt.user({ description: "The advisor to remove (yourself, to step down)" }) },
  examples: ["/set remove-advisor user:@Sam"],
});

export const setInfo = command({
  name: "set",
  sub: "info",
  summary: "Members, advisors, slot length, next meeting and compliance warnings.",
  who: "anyone",
  readOnly: true,
  options: {},
  examples: ["/set info"],
});

export const setProgramme = command({
  name: "set",
  sub: "programme",
  summary: "Set the programme period (ILM M3.37 asks for 6 to 12 months).",
  who: "advisor",
  options: {
    start: opt.day({ description: "First day of the programme" }),
    end: optional(opt.day({ description: "Last day (default: 12 months after the start)" })),
  },
  examples: ["/set programme start:2027-01-04 end:2027-09-30"],
});

export const setRename = command({
  name: "set",
  sub: "rename",
  summary: "Give the set a new name.",
  who: "advisor",
  options: { name: opt.text({ description: "The set's new name", max: 80 }) },
  examples: ['/set rename name:"Leading change 2027 (spring)"'],
});

export const setArchive = command({
  name: "set",
  sub: "archive",
  summary: "Archive the set when it has finished: no more reminders, read-only; /set unarchive reopens it.",
  details:
    "An archived set gets no reminders, and only read-only commands run in it: /set info, /meeting next, /meeting list, " +
    "/meeting calendar, /rotation show, /log list, /log draft, /action list, /progress, /review list, /feedback list and /records, plus each member's " +
    "/log share, /log export and /log forget, and the advisor's own facilitation log (/facilitation goal, /facilitation design, " +
    "/facilitation session, /facilitation feedback, /facilitation reflect, /facilitation improve, /facilitation list, " +
    "/facilitation edit, /facilitation delete, /facilitation draft). Meetings still to come are cancelled: when there are any, it asks you " +
    "to confirm first. /set unarchive reopens the set (cancelled meetings stay cancelled).",
  who: "advisor",
  options: { confirm: optional(opt.choice({ description: "yes, to cancel the meetings still to come", choices: ["yes"] as const })) },
  examples: ["/set archive", "/set archive confirm:yes"],
});

export const setUnarchive = command({
  name: "set",
  sub: "unarchive",
  summary: "Reopen an archived set: commands and reminders work again.",
  who: "advisor",
  inArchivedSet: true,
  options: {},
  examples: ["/set unarchive"],
});

/** How often a set learning review may be asked for: every 1 to 12 meetings held, or off. */
const REVIEW_EVERY_CHOICES = ["off", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const;

export const setReviews = command({
  name: "set",
  sub: "reviews",
  summary: "How often closing a meeting opens a set learning review (default every 3 meetings held), or off.",
  details:
    "When the number of meetings held reaches a multiple of every:, closing the meeting asks each member by DM what the " +
    "set does well and what should change; they answer with /feedback (anonymously if they like). Alone: shows the setting.",
  who: "advisor",
  options: {
    every: optional(opt.choice({ description: "Every how many meetings held (1 to 12), or off", choices: REVIEW_EVERY_CHOICES })),
  },
  examples: ["/set reviews every:3", "/set reviews every:off", "/set reviews"],
});

export const setVoice = command({
  name: "set",
  sub: "voice",
  summary: "Discord: hold the meetings' events in a voice channel; clear:yes makes them external events again.",
  details:
    "On Discord each meeting is also an event in the server's Events. By default it is an external event whose location " +
    "links to the set's channel; with channel: (one of the server's voice channels, picked from Discord's list) the " +
    "upcoming meetings' events become voice events in that channel, their description still pointing back to the set's " +
    "channel. clear:yes makes them external events again. Alone: shows the setting. Slack and the console have no voice " +
    "channels, so there it does not apply.",
  who: "advisor",
  options: {
    channel: optional(opt.voiceChannel({ description: "The server's voice channel the set meets in" })),
    clear: optional(opt.choice({ description: "yes, to hold the events outside a voice channel again", choices: ["yes"] as const })),
  },
  examples: ["/set voice clear:yes", "/set voice"],
});
