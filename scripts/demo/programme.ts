/**
 * The demo set: five managers from different organisations, seven monthly meetings (January to July 2027), in their
 * own words. Each member writes an action plan before the first meeting (`plan`), brings the next of their `turns`
 * each time the bot names them as a presenter (the problem, the questions that helped and the actions agreed at the
 * meeting; outcomes and what they learned a fortnight later), adds entries between meetings (`at`, `after`, by
 * meeting number) and reviews their goals at the end (`closing`).
 *
 * Ana, Ben and Dev use everything as a learner aiming to pass would; Cleo does too, but was seconded away for the
 * first three meetings, so her own period is short, and she keeps her log to herself; Eve records little, to show the
 * draft's prompts. Their replies to Sam's reviews and their set learning review answers are in scripts/demo/reviews.ts.
 */

/** One entry; in a turn, questions, reflections and actions name the turn's problem unless `link: false`. */
export type DemoEntry = { link?: false } & (
  | { kind: "strength" | "limitation"; text: string; source?: string }
  | { kind: "goal" | "action-learning" | "problem" | "question" | "reflect"; text: string }
  | { kind: "action"; text: string; due: string; goal?: number; support?: string }
  /** `action`: in a turn, which of the turn's actions (from 1); elsewhere, which of the member's actions. */
  | { kind: "outcome"; action: number; text: string; effective: "very" | "somewhat" | "not"; status?: "partly" | "dropped" }
  | { kind: "review"; goal: number; text: string }
);

/** A problem brought to the set at a presenter turn: logged at the meeting (`at`) and a fortnight later (`after`). */
export type Turn = { problem: string; at: DemoEntry[]; after: DemoEntry[] };

export type DemoMember = {
  name: string;
  timeZone?: string;
  quiet?: string;
  details?: { registration: string; centre: string; centreName: string };
  plan: DemoEntry[];
  turns: Turn[];
  at: Record<number, DemoEntry[]>;
  after: Record<number, DemoEntry[]>;
  closing: DemoEntry[];
  /** Away from the fortnight after meeting 6 until 20 July: misses meeting 7. */
  awayForJuly?: boolean;
  /** Never shares their log with the advisor: the advisor's draft says a reply was given, without its text. */
  keepsLogPrivate?: true;
};

const CENTRE = { centre: "004512", centreName: "Northgate College" };

