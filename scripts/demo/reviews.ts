/**
 * The demo's reviews and feedback, in their writers' own words: Sam's reviews of each member's action plan and
 * progress (`/review`, ILM M5.37 2.4), the members' replies (`/review reply`, shown under the review in their draft
 * M3.37 log), and the members' answers to the set learning reviews opened by closing meetings 3 and 6 (`/feedback`:
 * about the set or about Sam, some anonymous). scripts/demo.ts runs them at the moments they belong to; what Sam makes
 * of the feedback is in scripts/demo/facilitation.ts.
 */

/** One of Sam's reviews of a member, with the member's reply a couple of days later (none: they did not reply). */
export type DemoReview = { member: string; text: string; reply?: string };

/** One member's answer to a set learning review. */
export type DemoFeedback = { member: string; about: "set" | "advisor"; anonymous?: true; text: string };

/** A fortnight after meeting N (0: after the members' closing goal reviews), Sam's reviews of members' progress. */
export const reviewsAfter: Record<number, DemoReview[]> = {
  2: [
    {
      member: "Dev",
      text: "Dev, a first review of your action plan. Goal 2 has started well: the exit calls turned your guess about pay into evidence, with four of six leavers saying nobody spoke to them on their first night except to say they were slow. The buddy scheme is only somewhat effective, as you say, because nobody owns it; decide who does before March. Goals 1 and 3 have no action yet, and goal 1 asks you to do something every shift: what will remind you to notice what goes well on a busy night?",
      reply:
        "I have asked one of my team leaders to own the buddy pairs on the shift board from March, and to tell me on Mondays if a pair has lapsed. Your question about goal 1 is the right one: I do not notice what goes well unless something makes me. I will bring that to the set when I next present.",
    },
    {
      member: "Eve",
      text: "Eve, a review of your action plan. Your strength and your limitation are honest and specific, and asking for help feeling like admitting you cannot cope is something the set can work with. Your goal, 'Delegate more', does not yet say what you will delegate, to whom, or how you will know by July: for example, which letters could your officers send without your checking them? Your action to map the routes a repair request takes is due on 5 March; record what you find with /action done.",
    },
  ],
  3: [
    {
      member: "Ana",
      text: "Ana, a review of your action plan halfway through. Your goal 2 is moving: you raised Kerry's lateness, opened with facts and a question as you planned, and recorded the result, a later start two days a week and on time every shift since. The handover sheet, under goal 1, caught three medication changes and has spread to two other wards. Goal 1 has two parts and only one is moving: you mention one-to-ones but have not recorded how many you have held, and the rota is still yours every Sunday evening. What would need to be true for you to hand it over before June?",
      reply:
        "You are right that the rota is the part I keep putting off. I have held eleven one-to-ones since February and will note each one from now on. I will bring the rota to the set in June, when I next present, and I will tell the set beforehand that I want to be challenged on it.",
    },
    {
      member: "Ben",
      text: "Ben, a review of your plan at the halfway point. Goal 2 is ahead of schedule: the overlap call in January and the draft rota you put to the whole team this month are two of the three consultations you planned, and the team's changes (fortnightly blocks, and second line able to hand a ticket back) show it was real consultation. Goal 1 has the thinnest evidence: you have not recorded how many tickets come to you each week, so in July you will have nothing to set against the thirty you started from. What is your plan if the second analyst still does not want second-line work after his course on 6 April?",
      reply:
        "Fair point about the numbers: I pulled the ticket report this morning and it was 27 escalations to me last week, so I now have a baseline and will take it every Friday. If the second analyst still says no after the course, I will ask him what would make it work for him rather than push. That question worked once already.",
    },
  ],
  4: [
    {
      member: "Cleo",
      text: "Cleo, welcome back. Reviewing your plan after your first meeting: both goals are clear and measurable, and your stock-count action is already done, with Lena's change to the checklist and a recount within 0.5%. Neither goal has an action yet; your planning hour starts in May by your own plan, so agree the first Monday with your deputies now. Your own period in the set will be three months rather than the six M3.37 asks for: talk to Joanne Reed at the college about what your log can include.",
      reply:
        "I have asked Lena and Marco for Mondays at nine from 17 May. I had not thought about the six months and will email Joanne this week. Shadowing the count showed me I had been defending my team without knowing the facts; I suspect the same is true of how I run the rest of the store.",
    },
  ],
  5: [
    {
      member: "Eve",
      text: "Eve, you told the set at meeting 5 that you would rather talk a problem through than write it down, and that is a fair way to work in the set. Your log, though, is what your assessor will read, and it has nothing since your action in February to map the repair routes. Rather than ask you to write more, I would like to ask what would help: would a twenty-minute call after June's meeting, where you talk through what you brought and I note the headings for you to write up, make it easier?",
      reply: "Thanks Sam. The map is done and the three systems are down to two. A call after June would help; I will write it up then.",
    },
  ],
  0: [
    {
      member: "Cleo",
      text: "Cleo, a last review of your plan. Both goals have evidence against your own measures: eleven planning hours with Lena and Marco from 17 May, against a target of ten, and three kinds of decision, staff breaks, stock orders under £500 and refunds under £50, that your deputies confirmed in July they make without asking you. Agreeing a later start for the promotion with the regional manager is the clearest sign that the limitation you named in January, not saying no to head office, is changing. Your own period in the set was three months: say in your log what Joanne agreed it can include.",
      reply:
        "Joanne has agreed that I can include the stock-count work I began before my secondment ended. The planning hour is what I will keep: my deputies now ask for it when head office rings on a Monday morning.",
    },
    {
      member: "Ana",
      text: "Ana, a last review of your action plan against what you recorded. Both goals have evidence against the measures you set in January: 27 of 30 monthly one-to-ones, the July rota done by Priya against your five written rules with one shift changed, and six performance conversations, each within a week, against none in the six months before. Your reflections show the thread of the year: each change came from asking your team before deciding for them. Your goal 2 review rests mainly on Kerry; one more example, described without names, would make it stronger.",
      reply:
        "Seeing the six months set out by someone else, I notice that every change began with a question I had put off asking. I will add the conversation about the missed wound-care checks in May as a second example for goal 2, without names.",
    },
    {
      member: "Ben",
      text: "Ben, a last review of your plan. Both goals are met with evidence: escalations to you fell from about thirty a week to twelve, against a target of fifteen, and ten of twelve analysts now say they feel consulted. The incident authority note changed most: night calls went from four or five a week to one. Your reflection that part of you liked being the one who is always called is the most honest sentence in your log; keep it. What is missing is what the second-line analysts say about the extra work they took on: ask them before your October review.",
      reply:
        "I will ask the four analysts on the second-line rota in August what it has cost them and what they have gained, before I extend the note. I nearly deleted that sentence about liking being called; being told to keep it made me see it is the centre of what changed.",
    },
    {
      member: "Dev",
      text: "Dev, a last review of your plan. All three goals now have evidence against the measures you set in January: praise on 46 of 52 shifts and 29 of 36 in the July survey noticing it; agency leavers down from eleven of twenty to five of eighteen, a little short of your quarter, which you say plainly; and the Monday briefing and the returns plan, both shaped by your team leaders. The returns pilot starts on 9 August, after the programme: keep a note of its first month, because it is your best evidence that goal 3 has changed how you lead.",
      reply:
        "I will keep a note of the pilot's first month, and of whether the loudest critic is still leading it. The thread you describe is the one I see: the pocket card felt like a crutch in April, and I am keeping it until September to find out whether the habit holds without it.",
    },
  ],
};

