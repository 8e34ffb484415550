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
  summary: "Add a member to the set (4–6 recommended, at most 8).",
  who: "advisor",
  options: {
    member: opt.user({ description: "The person to add" }),
    pair: optional(opt.text({ description: "Pair label: members with the same label present together", max: 40 })),
  },
  examples: ["/set add member:@Tom", "/set add member:@Priya pair:ward-7"],
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
