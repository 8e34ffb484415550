/**
 * A realistic M3.37 programme for one member, for the draft tests: Priya, a night-shift lead in a distribution
 * centre, in the set "Riverside team leaders" (11 Jan – 10 Aug 2027), 9 of its 10 meetings attended, presenting at
 * meetings 2, 3, 5 and 8 (no problem logged for 8).
 * 33 entries: 2 strengths and 2 limitations (two with a source), 3 goals (#29 with no time frame), 2 action-learning
 * entries, a question noted before any problem but linked to problem 1, 3 problems with their questions (some linked,
 * some placed by date), 5 actions (four linked to goals, three naming support, 2 with no outcome: #18 and #26),
 * outcomes (one via /log outcome action:14, so entry #19 is also action #14's outcome text; one free outcome entry
 * #27), reflections after each problem, reviews of goals 1 and 2 (none of goal 3), and a closing reflection in the
 * programme's last month.
 */

import type { DraftAction, DraftEntry, DraftInput, DraftMeeting } from "../../src/domain/draft/compile.ts";
import type { EntryKind } from "../../src/domain/draft/entry-kind.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";

type Row = [number, EntryKind, string, number | null, string];

/** Links and notes of some entries: goal / problem by entry number, support and source in the member's words. */
const FIXTURE_LINKS: Record<number, { goal?: number; problem?: number; support?: string; source?: string }> = {
  1: { source: "360 feedback from my team in December" },
  3: { source: "my Reflective Review" },
  8: { problem: 10 },
  13: { goal: 5, problem: 10, support: "Helen's notes on the feedback model, and my shift manager, who knows both pickers" },
  14: { goal: 5 },
  17: { problem: 16 },
  18: { goal: 6, problem: 16, support: "Jas herself, and Marek covering the floor while we plan" },
  25: { goal: 29, problem: 22, support: "The site manager, who agreed to release thirty minutes of paid time" },
  31: { goal: 5 },
  33: { goal: 6 },
};

