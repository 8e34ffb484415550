/**
 * What the demo's advisor, Sam, records about their own facilitation across the programme (ILM M5.37): the goals
 * agreed with the college and the members' line managers, the design, a plan for each session, a facilitation note
 * after each meeting, the feedback received and what Sam makes of it, reviews of their own practice and a plan to
 * improve. scripts/demo.ts runs these at the moments they belong to; each is a command line.
 */

const q = (text: string) => `"${text}"`;
const goal = (text: string, who: string) => `/facilitation goal text:${q(text)} with:${q(who)}`;
const design = (text: string) => `/facilitation design text:${q(text)}`;
const session = (meeting: number, text: string) => `/facilitation session meeting:${meeting} text:${q(text)}`;
const note = (text: string) => `/records note:${q(text)}`;
const feedback = (who: string, text: string) => `/facilitation feedback with:${q(who)} text:${q(text)}`;
const reflect = (text: string, meeting?: number) => `/facilitation reflect${meeting ? ` meeting:${meeting}` : ""} text:${q(text)}`;
const improve = (text: string, due: string) => `/facilitation improve text:${q(text)} due:${due}`;

/** Before the first meeting: the goals agreed, the design, and the first session's plan. */
export const before: string[] = [
  goal(
    "Each member works on real problems from their own workplace and completes the ILM M3.37 learning log by the end of July 2027: an action plan written by the end of January, at least two problems brought to the set, and a draft log their assessor can mark in August.",
    "Joanne Reed, head of leadership programmes at Northgate College, the client",
  ),
  goal(
    "Members act between meetings on every problem they bring and report back at the next meeting, so that their line managers see changes at work and not only attendance. The measure we agreed: at least three quarters of the actions agreed in the set have an outcome recorded by the end of the programme.",
    "the five members' line managers, in three-way calls with each member in the week of 4 January",
  ),
  goal(
    "The set learns to work by questions rather than advice, so that by the last two meetings members run the questioning and the process review themselves and I intervene only when the process needs it.",
    "Joanne Reed, and the set itself at the first meeting",
  ),
  design(
    "Seven monthly meetings of two hours, on the second Tuesday of each month from 12 January to 13 July 2027: fourteen hours of set time, above the twelve the unit asks for. The programme runs from 11 January to 31 July so that members have the six months of practice M3.37 requires. Each meeting has two presenters with 45 minutes each; the rest is a check-in, report-backs on last month's actions and a short review of the process. The rotation is fair: everyone presents before anyone presents again, and presenters are announced a week ahead so that they can prepare.",
  ),
  design(
    "How the design meets the goals. The 45-minute slot gives the set time to question before any action is agreed (goal 3). Every action is logged with a due date and its owner is reminded before the next meeting, which is what makes report-backs reliable (goal 2). Presenting two or three times each, and logging problems, questions, actions and reflections as they go, gives members the material for their M3.37 logs (goal 1). A set learning review every third meeting lets the set judge its own process.",
  ),
  design(
    "Ground rules and adaptations. The set will agree confidentiality, no advice unless the presenter asks for it, and that presenters own their actions. Ben joins by video from New York, where a 10:00 meeting starts at five in the morning; rather than move the set, I agreed with him that his turns come first and that he gets the actions agreed in writing the same day. Cleo is on secondment until 20 March, so the rotation leaves her out until April, and I will hold a catch-up call with her before meeting 4.",
  ),
  session(
    1,
    "Opening session. Materials: a one-page guide to action learning (Revans's L = P + Q, the roles of presenter and set member), a card of open question stems, and the ground rules on a flipchart. Plan: 20 minutes for introductions and ground rules; I demonstrate the process with a short problem of my own; Ana and Ben then present for 35 minutes each; 15 minutes to review how the questioning went. I will hold back my own questions and model only open ones.",
  ),
];