const ana: DemoMember = {
  name: "Ana",
  details: { registration: "A3370451", ...CENTRE },
  plan: [
    {
      kind: "strength",
      text: "I stay calm on a busy ward, and staff say they feel safe raising problems with me, even on nights when we are two nurses short. Seven of the nine people who answered my 360 feedback named this first.",
      source: "360 feedback from my team, December 2026",
    },
    {
      kind: "strength",
      text: "I know the clinical side thoroughly, so when a patient deteriorates my team trusts my judgement and follows a plan quickly. My matron asks me to lead the ward's incident reviews for that reason.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I take work back when someone struggles instead of coaching them through it. By Friday I am doing three jobs, and my band 6 nurses never get the practice they need to run the ward without me.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I avoid difficult conversations about performance until they become formal. Two people wrote that problems on our ward are left too long, and they are right.",
      source: "360 feedback from my team, December 2026",
    },
    {
      kind: "goal",
      text: "By the end of June, hold a monthly one-to-one with each of my five band 6 nurses and hand the weekly rota to one of them, checking it once rather than rewriting it.",
    },
    {
      kind: "goal",
      text: "From February to July, raise every performance concern with the person within one week of noticing it, using facts and a question, and keep a note of each conversation so that I can count them at the end.",
    },
    {
      kind: "action-learning",
      text: "Action learning, as Revans described it, is L = P + Q: we learn from programmed knowledge, such as the course material and what our advisor offers when asked, and above all from questioning. Each of us brings a real problem from work; the others ask open questions instead of giving advice, and the presenter decides what to do, does it before the next meeting and reports back. The benefit for me is that the answer is mine, so I carry it out.",
    },
  ],
  turns: [
    {
      problem:
        "Night shift handovers keep missing medication changes. Twice this month a dose was given at the old time because the change was only mentioned verbally at the 7am handover, and nobody wrote it down.",
      at: [
        {
          kind: "question",
          text: "Dev asked who owns the handover when I am not on shift. I realised that nobody does: it just happens, and so it fails quietly.",
        },
        { kind: "question", text: "Ben asked what the night staff would change if it were up to them. I had never asked them." },
        {
          kind: "action",
          text: "Ask the night staff what they need from handover, then trial a one-page written handover sheet on both bays for two weeks, owned by the nurse in charge of each shift.",
          due: "2027-01-29",
          goal: 1,
          support: "Joy, the night sister, who agreed to run the trial with me, and the ward pharmacist for the sheet's layout",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "I met four of the night staff before their shift. They asked for a box for changes to medicines and for the nurse in charge to sign the sheet. In the first fortnight the sheet caught three medication changes that would have been missed, and the night staff asked to keep it. The matron has asked for it on the two other surgical wards.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "The fix was simple once I stopped treating handover as something that just happens. Naming an owner mattered more than the form itself, and asking the night staff first meant they defended the sheet instead of resisting it. I had been designing solutions for my team instead of with them.",
        },
      ],
    },
    {
      problem:
        "One of my band 6 nurses, Kerry, is regularly twenty minutes late for the early shift, and the others have started to resent covering for her. I have said nothing for two months.",
      at: [
        {
          kind: "question",
          text: "Eve asked what I was afraid would happen if I raised it. The honest answer was that Kerry would cry and I would back down.",
        },
        {
          kind: "question",
          text: "Dev asked what Kerry might be dealing with that I do not know about. I did not know, which says something about my one-to-ones.",
        },
        {
          kind: "action",
          text: "Hold a private conversation with Kerry within a week: the dates and times, the effect on the team, then ask what is going on, and agree what happens next.",
          due: "2027-03-16",
          goal: 2,
          support: "The practice development nurse, who helped me plan how to open, and the trust's guidance on flexible working",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "I opened with the three dates and the effect on the early team, then asked what was happening. Kerry told me she is caring for her father before her shifts. We agreed a later start on two days a week through flexible working, and she has been on time every shift since. The team noticed without my saying anything.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "I had built the conversation up into a confrontation for two months. Facts first and then a question made it a conversation about support instead of blame, and it took fifteen minutes. Waiting had cost Kerry, the team and me far more than the conversation did.",
        },
      ],
    },
    {
      problem:
        "I said in January that I would hand the rota to one of my band 6 nurses, and I am still writing it myself every Sunday evening. Each time I start to hand it over I find a reason to keep it.",
      at: [
        {
          kind: "question",
          text: "Ben asked what good enough would look like if someone else did it. I had never defined it, so nobody could meet it and I could always find fault.",
        },
        { kind: "question", text: "Dev asked what I would do with the Sunday evenings I got back." },
        {
          kind: "action",
          text: "Write down the five rules the rota must meet, then hand the July rota to Priya with those rules and check it once against them, without rewriting it.",
          due: "2027-06-25",
          goal: 1,
          support: "Priya, who asked to learn the rota, and the e-rostering team for a login and an hour's training",
        },
        {
          kind: "action",
          text: "Report to the set at the July meeting how many shifts I changed on Priya's rota, and why.",
          due: "2027-07-13",
          goal: 1,
          support: "The set, who will ask me in July",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "The rules fitted on half a page. Priya did the July rota in half the time it takes me, and I changed one shift, which broke one of my own rules about weekends. I have my Sunday evenings back, and Priya has asked to do August as well.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Delegating failed before because I handed over the task but kept the standard in my head. Writing the rules down turned my judgement into something Priya could use. This is the coaching I avoided in January: it takes an hour up front and saves me every week after.",
        },
      ],
    },
  ],
  at: {},
  after: {
    3: [
      {
        kind: "action-learning",
        text: "My responsibilities as a member of the set are to come prepared, to keep what others bring confidential, to ask open questions rather than give my own answers, and to do what I committed to before the next meeting. I have found the third the hardest: when Ben presented his second-line problem I had a solution ready and had to hold it back and ask what he had already tried. Listening like that is a skill I need on the ward too.",
      },
    ],
    6: [
      {
        kind: "action-learning",
        text: "Action learning has changed how I lead more than any course. I now ask my band 6 nurses a question before I offer an answer, as the set does with me, and our one-to-ones have become conversations rather than instructions. Committing to an action in front of the set, and knowing I would report back, is the reason I finally had the conversations and handed over the rota.",
      },
    ],
  },
  closing: [
    {
      kind: "outcome",
      action: 4,
      text: "I told the set in July that I had changed one shift on Priya's rota and why. Saying it out loud to the set is what stopped me rewriting the rest.",
      effective: "very",
    },
    {
      kind: "review",
      goal: 1,
      text: "I mostly met this goal. I have held a monthly one-to-one with each of my five band 6 nurses since February, 27 of the 30 planned; the three I missed were during the norovirus outbreak in April. Priya now writes the rota against five written rules and I check it once. My performance improved in that I coach instead of taking work back, and I can see it in my Sunday evenings, which are free for the first time in two years. Next, I will hand the incident reviews to a second band 6 nurse by October.",
    },
    {
      kind: "review",
      goal: 2,
      text: "I met this goal. My notes show six performance conversations between February and July, each within a week of my noticing the problem, against none in the six months before. Opening with facts and a question, not a verdict, is what made them possible, and none has become formal. The 360 comment about problems being left too long should not appear next time; I will ask my team the same question in December to check.",
    },
    {
      kind: "reflect",
      text: "Looking back, the biggest change is that I lead by asking. The set made me commit in front of people and report back, so I followed through on things I had put off for years. The evidence is on the ward: the handover sheet is used on three wards, Kerry is on time, and Priya writes the rota.",
    },
  ],
};

