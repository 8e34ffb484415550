/**
 * The demo set: five managers from different organisations, seven monthly meetings (January to July
 * 2027), their own words. Each member's entries are listed per meeting; `after` entries are recorded
 * a fortnight later, between meetings.
 */
export type DemoEntry =
  | { kind: "problem" | "reflect" | "question" | "strength" | "limitation" | "goal"; text: string }
  | { kind: "action"; text: string; due: string }
  /** `action`: which of this member's own actions, counting from 1 in the order they were agreed. */
  | { kind: "outcome"; action: number; text: string; effective: "very" | "somewhat" | "not" };

export type DemoMember = {
  name: string;
  timeZone?: string;
  quiet?: string;
  /** Entries recorded before the first meeting: the action plan's raw material. */
  plan: DemoEntry[];
  /** Per meeting number (1–7): recorded at the meeting, and a fortnight after it. */
  at: Record<number, DemoEntry[]>;
  after: Record<number, DemoEntry[]>;
};

export const members: DemoMember[] = [
  {
    name: "Ana",
    plan: [
      {
        kind: "strength",
        text: "I stay calm on a busy ward and staff tell me they feel safe raising problems with me, even on nights when we are two nurses short.",
      },
      {
        kind: "strength",
        text: "I know the clinical side thoroughly, so my team trusts my judgement when something unusual happens with a patient.",
      },
      {
        kind: "limitation",
        text: "I take work back when someone struggles instead of coaching them through it, which leaves me doing three jobs by Friday.",
      },
      {
        kind: "limitation",
        text: "I avoid difficult conversations about performance until they become formal, and then they are harder for everyone.",
      },
      {
        kind: "goal",
        text: "By June, hold a monthly one-to-one with each of my five band 6 nurses and delegate the weekly rota to one of them.",
      },
      {
        kind: "goal",
        text: "Have one honest conversation about performance within a week of noticing the problem, rather than waiting for appraisal.",
      },
      {
        kind: "reflect",
        text: "I joined the set expecting advice. Being asked questions instead felt slow at first, but it makes me find my own answer, which I then actually carry out.",
      },
    ],
    at: {
      1: [
        {
          kind: "problem",
          text: "Night shift handovers keep missing medication changes. Twice this month a dose was given at the old time because the change was only mentioned verbally at 7am.",
        },
        { kind: "question", text: "Dev asked: who owns the handover when you are not on shift? I realised nobody does." },
        {
          kind: "action",
          text: "Trial a one-page written handover sheet on both wards for two weeks, owned by the nurse in charge.",
          due: "2027-01-29",
        },
      ],
      3: [
        {
          kind: "problem",
          text: "One of my band 6 nurses, Kerry, is regularly late and the others have started to resent covering for her. I have said nothing for two months.",
        },
        {
          kind: "question",
          text: "Eve asked what I was afraid would happen if I raised it. The honest answer was that Kerry would cry and I would back down.",
        },
        { kind: "question", text: "Cleo asked what Kerry might be dealing with that I do not know about." },
        {
          kind: "action",
          text: "Hold a private conversation with Kerry this week using the facts: dates, times, the effect on the team, and ask what is going on.",
          due: "2027-03-16",
        },
      ],
      5: [
        {
          kind: "problem",
          text: "I am still writing the rota myself every Sunday evening. I said I would delegate it in January and I have not.",
        },
        {
          kind: "question",
          text: "Ben asked: what would good enough look like if someone else did it? I had never defined it, so no one could meet it.",
        },
        {
          kind: "action",
          text: "Write down the five rules the rota must meet and hand the June rota to Priya with those rules, checking it once, not rewriting it.",
          due: "2027-05-28",
        },
      ],
    },
    after: {
      1: [
        {
          kind: "outcome",
          action: 1,
          text: "The sheet caught three medication changes in the first fortnight. The night staff asked to keep it, and the matron has asked for it on the other two wards.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "The fix was simple once I stopped treating handover as something that just happens. Naming an owner mattered more than the form itself.",
        },
      ],
      3: [
        {
          kind: "outcome",
          action: 2,
          text: "Kerry told me she is caring for her father before her shifts. We agreed a later start on two days a week and she has been on time since.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "I had built the conversation up into a confrontation. Using facts and then asking, rather than telling, made it a conversation about support.",
        },
      ],
      5: [
        {
          kind: "outcome",
          action: 3,
          text: "Priya did the June rota in half the time it takes me. I changed one shift. I got my Sunday evenings back.",
          effective: "very",
        },
      ],
      7: [
        {
          kind: "reflect",
          text: "Looking back at my goals from January, I have delegated the rota and had the conversation I was avoiding. The set's questions made me commit in front of people, which is why I followed through.",
        },
      ],
    },
  },
  {
    name: "Ben",
    timeZone: "America/New_York",
    quiet: "21:00-07:00",
    plan: [
      {
        kind: "strength",
        text: "I am good at fixing things fast; the service desk's first-time fix rate went from 61% to 74% since I took over.",
      },
      {
        kind: "limitation",
        text: "I manage by being the escalation point for everything, so my team never learns to handle the hard tickets.",
      },
      { kind: "goal", text: "By July, cut the tickets escalated to me by half by building a second-line rota among the senior analysts." },
    ],
    at: {
      1: [
        {
          kind: "problem",
          text: "The London office and my New York team blame each other for tickets that fall between time zones; customers wait up to a day.",
        },
        { kind: "question", text: "Ana asked what a handover between the two desks looks like today. There isn't one." },
        {
          kind: "action",
          text: "Agree a fifteen-minute overlap call with the London lead at 8am New York time for a month.",
          due: "2027-02-05",
        },
      ],
      4: [
        { kind: "problem", text: "Two senior analysts refuse to take on second-line work because it is not in their job description." },
        { kind: "question", text: "Dev asked what they would get out of it. I had only thought about what I would get out of it." },
        {
          kind: "action",
          text: "Talk to each of them about the skills second-line work would give them for the promotion round in September.",
          due: "2027-04-30",
        },
      ],
      6: [
        { kind: "problem", text: "I still get pulled into incidents at night because nobody else feels authorised to make the call." },
        {
          kind: "action",
          text: "Write a one-page incident authority note saying who may decide what, and get my director to sign it.",
          due: "2027-06-25",
        },
      ],
    },
    after: {
      1: [
        {
          kind: "outcome",
          action: 1,
          text: "The overlap call happened on 17 of 20 days. Tickets waiting more than eight hours dropped from 40 to 9 in the month.",
          effective: "very",
        },
      ],
      4: [
        {
          kind: "outcome",
          action: 2,
          text: "One analyst agreed straight away; the other wants training first. I have booked it for May.",
          effective: "somewhat",
        },
        {
          kind: "reflect",
          text: "I assumed resistance was about workload. It was about feeling unprepared. Asking first would have saved me a month of frustration.",
        },
      ],
      6: [],
      7: [
        {
          kind: "reflect",
          text: "My escalations are down from about thirty a week to twelve. The goal was half; the rest depends on the incident authority note, which my director has not signed yet.",
        },
      ],
    },
  },
  {
    name: "Cleo",
    plan: [
      { kind: "strength", text: "I build good relationships with customers and my store's complaint rate is the lowest in the region." },
      { kind: "limitation", text: "I struggle to say no to head office requests, so my deputies get changing priorities every week." },
      { kind: "goal", text: "Protect one planning hour a week with my two deputies and stick to it for three months." },
    ],
    at: {
      4: [
        { kind: "problem", text: "Stock counts are wrong every month and head office blames the store team, which is hurting morale." },
        { kind: "question", text: "Ben asked which part of the count I had actually watched being done. None of it." },
        {
          kind: "action",
          text: "Shadow one full stock count from start to finish and note every step where errors could come in.",
          due: "2027-04-30",
        },
      ],
      5: [
        {
          kind: "problem",
          text: "Back from secondment, my deputies had built their own way of running the store and I am not sure where I fit.",
        },
        { kind: "question", text: "Ana asked what they did better without me. That was uncomfortable and useful." },
        {
          kind: "action",
          text: "Ask each deputy what they want to keep from the last two months and agree it together.",
          due: "2027-05-21",
        },
      ],
    },
    after: {
      4: [
        {
          kind: "outcome",
          action: 1,
          text: "Found that the handheld scanners were not synced before the count. One change to the checklist, and May's count was within 0.5%.",
          effective: "very",
        },
      ],
      5: [
        {
          kind: "reflect",
          text: "Being away showed me the store does not need me to make every decision. My job is to set direction and clear obstacles.",
        },
      ],
    },
  },
  {
    name: "Dev",
    plan: [
      { kind: "strength", text: "I am organised and my shift hits its pick targets nine weeks out of ten." },
      {
        kind: "limitation",
        text: "I do not give praise; I notice what is wrong and say so, and my team say they only hear from me when something breaks.",
      },
      {
        kind: "goal",
        text: "Give specific praise to at least three people a week and ask my team in June whether they notice a difference.",
      },
    ],
    at: {
      1: [
        { kind: "problem", text: "Agency staff leave within two weeks and we spend every Monday training new people." },
        {
          kind: "action",
          text: "Pair each new agency worker with a named permanent buddy for their first five shifts.",
          due: "2027-02-05",
        },
      ],
      2: [
        { kind: "question", text: "Cleo asked what the agency staff say when they leave. I had never asked them." },
        { kind: "action", text: "Phone the last five leavers and ask why they went.", due: "2027-02-26" },
      ],
      7: [
        {
          kind: "reflect",
          text: "Over the programme I learned to ask before fixing. The exit calls told me more in an hour than a year of guessing.",
        },
      ],
    },
    after: {
      1: [
        {
          kind: "outcome",
          action: 1,
          text: "Buddies worked for the first week, then the permanent staff stopped doing it because nobody was tracking it.",
          effective: "somewhat",
        },
      ],
      2: [],
    },
  },
  {
    name: "Eve",
    plan: [
      { kind: "strength", text: "I write clearly and my briefings to councillors are used as examples for new officers." },
      { kind: "limitation", text: "I take on too much myself because asking feels like admitting I cannot cope." },
    ],
    at: {
      2: [
        { kind: "problem", text: "Repairs requests from tenants are logged in three different systems and some are lost entirely." },
        {
          kind: "action",
          text: "Map every route a repair request can take into the team, with the officers who handle them.",
          due: "2027-03-05",
        },
      ],
      6: [{ kind: "question", text: "Dev asked what would happen if I stopped checking every letter before it goes out." }],
    },
    after: { 2: [] },
  },
];