/** On the day of meeting N, after it is closed: Sam's facilitation note for the records. */
export const onTheDay: Record<number, string[]> = {
  1: [
    note(
      "Meeting 1: four of five present (Cleo on secondment). The set agreed the ground rules. Ana's and Ben's problems were clear; in Ben's turn the set gave advice twice and I paused it once. Six actions agreed, each with a due date. Ben's video sound failed for ten minutes; we repeated the questions he missed.",
    ),
  ],
  2: [
    note(
      "Meeting 2: Cleo still away. Report-backs took 20 minutes rather than 10; both January presenters had done their actions. Dev and Eve presented; Eve agreed one action and left early for a tenants' meeting. I will check in with her before March.",
    ),
  ],
  3: [
    note(
      "Meeting 3: first set learning review held in the last 20 minutes. Members said the questioning is more useful than in January and that report-backs were squeezing the second presenter: we agreed ten minutes each. Nobody said anything about my part in the room; the written answers may. Ana found it hard to bring her problem about a late colleague; the set handled it with care.",
    ),
  ],
  4: [
    note(
      "Meeting 4: all five present for the first time; Cleo presented her stock-count problem in her first meeting back. Joanne Reed observed for the college. Dev's own questions about giving feedback were sharper than in February. I stepped in once, to stop a solution being offered to Cleo.",
    ),
  ],
  5: [
    note(
      "Meeting 5: Eve presented but has not logged a problem since February; she said she would rather talk than write. Cleo brought the problem of fitting back in with her deputies. Dev ran the process review, the first time a member has done so, with the prompt card.",
    ),
  ],
  6: [
    note(
      "Meeting 6: second set learning review. Ana and Ben chaired the questioning in each other's turns, and did it well; Ben's problem about night incidents produced the clearest action of the programme. Eve told the set she will miss July for annual leave.",
    ),
  ],
  7: [
    note(
      "Meeting 7: the last meeting, Eve on leave. The set chose to share actions in writing the same day and to keep the process review at ten minutes. Dev and Cleo presented, then a 40-minute closing round on what has changed for each member. The set agreed to meet once more, informally, in September. College evaluation forms collected from four members.",
    ),
  ],
};

/** A fortnight after meeting N: feedback, reflections and improvements, and the plan for meeting N + 1. */
export const fortnightAfter: Record<number, string[]> = {
  1: [
    reflect(
      "Looking back at meeting 1, I talked too much at the start: 25 minutes rather than 20, and my demonstration with a problem of my own ran longer than it needed to. When Ben's turn turned into advice I paused the set, which worked, but my tone was sharp and the set was quiet for a while afterwards. Next time I will name what is happening (that sounds like a suggestion: can we turn it into a question?) rather than stop the process.",
      1,
    ),
    session(
      2,
      "Dev and Eve present. Report-backs first: Ana and Ben, five minutes each, on the actions they agreed in January. Material: a handout on the difference between clarifying, probing and leading questions, with three examples from meeting 1 made anonymous. Process review focus: did we give advice dressed as questions? I will name it once if it happens, in the words I planned, rather than stop the set.",
    ),
  ],
  2: [
    session(
      3,
      "First set learning review, at the end of this third meeting. Ana and Ben present again, so I will ask each to start with what they did and what changed since January. Material: two questions on a flipchart, what does the set do well and what should change, discussed for 20 minutes so that presenters do not lose time. Closing the meeting sends each member the same two questions by DM; they answer in writing in the following week, about the set or about me, and anonymously if they prefer, so that what nobody wants to say in the room can still be said.",
    ),
  ],
  3: [
    feedback(
      "the set, answering the learning review of meeting 3",
      "Five answers came in the week after meeting 3 (/feedback list): two about the set, three about me, three of them named (Ana, Ben, Dev) and two anonymous, so I cannot tell whether every member answered. Ana and Ben wrote that the questioning is more useful than in January; Ana wants the ten-minute report-backs kept to time, and Ben asked that the set check with him when his video drops out before it moves on. About me, Dev wrote by name, and one member anonymously, that I step in within seconds when the set goes quiet after a hard question; another anonymous answer said my summaries at the end of a turn sound like advice, because they pick out what I think matters. I accept the first point: I am uncomfortable with silence and fill it, and nobody had said so in the room, which tells me something about the room. The second surprised me, but on reflection my summaries do select, and that steers the presenter: from meeting 4 the presenter sums up. Ben's request is mine to act on too: it was my adaptation for him that failed.",
    ),
    reflect(
      "Reading the set's written answers next to my own notes, I see a pattern: when the set goes quiet after a hard question, I wait about three seconds and then rescue the presenter with a summary. Ana's turn about her late colleague was the clearest case: the silence was doing the work and I ended it. Schön's reflection-in-action describes what I am trying to develop: noticing in the moment that I am about to intervene, and asking whether the set needs it or I do.",
      3,
    ),
    improve(
      "Wait at least ten seconds after a hard question before I say anything, and note in my records each time I break a silence, so that I can count them at meetings 4 and 5.",
      "2027-05-11",
    ),
    session(
      4,
      "Cleo's first meeting back, and she presents. Plan: a ten-minute recap for Cleo during the check-in, given by the members rather than by me. Dev presents his problem about feedback to his team leaders; the set will be tempted to advise, so I will put the question-stem card back on the table. Two changes from the March answers: each presenter sums up their own turn, not me, and whoever is questioning checks with Ben before moving on when his video drops. Materials: the question-stem card, and my notes from the catch-up call with Cleo on 6 April.",
    ),
  ],
  4: [
    feedback(
      "Joanne Reed, who observed meeting 4 for the college",
      "Joanne said the set worked well as a group and that Cleo was brought back in smoothly. She noted that I spoke for about a fifth of the meeting, more than she expected by the fourth meeting, and that most of it was in the process review. She suggested handing the process review to a member in turn. I agree: I had kept the review as my part of the meeting, and that keeps the set dependent on me.",
    ),
    improve(
      "From meeting 5, hand the process review to a member in turn, with a short prompt card, and give my own view only after theirs.",
      "2027-06-08",
    ),
    session(
      5,
      "Eve and Cleo present. Eve has logged nothing since February, so before the meeting I will ask her what she would like to bring rather than chase the log. Dev runs the process review with the new prompt card (what helped the presenter, what got in the way, what will we do differently). Material for the last ten minutes: a reflection card (what did I learn about myself as a leader today?) to help members with their M3.37 logs.",
    ),
  ],
  5: [
    reflect(
      "Halfway through, my facilitation has changed more in its structure than in my behaviour. The set now runs its own process review, which is a real shift, but I still feel responsible for every meeting being productive. With Eve I chased the log rather than asking what would help her; her problem was real even though she did not write it down. I should treat the log as her business and the meeting as ours. My silence count at meetings 4 and 5 fell from seven to three.",
      5,
    ),
    session(
      6,
      "Second set learning review. Ana and Ben present for the third time. Plan: Ana chairs the questioning in Ben's turn and Ben in Ana's, while I observe and give feedback on the process at the end. Materials: the same two questions as in March, on the flipchart and then by DM after the meeting, so that the set and I can compare its answers with March's.",
    ),
  ],
  6: [
    feedback(
      "the set, answering the learning review of meeting 6",
      "Four answers came in the week after meeting 6, two about the set and two about me, one of them anonymous. Compared with March, nobody mentioned me filling silences, and Ana and Cleo both named the chairing exercise as the most useful part of the programme. Ben asked, by name, for more challenge from me on whether actions are realistic: his first actions were too big for a month and nobody, me included, asked whether he could do them. I had not heard this before. An anonymous answer said that since I handed over the process review the set has rarely heard what I see, and valued my few minutes on its process at the end of June's meeting. Both point the same way: in trying to say less, I have also stopped testing actions and stopped giving my view, and the set noticed. Cleo wants a shorter process review and Ana wants actions shared in writing the same day; both are the set's to decide, and I will put them to it in July.",
    ),
    session(
      7,
      "The last meeting. First, five minutes for the set to decide the two suggestions from the June review: a shorter process review (Cleo) and actions shared in writing the same day (Ana). Dev and Cleo present; then 40 minutes of closing review: each member says what has changed in their leadership and what they will keep doing, and we agree how the set ends. Materials: each member brings their own summary of actions and outcomes from their draft log, and the college's evaluation form.",
    ),
  ],
  7: [
    feedback(
      "Ben, in a one-to-one call after meeting 7",
      "Ben said that joining at five in the morning was worth it only because his turns came first, and that on the two occasions the order slipped he lost focus. The adaptation mattered more than I had realised. For an international member I should fix it in the design rather than manage it meeting by meeting.",
    ),
  ],
};