const ben: DemoMember = {
  name: "Ben",
  timeZone: "America/New_York",
  quiet: "21:00-07:00",
  details: { registration: "B3370452", ...CENTRE },
  plan: [
    {
      kind: "strength",
      text: "I fix things fast and I know our systems well: the service desk's first-time fix rate went from 61% to 74% in the year since I took over.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "strength",
      text: "I stay even-tempered in a major incident. My director said the team takes its lead from how calm I sound on the bridge call, and that my incident notes are clear enough to run the review from afterwards.",
      source: "my director, at my mid-year review",
    },
    {
      kind: "limitation",
      text: "I manage by being the escalation point for everything, so my team never learns to handle the hard tickets, and I am on call in all but name, weekends included.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I decide for people instead of asking them. Three analysts wrote that they would like to be consulted before changes to the rota are announced.",
      source: "360 feedback from my analysts",
    },
    {
      kind: "goal",
      text: "By the end of July, cut the tickets escalated to me from about thirty a week to fifteen, by building a second-line rota among my four senior analysts.",
    },
    {
      kind: "goal",
      text: "Between February and July, ask the team for their views before at least three changes that affect them, and check in July whether the analysts say they feel consulted.",
    },
    {
      kind: "action-learning",
      text: "Action learning is learning by working on real problems with a small group of peers, who help mainly by asking questions. Revans wrote it as L = P + Q: programmed knowledge, from books, courses and experts, plus questioning insight. I expect the benefit for me to be the opposite of my habit at work: instead of being given or giving answers, I will have to think my problems through and test my own ideas.",
    },
  ],
  turns: [
    {
      problem:
        "The London office and my New York team blame each other for tickets that fall between the two time zones. Customers wait up to a day, and every week I end up settling an argument about whose ticket it was.",
      at: [
        {
          kind: "question",
          text: "Ana asked what a handover between the two desks looks like today. There isn't one: tickets are simply left in the queue at the end of each day.",
        },
        { kind: "question", text: "Dev asked who on each desk would want to own the handover if it were theirs to design." },
        {
          kind: "action",
          text: "Agree a fifteen-minute overlap call with the London lead at 8am New York time every working day for a month, with one named analyst on each side running it.",
          due: "2027-02-05",
          goal: 1,
          support: "Priti, the London desk lead, who agreed to try it, and my director, who approved the early start as overtime",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "The overlap call happened on 9 of the first 10 working days. Tickets waiting more than eight hours fell from 40 in the week before to 9 last week, and the arguments stopped because both sides could see the same list. My two named analysts now run it without me.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "I had treated the blame as a people problem and tried to referee it. It was a process gap, and once both teams owned the handover the blame disappeared. Giving the call to two analysts rather than running it myself was the first time I delegated something I could have done better myself.",
        },
      ],
    },
    {
      problem:
        "Two of my senior analysts refuse to take on second-line work because it is not in their job description. Without them the second-line rota cannot start, and every hard ticket still comes to me.",
      at: [
        { kind: "question", text: "Dev asked what they would get out of it. I had only thought about what I would get out of it." },
        { kind: "question", text: "Eve asked whether I had asked them why, or only told them what I needed. I had only told them." },
        {
          kind: "action",
          text: "Meet each of the two analysts separately, ask what would make second-line work worth it for them, and link it to the skills the promotion panel looks for in September.",
          due: "2027-03-19",
          goal: 1,
          support: "HR, for the promotion criteria, and the set's questions, which I wrote down to use in the meetings",
        },
        {
          kind: "action",
          text: "Before announcing the second-line rota, put a draft to the whole team and ask for changes in writing within a week.",
          due: "2027-03-19",
          goal: 2,
          support: "My deputy, Marcus, who will collect the comments so that people can be frank",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "One analyst agreed straight away once she saw that it counts for promotion. The other said he felt unprepared, not unwilling, so I have booked him on the vendor's escalation course on 6 April and he will join the rota after it.",
          effective: "somewhat",
        },
        {
          kind: "outcome",
          action: 2,
          text: "Seven of the twelve analysts sent comments. They moved the rota from weekly to fortnightly blocks and added a rule that second line can hand a ticket back with a reason. I accepted both; the rota starts on 29 March and nobody has objected.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "I assumed resistance was about workload. It was about feeling unprepared and unheard. Asking first would have saved me a month of frustration, and the team's changes made the rota better than my version. Consulting people is not slower once you count the time spent pushing a decision through.",
        },
      ],
    },
    {
      problem:
        "I still get pulled into incidents at night because nobody else feels authorised to make the call to roll back a change. The second-line rota works in the day, but at night everything still comes to me.",
      at: [
        {
          kind: "question",
          text: "Ana asked what would happen if I simply did not answer the phone. The honest answer is that the on-call analyst probably knows what to do but does not believe he is allowed to.",
        },
        { kind: "question", text: "Eve asked who decides what an analyst is allowed to decide." },
        {
          kind: "action",
          text: "Write a one-page incident authority note saying who may roll back, restart or escalate, agree it with my two senior analysts, and get my director to sign it.",
          due: "2027-06-25",
          goal: 1,
          support: "My director, who must sign it, and the two senior analysts who will use it at night",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "The note took two drafts; the analysts added the cases I had missed. My director signed it on 18 June. In the four nights since, I have not been called once; before, I was called four or five times a week.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Authority I never wrote down did not exist for anyone but me. The note gave the analysts permission I thought they already had. Part of me liked being the one who is always called; the set's question about not answering the phone made me see that.",
        },
      ],
    },
  ],
  at: {},
  after: {
    3: [
      {
        kind: "action-learning",
        text: "In the set my responsibilities are to prepare my problem before my turn, to listen properly when others present, to ask questions that help them think rather than steer them to my answer, to keep what is said in the room, and to report back honestly on what I did. Holding back my solutions when Ana presented was hard; I am the fixer at work, and in the set fixing is not my job.",
      },
    ],
    6: [
      {
        kind: "action-learning",
        text: "The set has become part of how I develop as a leader. The questions I was asked, especially what they would get out of it, are now the questions I ask before I change anything for my team. Having to report back to peers each month kept me from dropping actions when work got busy, which is what usually happens to my development plans.",
      },
    ],
  },
  closing: [
    {
      kind: "review",
      goal: 1,
      text: "I met this goal. Escalations to me fell from about thirty a week in January to twelve a week in July, from my ticket system's reports, better than the target of fifteen. At night, calls fell from four or five a week to one in the five weeks since the incident authority note was signed. My performance improved in that the second-line rota runs without me and my analysts make calls I used to make. Next, I will extend the note to the cases it misses and review the numbers in October.",
    },
    {
      kind: "review",
      goal: 2,
      text: "I met this goal. I asked the team first on three changes: the handover call, the second-line rota and the incident authority note, and each time their changes improved my draft. In a short survey in July, ten of twelve analysts said they feel consulted, against three who said so in my 360 feedback. I now write 'ask the team' as the first step of every change plan.",
    },
    {
      kind: "reflect",
      text: "The biggest change in my leadership is that I stopped being the answer to every question. Action learning did to me what I now try to do for my team: it asked instead of telling, and made me own the result.",
    },
  ],
};