/** [number, kind, when (UTC), meeting, text] */
export const FIXTURE_ENTRIES: Row[] = [
  [
    1,
    "strength",
    "2027-01-18T12:10:00Z",
    1,
    "I build trust quickly with new starters: in my first month as shift lead three agency staff asked to stay on permanent contracts, and two of them said it was because I explained the reason behind every task.",
  ],
  [
    2,
    "strength",
    "2027-01-18T12:14:00Z",
    1,
    "I stay calm when the shift goes wrong. When the conveyor failed in December I re-planned picking by hand within twenty minutes and we still made the last trunk to Leeds.",
  ],
  [
    3,
    "limitation",
    "2027-01-18T12:20:00Z",
    1,
    "I avoid difficult conversations. I let poor timekeeping from two long-serving pickers slide for months because I did not want to damage the good atmosphere on nights.",
  ],
  [
    4,
    "limitation",
    "2027-01-19T08:05:00Z",
    1,
    "I take work back instead of delegating it. If a task is urgent I do it myself, which leaves my two supervisors without the practice they need to cover for me.",
  ],
  [
    5,
    "goal",
    "2027-01-19T08:15:00Z",
    1,
    "Hold every overdue conversation about performance within two weeks of noticing the problem, using the feedback model from the course, by the end of March.",
  ],
  [
    6,
    "goal",
    "2027-01-19T08:22:00Z",
    1,
    "Delegate the weekly labour plan and the morning huddle to my supervisors by May, so that the shift runs without me for a full week in June.",
  ],
  [
    7,
    "action-learning",
    "2027-01-20T21:30:00Z",
    1,
    "Our set met for the first time this week. Action learning is not a committee that solves my problem for me: Helen described it as L = P + Q, learning from programmed knowledge plus questioning. Being asked open questions instead of being given advice was uncomfortable, but it made me say out loud what I actually wanted to happen.",
  ],
  [
    8,
    "question",
    "2027-01-20T21:40:00Z",
    1,
    "A question Tom was asked that I want to ask myself: what would your team say the real problem is?",
  ],
  [
    9,
    "action-learning",
    "2027-02-01T19:00:00Z",
    1,
    "My responsibilities in the set are to turn up prepared, to keep what others bring confidential, to ask questions rather than give advice, and to carry out the actions I commit to before the next meeting. I noticed that I jump to solutions when others present; I want to practise asking one more question before I offer an idea. The set is also where I can test my leadership on real problems instead of case studies.",
  ],
  [
    10,
    "problem",
    "2027-02-08T10:05:00Z",
    2,
    "Two long-serving pickers on my night shift are regularly fifteen to twenty minutes late. Everyone knows, the rest of the team has started to resent it, and I have never raised it with them because they are reliable once they arrive and I did not want to spoil the atmosphere.",
  ],
  [11, "question", "2027-02-08T10:20:00Z", 2, "What are you afraid will happen if you raise it?"],
  [12, "question", "2027-02-08T10:24:00Z", 2, "What does it cost the rest of the team, each time you say nothing?"],
  [
    13,
    "action",
    "2027-02-08T10:35:00Z",
    2,
    "Hold a one-to-one with each of the two pickers before the 22nd, using the situation-behaviour-impact model, and agree a start time they can commit to.",
  ],
  [
    14,
    "action",
    "2027-02-09T07:50:00Z",
    2,
    "Write down the timekeeping expectation for the whole shift and go through it at the Monday huddle, so that it is not only about two people.",
  ],
  [
    15,
    "reflect",
    "2027-02-25T20:15:00Z",
    2,
    "The conversation I had put off for months took ten minutes. What I feared was my own discomfort, not their reaction. Asking a question first, instead of opening with the complaint, changed how both conversations went, and I found out about a bus timetable change I should have known about.",
  ],
  [
    16,
    "problem",
    "2027-03-01T10:10:00Z",
    3,
    "My supervisors, Jas and Marek, come to me for every decision on the labour plan, and I keep doing the weekly plan myself late on Sunday evenings. I want them to own it, but each time I try I end up redoing it because it is quicker.",
  ],
  [17, "question", "2027-03-01T10:25:00Z", 3, "What would good enough look like for their first plan?"],
  [
    18,
    "action",
    "2027-03-01T10:40:00Z",
    3,
    "Sit with Jas while she builds next week's labour plan, and let her make the calls even where I would have done it differently.",
  ],
  [
    19,
    "outcome",
    "2027-03-02T18:00:00Z",
    3,
    "I went through the expectation at the huddle, but I read it out instead of discussing it, and two people said afterwards that it felt like a telling-off. The rule is clearer; the conversation was not.",
  ],
  [
    20,
    "reflect",
    "2027-03-10T21:00:00Z",
    3,
    "I realised I measure a delegated task against how I would have done it, not against whether it works. That is why I keep taking things back. Helen pointed us to Hersey and Blanchard: Jas needs coaching at this stage, not a handover followed by me disappearing.",
  ],
  [21, "question", "2027-03-22T10:30:00Z", 4, "Which decisions could they make today without asking you?"],
  [
    22,
    "problem",
    "2027-04-12T10:05:00Z",
    5,
    "Our site manager wants the night shift to take on returns processing from June with no extra headcount. The team is already stretched and morale is fragile after the timekeeping changes. I need to win them over without overpromising what I can get from management.",
  ],
  [23, "question", "2027-04-12T10:18:00Z", 5, "Who on your team could shape the change rather than just receive it?"],
  [24, "question", "2027-04-12T10:22:00Z", 5, "What can you honestly promise them, and what can you not?"],
  [
    25,
    "action",
    "2027-04-12T10:40:00Z",
    5,
    "Run a thirty-minute workshop with the shift to map where returns could fit in the night, and take two of their proposals to the site manager.",
  ],
  [
    26,
    "action",
    "2027-04-13T08:00:00Z",
    5,
    "Ask the site manager for a review point after six weeks of the pilot, so the team knows their concerns will be heard again.",
  ],
  [
    27,
    "outcome",
    "2027-05-24T10:45:00Z",
    7,
    "Reported back to the set: the returns pilot has run for two weeks. Pick rates dipped for three nights and then recovered. Two pickers who were the loudest critics in the workshop are now training new starters on returns.",
  ],
  [
    28,
    "reflect",
    "2027-05-25T20:00:00Z",
    7,
    "Involving the team changed the question from whether we do returns to how we do them. I used to think being a leader meant bringing the answer; here my job was to ask the question and protect the time for them to answer it.",
  ],
  [
    29,
    "goal",
    "2027-05-25T20:10:00Z",
    7,
    "Use a team workshop, rather than an announcement, for the next change that affects the whole shift, and ask the set to hold me to it.",
  ],
  [
    30,
    "reflect",
    "2027-06-20T19:30:00Z",
    8,
    "The set's question about what I could honestly promise stopped me telling the team that headcount would follow. It may not, and I would have lost the trust I built in February.",
  ],
  [
    31,
    "review",
    "2027-07-20T20:00:00Z",
    9,
    "I met this goal. I now hold difficult conversations within days rather than months, and I have a way to start them with a question. Timekeeping on nights has been on target for four months, and nobody has had to be taken through the formal process.",
  ],
  [
    32,
    "reflect",
    "2027-08-02T19:00:00Z",
    10,
    "The biggest change in my leadership is that I ask before I tell. The set showed me how much a good question does, and I now use the same questions in one-to-ones. My next step is to coach Marek the way I coached Jas, and to take the week off in September that I could not take in June.",
  ],
  [
    33,
    "review",
    "2027-07-21T20:00:00Z",
    9,
    "I partly met my delegation goal: Jas builds the labour plan each week and I only check it, but Marek still brings me every decision and I have not yet had a full week away.",
  ],
];