/** After the programme: a last review of Sam's practice and the plan to improve. */
export const closing: string[] = [
  reflect(
    "Against the goals agreed in January. Goal 1: four members have a draft log their assessor can mark, each with two or three problems brought to the set; Eve's is thin, and Cleo's covers three months, which Joanne Reed is agreeing with her. Goal 2: 17 of the 18 actions agreed in the set have an outcome recorded, well above the three quarters the line managers and I set; the one without is Eve's, and her outcome was real but never written down. Goal 3: from meeting 5 members ran the process review, and at meeting 6 they chaired the questioning in each other's turns; by then I intervened mainly at the start and the end. My written reviews of each member helped goal 1 most: each named the goal whose evidence was thinnest, and Ana, Ben and Dev each closed that gap by July. With Eve, two reviews and a call did not turn talk into a log; I should have offered the call in February, not May.",
  ),
  reflect(
    "Over seven meetings the set moved from waiting for me to start each stage to running the questioning and the review itself; by meeting 7 I spoke mainly at the start and the end. What helped most was stepping back in small, planned steps, first handing over the process review and then the chairing, rather than simply deciding to say less. What I still find hard is challenge: when I stopped filling silences I also stopped testing whether actions were realistic, and the set noticed. Good facilitation needs both support and challenge, and this year I worked on only one of them.",
  ),
  improve(
    "For my next set, starting in October, build challenge into each turn: before an action is agreed, ask the presenter what they will have done by the next meeting and what might stop them, and note in my records whether I asked it. Close each meeting with two minutes of what I observed of the set's process, after the members' own review.",
    "2027-10-31",
  ),
  improve(
    "Put the arrangement for an international member into the design and the ground rules at the start (which part of each meeting their turns take), rather than arranging it meeting by meeting.",
    "2027-09-30",
  ),
  improve(
    "Ask a colleague from the college's facilitator network to observe one meeting of my next set and give feedback on support and challenge, and compare it with Joanne Reed's observation in April.",
    "2027-12-31",
  ),
];
