/**
 * A realistic M3.37 programme for one member, for the draft tests: Priya, a night-shift lead in a distribution
 * centre, in the set "Riverside team leaders" for seven months (11 Jan – 10 Aug 2027), 9 of 10 meetings attended.
 * 32 entries: 2 strengths, 2 limitations, 3 goals, 2 reflections on the method before her first problem, one
 * question noted before it, 3 problems with their questions, 5 actions (2 with no outcome: #18 and #26), outcomes
 * (one via /log outcome action:14, so entry #19 is also action #14's outcome text; one free outcome entry #27),
 * reflections after each problem, and 2 closing reflections in the programme's last month.
 */
import { calendarDate } from "../../src/domain/calendar-date.ts";
import type { DraftAction, DraftEntry, DraftInput } from "../../src/domain/draft.ts";
import type { EntryKind } from "../../src/domain/entry-kind.ts";

/** A calendar date as the member (in London) gave it. */
export const day = (iso: string) => calendarDate(iso, "Europe/London");

type Row = [number, EntryKind, string, number | null, string];

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
    "reflect",
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
    "reflect",
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
    "reflect",
    "2027-07-20T20:00:00Z",
    9,
    "Looking back at my goals: I now hold difficult conversations within days rather than months, and I have a way to start them with a question. Timekeeping on nights has been on target for four months. I partly met my delegation goal: Jas builds the labour plan each week and I only check it, but Marek still brings me every decision and I have not yet had a full week away.",
  ],
  [
    32,
    "reflect",
    "2027-08-02T19:00:00Z",
    10,
    "The biggest change in my leadership is that I ask before I tell. The set showed me how much a good question does, and I now use the same questions in one-to-ones. My next step is to coach Marek the way I coached Jas, and to take the week off in September that I could not take in June.",
  ],
];

/** Action outcomes recorded with /action done (13, 25) and /log outcome action:14 (its text is entry #19). */
export const FIXTURE_OUTCOMES = {
  13: "I met each of them on the 16th. One told me his bus timetable had changed in January and I had never asked; we moved his start to 22:15 with the same hours. The other apologised and has been on time every night since.",
  25: "Eleven of fourteen came. They proposed moving returns to the quiet hour after the second trunk and pairing new starters with experienced pickers. The site manager agreed to both and we started a pilot on 10 May.",
} as const;

const d = (iso: string) => new Date(iso);

export function fixtureEntries(): DraftEntry[] {
  return FIXTURE_ENTRIES.map(([number, kind, when, meetingNumber, text]) => ({ number, kind, text, createdAt: d(when), meetingNumber }));
}

export function fixtureActions(): DraftAction[] {
  const entry = (n: number) => {
    const e = fixtureEntries().find((x) => x.number === n);
    if (!e) throw new Error(`no entry ${n}`);
    return e;
  };
  const base = (n: number) => ({ number: n, text: entry(n).text, createdAt: entry(n).createdAt, meetingNumber: entry(n).meetingNumber });
  return [
    {
      ...base(13),
      due: day("2027-02-22"),
      status: "done",
      outcome: FIXTURE_OUTCOMES[13],
      effectiveness: "very",
      outcomeAt: d("2027-02-19T21:00:00Z"),
    },
    {
      ...base(14),
      due: day("2027-03-01"),
      status: "partly",
      outcome: entry(19).text,
      effectiveness: "somewhat",
      outcomeAt: entry(19).createdAt,
    },
    { ...base(18), due: day("2027-03-15"), status: "open", outcome: null, effectiveness: null, outcomeAt: null },
    {
      ...base(25),
      due: day("2027-05-03"),
      status: "done",
      outcome: FIXTURE_OUTCOMES[25],
      effectiveness: "very",
      outcomeAt: d("2027-04-30T20:00:00Z"),
    },
    { ...base(26), due: null, status: "open", outcome: null, effectiveness: null, outcomeAt: null },
  ];
}

/** The whole programme; `over` replaces fields. Entries are given shuffled (the draft must not rely on order). */
export function fixtureInput(over: Partial<DraftInput> = {}): DraftInput {
  const entries = fixtureEntries();
  const shuffled = [...entries.filter((_, i) => i % 2 === 1).reverse(), ...entries.filter((_, i) => i % 2 === 0)];
  return {
    learner: "Priya Shah",
    setName: "Riverside team leaders",
    advisors: ["Helen Okafor"],
    programmeStart: day("2027-01-11"),
    programmeEnd: day("2027-08-10"),
    attended: Array.from({ length: 9 }, (_, i) => ({
      number: i + 1,
      startsAt: d(`2027-0${Math.floor(i / 2) + 1}-${i % 2 ? "20" : "06"}T10:00:00Z`),
      durationMinutes: 150,
    })),
    entries: shuffled,
    actions: fixtureActions(),
    now: d("2027-08-05T09:00:00Z"),
    timeZone: "Europe/London",
    ...over,
  };
}

/** Where each entry's text must appear: the H2 heading of the section (a prefix of it). */
export const EXPECTED_SECTION: Record<number, string> = {
  1: "Strengths and limitations (1.1)",
  2: "Strengths and limitations (1.1)",
  3: "Strengths and limitations (1.1)",
  4: "Strengths and limitations (1.1)",
  5: "Goals, actions and timescales (1.2)",
  6: "Goals, actions and timescales (1.2)",
  29: "Goals, actions and timescales (1.2)",
  7: "Action learning and my development (2.1)",
  9: "Action learning and my development (2.1)",
  8: "Other notes",
  10: "Problem 1:",
  11: "Problem 1:",
  12: "Problem 1:",
  13: "Problem 1:",
  14: "Problem 1:",
  15: "Problem 1:",
  19: "Problem 1:", // action #14's outcome, recorded after problem 2 began
  16: "Problem 2:",
  17: "Problem 2:",
  18: "Problem 2:",
  20: "Problem 2:",
  21: "Problem 2:",
  22: "Problem 3:",
  23: "Problem 3:",
  24: "Problem 3:",
  25: "Problem 3:",
  26: "Problem 3:",
  27: "Problem 3:",
  28: "Problem 3:",
  30: "Problem 3:",
  31: "Review of goals and improvement (2.3)",
  32: "Review of goals and improvement (2.3)",
};