/** Action outcomes recorded with /action done (13, 25) and /log outcome action:14 (its text is entry #19). */
export const FIXTURE_OUTCOMES = {
  13: "I met each of them on the 16th. One told me his bus timetable had changed in January and I had never asked; we moved his start to 22:15 with the same hours. The other apologised and has been on time every night since.",
  25: "Eleven of fourteen came. They proposed moving returns to the quiet hour after the second trunk and pairing new starters with experienced pickers. The site manager agreed to both and we started a pilot on 10 May.",
} as const;

const d = (iso: string) => new Date(iso);
/** A calendar date as the member (in London) gave it. */
export const day = (iso: string) => calendarDate(iso, "Europe/London");

export function fixtureEntries(): DraftEntry[] {
  return FIXTURE_ENTRIES.map(([number, kind, when, meetingNumber, text]) => ({
    number,
    kind,
    text,
    createdAt: d(when),
    meetingNumber,
    ...FIXTURE_LINKS[number],
  }));
}

function fixtureActions(): DraftAction[] {
  const entry = (n: number) => {
    const e = fixtureEntries().find((x) => x.number === n);
    if (!e) throw new Error(`no entry ${n}`);
    return e;
  };
  const base = (n: number) => ({ number: n, text: entry(n).text, createdAt: entry(n).createdAt, meetingNumber: entry(n).meetingNumber });
  return [
    {
      ...base(13),
      due: day("2027-02-21"),
      status: "done",
      outcome: FIXTURE_OUTCOMES[13],
      effectiveness: "very",
      outcomeAt: d("2027-02-19T21:00:00Z"),
    },
    {
      ...base(14),
      due: day("2027-02-28"),
      status: "partly",
      outcome: entry(19).text,
      effectiveness: "somewhat",
      outcomeAt: entry(19).createdAt,
    },
    { ...base(18), due: day("2027-03-14"), status: "open", outcome: null, effectiveness: null, outcomeAt: null },
    {
      ...base(25),
      due: day("2027-05-02"),
      status: "done",
      outcome: FIXTURE_OUTCOMES[25],
      effectiveness: "very",
      outcomeAt: d("2027-04-30T20:00:00Z"),
    },
    { ...base(26), due: null, status: "open", outcome: null, effectiveness: null, outcomeAt: null },
  ];
}