const cleo: DemoMember = {
  name: "Cleo",
  keepsLogPrivate: true,
  details: { registration: "C3370453", ...CENTRE },
  plan: [
    {
      kind: "strength",
      text: "I build good relationships with customers, and my store's complaint rate is the lowest in the region for the second year running.",
      source: "the region's customer survey, 2026",
    },
    {
      kind: "strength",
      text: "I stay positive under pressure, and my deputies say I keep the team's spirits up through the Christmas peak.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I struggle to say no to head office requests, so my deputies get changing priorities every week and cannot plan.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I make most decisions myself, even small ones, so the store slows down when I am not there.",
      source: "my area manager's feedback",
    },
    {
      kind: "goal",
      text: "From May, when I am back from secondment, hold a weekly planning hour with my two deputies at least ten times by the end of July, so that priorities are set once a week instead of changing every day.",
    },
    {
      kind: "goal",
      text: "By the end of July, hand at least three routine decisions, such as stock orders, staff breaks and small refunds, to my deputies, and check with them in July that they make them without asking me.",
    },
    {
      kind: "action-learning",
      text: "Action learning is a way of developing as a leader by working on my own real problems in a small set that meets regularly. The others ask questions rather than give advice, and I choose an action, try it at work and report back; Revans called this L = P + Q, programmed knowledge plus questions. The benefit is that I learn from doing, with people who will notice if I do not do it.",
    },
  ],
  turns: [
    {
      problem:
        "Stock counts are wrong every month and head office blames the store team. Morale has dropped, and my deputies say they feel accused of theft.",
      at: [
        { kind: "question", text: "Ben asked which part of the count I had actually watched being done. None of it." },
        { kind: "question", text: "Dev asked what my deputies think goes wrong." },
        {
          kind: "action",
          text: "Shadow one full stock count from start to finish with my deputy Lena, and note every step where errors could come in.",
          due: "2027-04-30",
          goal: 2,
          support: "Lena, my deputy, who runs the counts, and the regional stock team for the count procedure",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "The handheld scanners were not synced before the count, so a day's sales were counted twice. Lena wrote one change to the checklist, and a recount on 24 April was within 0.5%. Head office is adding the step to every store's checklist.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "I had been defending my team to head office without knowing what happened. Watching the work, and letting Lena fix it, did more for morale than any defence.",
        },
      ],
    },
    {
      problem:
        "Back from secondment, I found my deputies had built their own way of running the store while I was away, and I am not sure where I fit. I keep undoing their decisions without meaning to.",
      at: [
        { kind: "question", text: "Ana asked what they did better without me. That was uncomfortable and useful." },
        { kind: "question", text: "Eve asked which decisions I actually need to make myself." },
        {
          kind: "action",
          text: "Ask each deputy what they want to keep from the last three months, agree it together, and write down which decisions are theirs.",
          due: "2027-05-21",
          goal: 2,
          support: "My two deputies, Lena and Marco, and my area manager, who agreed the list",
        },
        {
          kind: "action",
          text: "Start a weekly planning hour with both deputies on Monday mornings and keep it for the rest of the programme.",
          due: "2027-05-17",
          goal: 1,
          support: "My area manager, who agreed that head office calls can wait until after ten on Mondays",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "They wanted to keep deciding staff breaks, stock orders under £500 and refunds under £50. We wrote the list down, and I have not overruled one of those decisions since.",
          effective: "very",
        },
        {
          kind: "outcome",
          action: 2,
          text: "We have held the planning hour on both Mondays since 17 May. Priorities were set once for each week, and my deputies planned the rota around them.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Being away showed me the store does not need me to make every decision. My job is to set the direction, protect my deputies from head office's daily requests and clear obstacles, not to approve refunds.",
        },
      ],
    },
    {
      problem:
        "Head office wants a new promotion set up in two days, which would mean cancelling the planning hour and the staff training day. I need to say no, or at least not yet, without damaging my relationship with the regional team.",
      at: [
        { kind: "question", text: "Dev asked what would actually happen if the promotion started a week later." },
        { kind: "question", text: "Ben asked who at head office could agree to the later date." },
        {
          kind: "action",
          text: "Call the regional manager, explain what the two days would cost, and offer a start date a week later with the display done properly.",
          due: "2027-07-16",
          goal: 1,
          support: "My area manager, who agreed to back the later date",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "The regional manager agreed the later date in a ten-minute call and thanked me for the warning. The planning hour and the training day went ahead. It was the first time I have said no to head office.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Saying no was easier than I feared because I offered something in its place. Protecting my deputies' planning time is part of my job, not disloyalty to head office.",
        },
      ],
    },
  ],
  at: {},
  after: {
    5: [
      {
        kind: "action-learning",
        text: "As a member of the set I am responsible for coming prepared, keeping what others share in the room, asking questions that help the presenter think rather than telling them what I would do, and doing my actions before the next meeting. Missing the first three meetings on secondment taught me how much the set relies on each of us turning up.",
      },
    ],
  },
  closing: [
    {
      kind: "review",
      goal: 1,
      text: "I met this goal. We held the planning hour eleven times, every Monday from 17 May to 26 July, and priorities changed once a week instead of every day. My deputies say they can plan for the first time, and I said no to head office once, with my area manager's support. Next, I will invite the supervisors to one planning hour a month.",
    },
    {
      kind: "review",
      goal: 2,
      text: "I met this goal. My deputies now decide staff breaks, stock orders under £500 and refunds under £50, and they told me in July that they have not needed to ask me about any of them. The store runs the same whether I am in or not, which my area manager has noticed.",
    },
    {
      kind: "action-learning",
      text: "Action learning has given me a place to test my leadership on real problems with people outside my company. The questions I was asked, especially what my deputies did better without me, changed how I see my role: I lead by setting direction and clearing the way, not by deciding everything.",
    },
  ],
};