/** After closing meeting N opened a set learning review: the members' answers, in the days that follow. */
export const feedbackAfter: Record<number, DemoFeedback[]> = {
  3: [
    {
      member: "Ana",
      about: "set",
      text: "What works: the questions. In January I wanted answers; now Dev's question about who owns handover when I am not on shift is the one I ask on the ward. What should change: report-backs ran to twenty minutes in February and squeezed the second presenter. The ten minutes each we agreed on Tuesday should hold, and someone should keep time.",
    },
    {
      member: "Ben",
      about: "set",
      text: "The set is most useful when the questions slow me down: I came in January with a solution for the handover and left with a question to ask both desks. What should change: when my video drops out I lose the thread, and the set moves on without me. Could whoever is questioning check with me before changing subject?",
    },
    {
      member: "Ben",
      about: "advisor",
      anonymous: true,
      text: "Please leave the silences alone a little longer. The quiet after a hard question is when I work out what I actually think, and it is usually ended for me after a few seconds.",
    },
    {
      member: "Dev",
      about: "advisor",
      text: "Sam keeps us to questions, and the handout on leading questions helped me catch myself twice on Tuesday. But when the set goes quiet after a hard question he steps in within seconds. In Ana's turn I was about to ask something and his summary came first.",
    },
    {
      member: "Eve",
      about: "advisor",
      anonymous: true,
      text: "The summaries at the end of a turn sometimes sound like advice. They pick out the part Sam thinks matters, and the presenter then goes with that. I would rather the presenter summed up in their own words.",
    },
  ],
  6: [
    {
      member: "Ana",
      about: "set",
      text: "Chairing the questioning in Ben's turn was the most useful thing we have done: I had to listen for what each question was doing instead of thinking of my own. What should change: we should send each other our actions in writing the same day, as Ben already gets his, so that we can hold each other to them.",
    },
    {
      member: "Ben",
      about: "advisor",
      text: "Sam has got much better at leaving the quiet alone, and handing us the chairing worked. What I would like is more challenge on whether our actions are realistic. My first actions in January were too big for a month, and nobody, Sam included, asked whether I could really do them by the next meeting.",
    },
    {
      member: "Cleo",
      about: "set",
      text: "Joining in April I expected to feel behind, but the recap the others gave me and the question-stem card got me through my first turn. Chairing practice was the best part of June. What should change: the process review sometimes repeats the check-in; five sharp minutes would be better than fifteen.",
    },
    {
      member: "Dev",
      about: "advisor",
      anonymous: true,
      text: "Handing the process review to us works, and Sam now waits and lets us get on with it. But since May we have rarely heard what he sees. His few minutes on our process at the end of June's meeting were the most useful of the morning, and I would like that every time.",
    },
  ],
};