/** The meetings the set held: every third Monday from 18 Jan 2027, 10:00 UTC, 150 minutes. */
export function fixtureMeetings(): DraftMeeting[] {
  return Array.from({ length: 10 }, (_, i) => ({
    number: i + 1,
    startsAt: new Date(Date.UTC(2027, 0, 18 + 21 * i, 10)),
    durationMinutes: 150,
    attended: i !== 5,
    presented: [2, 3, 5, 8].includes(i + 1),
  }));
}

/** The whole programme; `over` replaces fields. Entries are given shuffled (the draft must not rely on order). */
export function fixtureInput(over: Partial<DraftInput> = {}): DraftInput {
  const entries = fixtureEntries();
  const shuffled = [...entries.filter((_, i) => i % 2 === 1).reverse(), ...entries.filter((_, i) => i % 2 === 0)];
  return {
    learner: "Priya Shah",
    details: { registration: "R0337122", centreNumber: "004512", centreName: "Riverside College" },
    setName: "Riverside team leaders",
    advisors: ["Helen Okafor"],
    memberCount: 5,
    slotMinutes: 30,
    advisorNotes: 4,
    programmeStart: day("2027-01-11"),
    programmeEnd: day("2027-08-10"),
    joinedAt: d("2027-01-11T09:00:00Z"),
    meetings: fixtureMeetings(),
    entries: shuffled,
    actions: fixtureActions(),
    now: d("2027-08-05T09:00:00Z"),
    timeZone: "Europe/London",
    ...over,
  };
}

/** Where each entry's text must appear: the level-2 section, and for the log the level-3 heading (a prefix of it). */
export const EXPECTED_SECTION: Record<number, [string, string?]> = {
  1: ["Strengths and limitations (1.1)", "Strengths"],
  2: ["Strengths and limitations (1.1)", "Strengths"],
  3: ["Strengths and limitations (1.1)", "Limitations"],
  4: ["Strengths and limitations (1.1)", "Limitations"],
  5: ["Goals, actions and timescales (1.2)", "Goal 1"],
  6: ["Goals, actions and timescales (1.2)", "Goal 2"],
  29: ["Goals, actions and timescales (1.2)", "Goal 3"],
  7: ["Action learning and my development (2.1)"],
  9: ["Action learning and my development (2.1)"],
  8: ["How I used action learning (2.2)", "Problem 1:"], // by link, though recorded before any problem
  10: ["How I used action learning (2.2)", "Problem 1:"],
  11: ["How I used action learning (2.2)", "Problem 1:"],
  12: ["How I used action learning (2.2)", "Problem 1:"],
  13: ["How I used action learning (2.2)", "Problem 1:"],
  14: ["How I used action learning (2.2)", "Problem 1:"],
  15: ["How I used action learning (2.2)", "Problem 1:"],
  19: ["How I used action learning (2.2)", "Problem 1:"], // action #14's outcome, recorded after problem 2 began
  16: ["How I used action learning (2.2)", "Problem 2:"],
  17: ["How I used action learning (2.2)", "Problem 2:"],
  18: ["How I used action learning (2.2)", "Problem 2:"],
  20: ["How I used action learning (2.2)", "Problem 2:"],
  21: ["How I used action learning (2.2)", "Problem 2:"],
  22: ["How I used action learning (2.2)", "Problem 3:"],
  23: ["How I used action learning (2.2)", "Problem 3:"],
  24: ["How I used action learning (2.2)", "Problem 3:"],
  25: ["How I used action learning (2.2)", "Problem 3:"],
  26: ["How I used action learning (2.2)", "Problem 3:"],
  27: ["How I used action learning (2.2)", "Problem 3:"],
  28: ["How I used action learning (2.2)", "Problem 3:"],
  30: ["How I used action learning (2.2)", "Problem 3:"],
  31: ["Review of goals and improvement (2.3)", "Goal 1"],
  33: ["Review of goals and improvement (2.3)", "Goal 2"],
  32: ["Review of goals and improvement (2.3)", "Looking back overall"],
};