const dev: DemoMember = {
  name: "Dev",
  details: { registration: "D3370454", ...CENTRE },
  plan: [
    {
      kind: "strength",
      text: "I am organised and I plan well: my shift met its pick target in 47 of 52 weeks last year, the best record on the site.",
      source: "the site's performance data for 2026",
    },
    {
      kind: "strength",
      text: "I am fair and consistent. People know where they stand with me, and I apply the same rules to agency and permanent staff.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "limitation",
      text: "I do not give praise. I notice what is wrong and say so, and several people wrote that they only hear from me when something breaks.",
      source: "360 feedback from my team",
    },
    {
      kind: "limitation",
      text: "I fix problems myself instead of asking the people closest to them, so I often solve the wrong problem, as I did last year when I changed the break times without asking anyone and had to change them back.",
      source: "my Reflective Review for M3.10",
    },
    {
      kind: "goal",
      text: "From February, give specific praise to at least three people each shift, and ask my team in a July survey whether they notice a difference, aiming for most of them to say yes.",
    },
    {
      kind: "goal",
      text: "By the end of June, cut the agency staff who leave in their first two weeks from about half to a quarter, by finding out why they leave and acting on it.",
    },
    {
      kind: "goal",
      text: "By the end of July, involve my team leaders in deciding at least two changes to how the shift works before they are announced.",
    },
    {
      kind: "action-learning",
      text: "Action learning means learning from real work problems with a set of peers who question you rather than advise you. Revans put it as L = P + Q: programmed knowledge plus questioning. The benefit I expect is to slow down and understand a problem before I act, which the set forces because it asks questions before anyone is allowed to suggest anything.",
    },
  ],
  turns: [
    {
      problem:
        "Agency staff leave within two weeks and we spend every Monday training new people. Last month eleven of twenty new starters left in their first fortnight, and my pick rate drops every time.",
      at: [
        {
          kind: "question",
          text: "Eve asked what the agency staff say when they leave. I had never asked them; I assumed it was the pay.",
        },
        { kind: "question", text: "Ana asked who a new starter talks to on their first night if something goes wrong." },
        {
          kind: "action",
          text: "Phone the last eight agency leavers and ask why they went, using the same three questions each time.",
          due: "2027-02-19",
          goal: 2,
          support: "The agency's branch manager, who gave me the leavers' numbers and permission to call",
        },
        {
          kind: "action",
          text: "Pair each new agency worker with a named permanent buddy for their first five shifts, and track it on the shift board.",
          due: "2027-03-05",
          goal: 2,
          support: "My two team leaders, who chose the buddies, and the buddies themselves",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "Six of the eight answered. Four said nobody spoke to them on their first night except to tell them they were slow, and two said they never knew where to find a team leader. Only one mentioned pay.",
          effective: "very",
        },
        {
          kind: "outcome",
          action: 2,
          text: "The buddies worked for the first week, then two stopped because nobody was checking. I put the pairs on the shift board and they started again; it needs a team leader to own it.",
          effective: "somewhat",
        },
        {
          kind: "reflect",
          text: "I was sure it was the pay and I was wrong. The calls told me more in an hour than a year of guessing. People leave when nobody notices them, which is the same thing my own team wrote about me in my 360 feedback.",
        },
      ],
    },
    {
      problem:
        "My team leaders say I only talk to them when something has gone wrong, and one of them, Rosa, has asked to move to the day shift. I need to change how I give feedback before I lose a good team leader.",
      at: [
        { kind: "question", text: "Ben asked when I last told Rosa something she did well. I could not remember." },
        {
          kind: "question",
          text: "Eve asked what stops me from saying it when I notice it. The honest answer is that I think praise is for going beyond the job, not for doing it well.",
        },
        {
          kind: "action",
          text: "Keep a card in my pocket each shift, note three specific things people do well, and tell each person before the end of the shift.",
          due: "2027-05-07",
          goal: 1,
          support: "Sam, our advisor, who pointed me to the research on specific feedback when I asked",
        },
        {
          kind: "action",
          text: "Have a one-to-one with Rosa to ask what would make her stay on nights, and listen before answering.",
          due: "2027-04-23",
          goal: 3,
          support: "The site HR partner, about what flexibility I can offer",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "I have kept the card for two weeks and missed one shift. It felt forced for the first few days; by the second week people were telling me about things they had done, which has never happened before. Two agency buddies said it was the first time a manager had thanked them.",
          effective: "very",
        },
        {
          kind: "outcome",
          action: 2,
          text: "Rosa said she felt invisible on nights and that every conversation with me was a complaint. We agreed that she leads the Monday briefing and decides its agenda with the other team leader. She has withdrawn her request to move.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Praise is not a reward for going beyond the job; it is information about what to keep doing. I had been giving my team only half the information. The pocket card is a crutch, but it is building a habit I did not have.",
        },
      ],
    },
    {
      problem:
        "The site wants my shift to take on the returns work from August with no extra staff. The team is tired, and I know from the last change that if I simply announce it they will resist it.",
      at: [
        { kind: "question", text: "Cleo asked who on the team could shape the change rather than receive it." },
        { kind: "question", text: "Ana asked what I could honestly promise them, and what I could not." },
        {
          kind: "action",
          text: "Run a thirty-minute session with each team to map where returns could fit into the shift, and take their two best proposals to the site manager.",
          due: "2027-07-23",
          goal: 3,
          support: "The site manager, who agreed to hear the team's proposals before deciding",
        },
      ],
      after: [
        {
          kind: "outcome",
          action: 1,
          text: "Both teams came up with the same idea: returns in the quiet hour after the last trunk, with new starters paired with experienced pickers. The site manager accepted it and the pilot starts on 9 August. The loudest critic in the first session has asked to lead it.",
          effective: "very",
        },
        {
          kind: "reflect",
          text: "Involving the team changed the question from whether we do returns to how we do them. I used to think leading meant bringing the answer; this time my job was to ask the question and protect the time for them to answer it.",
        },
      ],
    },
  ],
  at: {},
  after: {
    4: [
      {
        kind: "action-learning",
        text: "My part in the set is to prepare a real problem when it is my turn, to come to every meeting, to keep confidential what others share, and to ask questions that open a problem up rather than questions that are really advice. I have learned that a good question is short and open: 'what would they say?' helped me more than any suggestion. I also owe the set an honest report on what I did, even when I did not do it.",
      },
    ],
  },
  closing: [
    {
      kind: "review",
      goal: 1,
      text: "I met this goal. My pocket cards show at least three pieces of specific praise on 46 of the 52 shifts since February. In the July survey, 29 of the 36 who answered said they now hear more from me about what goes well, and Rosa stayed on nights. The change in me is that I look for what is working as well as what is broken. I will keep the card until September and then see whether the habit holds without it.",
    },
    {
      kind: "review",
      goal: 2,
      text: "I mostly met this goal. Agency starters leaving in their first two weeks fell from eleven of twenty in January to five of eighteen in June, a little over a quarter against my target of a quarter. The exit calls and the buddy scheme did it, and both came from asking instead of assuming. Next, I will hand the buddy scheme to Rosa so that it does not depend on me.",
    },
    {
      kind: "review",
      goal: 3,
      text: "I met this goal: my team leaders shaped the Monday briefing and the returns plan before either was decided, and both have worked better than my own plans would have. I measure the improvement by the resistance that did not happen: no complaints to HR about the returns change, against four after the last change I announced.",
    },
    {
      kind: "action-learning",
      text: "Action learning has been the practical half of my development this year. The course gave me the models; the set made me use them on my own shift and show the results a month later. Being questioned by peers from a hospital, an IT desk, a shop and a council showed me that my problems are leadership problems, not warehouse problems.",
    },
    {
      kind: "reflect",
      text: "Over the programme I learned to ask before fixing. The exit calls, the pocket card and the returns sessions all came from questions the set asked me, and each worked better than the answer I would have imposed.",
    },
  ],
};

/** Records little: her draft shows the prompts, the turns with no problem logged, and a short period. */
const eve: DemoMember = {
  name: "Eve",
  awayForJuly: true,
  plan: [
    { kind: "strength", text: "I write clearly and my briefings to councillors are used as examples for new officers." },
    { kind: "limitation", text: "I take on too much myself because asking for help feels like admitting I cannot cope." },
    { kind: "goal", text: "Delegate more." },
  ],
  turns: [
    {
      problem: "Repairs requests from tenants are logged in three different systems and some are lost entirely.",
      at: [
        {
          kind: "action",
          text: "Map every route a repair request can take into the team, with the officers who handle them.",
          due: "2027-03-05",
        },
      ],
      after: [],
    },
  ],
  at: {
    6: [{ kind: "question", text: "Dev asked what would happen if I stopped checking every letter before it goes out." }],
  },
  after: {},
  closing: [],
};

export const members: DemoMember[] = [ana, ben, cleo, dev, eve];
