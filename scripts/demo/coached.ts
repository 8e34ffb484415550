/**
 * The demo's second set (issue 21): learners who type the way people really do in chat, on a phone after work —
 * short, lower case, typos, gaps, a day late. Fin answers what the bot asks (the coaching DMs and the replies that
 * name a next step, the presenter, after-meeting and goal-review DMs), each kind of answer until she has nothing new
 * to say (she never repeats herself), but skips the halfway-between-meetings DMs and answers a day
 * after being asked; Gus writes three entries in January and ignores everything after. Hana and Ivo only come to
 * meetings. Their own database, so the main demo's set and drafts are unchanged.
 */
import { join } from "node:path";
import { pino } from "pino";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { openDatabase } from "../../src/store/open-database.ts";

const MEETING_DAYS = ["2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11", "2027-06-08", "2027-07-13"];

/** Fin's answers, a few variants each, used in turn: matched on the ask's words, first match wins. */
const FIN: [RegExp, string[]][] = [
  [
    /review goal|goal \d+'s review/i,
    [
      "goal 1 mostly done. i had 5 of the hard convos since march, 2 went badly but i didnt back off. my manager said in my mid year that complaints about the rota stoped. next i want to do them without rehearsing for a week first",
      "goal 2 partly. i hand the rota to jas now and only check it, took 3 goes. evidence is i left on time most fridays in june. still grab it back when its busy, need to stop that",
    ],
  ],
  [
    /closing reflection|looking back over/i,
    [
      "looking back i ask before i tell now. before the set i fixed everything myself and the team waited for me. now they come with an answer first. my manager noticed it at my review, i noticed it cos im less tired",
      "biggest change is i stopped rescuing. jas runs the rota, the leads sort the floor, i ask whats the plan. my 360 in july said listens more, never had that before",
    ],
  ],
  [
    /role in your own development|changing how you lead|changed how you lead|changed how you lead|something the set did/i,
    [
      "the set changed how i run my team huddle, i ask what they think first now instead of telling. it helped me as a leader to shut up and listen lol",
      "when hana asked me what i was scared would happen if i let go, i realised it was about looking useless not about the work. made me hand over the rota",
      "i used to think leading meant having the answer. the set showed me asking a good question does more, i now do it in 1 to 1s",
      "my development plan was just a form before. doing actions and reporting back each month made me actually change stuff not just talk",
    ],
  ],
  [
    /responsibilities|owe the set/i,
    [
      "as a member i have to turn up prepared, keep whats said confidential, ask questions not give advice (hard!) and actualy do the actions i commit to",
      "i owe the set honesty too, if i didnt do my action i say so and why, not make something up",
    ],
  ],
  [
    /what action learning is|action learning is|nothing yet on what/i,
    [
      "action learning is revans idea L=P+Q, you bring a real problem and the others question you till you see it different. benefit is you learn from peers not a lecture",
    ],
  ],
  [
    /set a goal|rewrite it/i,
    [
      "by end of june have a hard conversation within a week of a problem, at least 4 times, and tell my manager how it went",
      "by end of april hand the rota to jas and only check it, so i leave on time 3 fridays out of 4",
    ],
  ],
  [
    /strength/i,
    [
      "im calm when stuff goes wrong on shift, people come to me first. came out in my 360",
      "i know the job inside out so new starters trust me, my manager says im the one they send trainees to",
      "i stick to what i say, if i promise a shift swap it happens. team said that in my 360 too",
    ],
  ],
  [
    /limitation/i,
    [
      "i avoid hard conversations, let things drag for weeks. my manager said it in my appraisal and my reflective review said the same",
      "i take work back when someone struggles insted of coaching them, then im doing 3 jobs by friday. from my reflective review",
      "i get short with people when im tired, snapped at a new starter in december and she nearly left. my lead told me after",
    ],
  ],
  [
    /another action|goal \d+ has no action|what will you do first/i,
    [
      "practise the first hard convo with my manager before i do it for real, by end of feb",
      "hand the weekly rota to jas and only check it, starting march",
      "write down after each hard convo what went ok and what didnt, keep it in my notes app",
    ],
  ],
  [/feedback|set review/i, ["set is good when we stick to questions. we should start on time tho"]],
];

/**
 * Fin's problems, in the order she brings them, each with the question that helped, the actions she agreed for it and
 * what she learned: she answers about the problem the bot names, or the one she brought last.
 */
const PROBLEMS: { problem: string; question: string; actions: string[]; learned: string }[] = [
  {
    problem: "night team ignore the new handover sheet and i keep filling it in for them",
    question: "ivo asked what would happen if i just stopped doing it for them. that one stuck cos i realised im the reason it carries on",
    actions: [
      "talk to each shift lead 1 to 1 about handovers and write down what we agree",
      "ask jas to run the handover on thursdays and just watch",
    ],
    learned: "learnt that rescuing people keeps them stuck. stepping back felt risky but it worked",
  },
  {
    problem: "one of my leads is always late and i havent said anything for months",
    question: "someone asked what i was afraid he would say back. i had no answer, which told me a lot",
    actions: ["do the late talk with dan this week not next"],
    learned: "learnt the hard convo is never as bad as the weeks of dreading it",
  },
  {
    problem: "my team wont speak up in meetings, i end up deciding everything",
    question: "hana asked when i last asked them rather than told them. i couldnt remember",
    actions: ["try the 5 min huddle at start of shift for 2 weeks", "ask each lead what one thing they want to decide themselves"],
    learned: "learnt that if i talk first nobody else does. silence is ok",
  },
  {
    problem: "my manager keeps adding jobs mid shift and i say yes to all of them",
    question: "what would you say if it was your friend saying yes to everything. i would tell them to push back",
    actions: [
      "tell my manager i cant take extra jobs after 8pm unless something else drops",
      "write my own list of what only i can do, hand over 2 things off it",
    ],
    learned: "learnt i can say not now and the world doesnt end",
  },
  {
    problem: "new starter keeps crying after shifts and i dont know if its me",
    question: "ivo asked what support i had when i started. none, so why do i expect her to just cope",
    actions: ["meet the new starter weekly for 3 weeks"],
    learned: "learnt that checking in early saves a lot of fixing later",
  },
  {
    problem: "i cant switch off, i check the group chat at midnight",
    question: "hana asked what i would lose if i didnt know everything going on. nothing really",
    actions: ["mute the group chat after 10pm for a month", "stay off the floor for the first hour of shift twice a week"],
    learned: "learnt my phone is a habit not a need, the team coped fine without me",
  },
  {
    problem: "two of my leads dont get on and it spills onto the floor, i keep refereeing",
    question: "ivo asked whose problem it actually is. not mine, its theirs to sort",
    actions: ["get both leads in a room and ask them to agree how they split the floor, i dont decide it"],
    learned: "learnt that while i referee they never have to sort it themselves",
  },
];
/** How many of PROBLEMS Fin has brought, and which of each problem's answers she has given. */
let brought = 0;
const told = new Map<string, number>();

/** Fin's answer about a problem (problem `n`, else the one she brought last), once each; null when she has none. */
function aboutProblem(kind: "problem" | "question" | "action" | "learned", n: number | undefined): string | null {
  if (kind === "problem") return PROBLEMS[brought++]?.problem ?? null;
  const i = (n ?? brought) - 1;
  const p = PROBLEMS[i];
  const k = `${kind}:${i}`;
  const times = told.get(k) ?? 0;
  told.set(k, times + 1);
  if (!p) return null;
  if (kind === "action") return p.actions[times] ?? null;
  return times === 0 ? p[kind === "question" ? "question" : "learned"] : null;
}

/** What happened with each of Fin's actions, by the action's words: she reports on the action she is asked about. */
const OUTCOMES: Record<string, string> = {
  "talk to each shift lead 1 to 1 about handovers and write down what we agree":
    "did it, stopped filling the sheet in and told them why. 2 of 3 leads do it now",
  "try the 5 min huddle at start of shift for 2 weeks": "did the huddle 8 times, they talk more now but i still jump in",
  "ask jas to run the handover on thursdays and just watch": "jas ran thursday handover twice, better than me tbh",
  "tell my manager i cant take extra jobs after 8pm unless something else drops":
    "said no twice to my manager, she was fine about it actually",
  "ask each lead what one thing they want to decide themselves": "asked them, 2 wanted to own breaks and the rota, gave them breaks first",
  "do the late talk with dan this week not next": "had the talk on the tuesday, he was defensive but hes been on time since",
  "stay off the floor for the first hour of shift twice a week": "stayed off the floor 5 times, only got called once",
  "meet the new starter weekly for 3 weeks": "met her weekly for 3 weeks, shes settled and asked to train the next one",
  "mute the group chat after 10pm for a month": "muted the chat after 10, nothing went wrong",
  "get both leads in a room and ask them to agree how they split the floor, i dont decide it":
    "did it, was awkward for 10 mins then they sorted it. no refereeing since",
  "write my own list of what only i can do, hand over 2 things off it":
    "list was shorter than i thought. gave stock count and the breaks rota away",
  "practise the first hard convo with my manager before i do it for real, by end of feb":
    "practised with my manager on the monday, she played dan. felt daft but the real one went better",
  "hand the weekly rota to jas and only check it, starting march": "wrote the rota rules down, jas did june alone with 1 mistake",
  "write down after each hard convo what went ok and what didnt, keep it in my notes app":
    "did it after 4 of the 5 convos. reading them back i go better when i ask first",
};
/** The words of each action Fin recorded, by its number (from the bot's replies). */
const finActions = new Map<number, string>();
/** Fin's report on action #n, once: null when she has given it or does not know the action. */
function outcomeOf(n: number): string | null {
  const text = OUTCOMES[finActions.get(n) ?? ""];
  finActions.delete(n);
  return text ?? null;
}

const used = new Map<RegExp, number>();
/**
 * Fin's next answer for an ask: the variants in turn; null once they are used up (she has nothing new to say, and
 * says nothing rather than repeat herself).
 */
function finSays(ask: string): string | null {
  const found = FIN.find(([re]) => re.test(ask)) ?? FIN.at(-1)!;
  const i = used.get(found[0]) ?? 0;
  used.set(found[0], i + 1);
  return found[1][i]?.replaceAll('"', "'") ?? null;
}

/** The asks answered from PROBLEMS, by answer kind. */
const PROBLEM_ASKS: Record<string, "problem" | "question" | "action" | "learned"> = {
  "which problem": "problem",
  question: "question",
  agree: "action",
  learn: "learned",
};

/** `command` with Fin's answer as its text, or null when she has none. */
function withText(command: string, ask: string): string | null {
  const about = PROBLEM_ASKS[ask];
  const n = /problem:(\d+)/.exec(command)?.[1];
  const text = about ? (aboutProblem(about, n === undefined ? undefined : Number(n))?.replaceAll('"', "'") ?? null) : finSays(ask);
  return text === null ? null : `${command} text:"${text}"`;
}

/** Each DM or reply to a person ("[DM Fin] …", "[#set → Fin] …"), as one text with its indented lines. */
function messagesTo(transcript: string[], who: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const line of transcript) {
    if (line.startsWith(`[DM ${who}] `) || (line.startsWith("[#") && line.includes(` → ${who}] `))) {
      out.push(line.slice(line.indexOf("] ") + 2));
      open = true;
    } else if (open && line.startsWith("  ")) out[out.length - 1] += `\n${line.trim()}`;
    else open = false;
  }
  return out;
}

/** What a message asks: the step it names ("Start with:", "Most useful next:", "Next for your draft:"), else all of it. */
function askOf(message: string): string {
  return /(?:Start with|Most useful next|Next for your draft): (.*?)(?: Type:|\n|$)/.exec(message)?.[1] ?? message;
}

/** Which of Fin's answers a command with `text:"…"` asks for, by the command (the 2.1 entry: by what the message asks). */
function answerKind(command: string, message: string): string {
  const kinds: [RegExp, string][] = [
    [/^\/log question/, "question"],
    [/^\/log action .*goal:/, "another action"],
    [/^\/log action /, "agree"],
    [/^\/log reflect problem:/, "learn"],
    [/^\/log reflect/, "closing reflection"],
    [/^\/log review/, "review goal"],
    [/^\/log problem/, "which problem"],
    [/^\/log strength/, "strength"],
    [/^\/log limitation/, "limitation"],
    [/^\/log goal/, "set a goal"],
  ];
  return kinds.find(([re]) => re.test(command))?.[1] ?? askOf(message);
}

/** `command` (its `text:"…"` left out) with Fin's answer for it, or null when she has none. */
function answer(command: string, message: string): string | null {
  const done = /^\/action done action:(\d+)/.exec(command);
  if (done) {
    const outcome = outcomeOf(Number(done[1]));
    return outcome && `${command} text:"${outcome}"`;
  }
  return withText(command, answerKind(command, message));
}

/**
 * The command Fin answers a message with: the first of the asks she can answer, in the order she reads them; null
 * when there is none (she skips the halfway DMs, and says nothing once she has nothing new to say).
 */
function finAnswers(message: string): string | null {
  if (/^Halfway to/.test(message)) return null;
  const asks: (() => string | null)[] = [
    // The closing DM asks for the reflection on the whole programme first; its next step comes after.
    () => (/closing reflection/.test(message) ? withText("/log reflect", "closing reflection") : null),
    () => {
      const typed = /Type: (\/\S+[^\n]*)/.exec(message)?.[1];
      if (!typed) return null;
      const command = typed
        .replace(/source:"…"/, typed.startsWith("/log limitation") ? 'source:"my reflective review"' : 'source:"my 360"')
        .replace(/support:"…"/, 'support:"my manager, she did this with her own team and checks in with me on fridays"')
        .replace(/due:"…"/, 'due:"in 3 weeks"')
        .replace(/ ?effective:very\|somewhat\|not/, " effective:somewhat");
      if (/action:N\b|entry:N\b/.test(command)) return null;
      return command.includes('text:"…"') ? answer(command.replace(/ ?text:"…"/, ""), message) : command;
    },
    () => {
      const effective = /\[button effective-somewhat-(\d+)/.exec(message)?.[1];
      return effective ? `/action done action:${effective} effective:${Number(effective) % 2 ? "somewhat" : "very"}` : null;
    },
    () => {
      // Any command the message spells out with text:"…" (the question that helped, a review, what was learned).
      const spelled = /(\/(?:log [a-z-]+|action done)(?: [a-z_]+:[^\s"]+)*) text:"…"/.exec(message)?.[1];
      return spelled ? answer(spelled, message) : null;
    },
    () => (/What problem will you bring\?/.test(message) ? withText("/log problem", "which problem") : null),
    () => {
      const presented = /Record the problem with \/log problem meeting:(\d+)/.exec(message)?.[1];
      return presented ? withText(`/log problem meeting:${presented}`, "which problem") : null;
    },
    () => {
      if (!/Which actions did you agree/.test(message)) return null;
      const action = withText("/log action", "agree");
      return action && `${action} due:"in 2 weeks"`;
    },
    () => {
      const open = /action #(\d+)/i.exec(message)?.[1];
      if (!open || !/Record what happened|How did it go\?|Add what happened/.test(message)) return null;
      const outcome = outcomeOf(Number(open));
      return outcome && `/action done action:${open} text:"${outcome}"`;
    },
    () => (/time for a short set review/.test(message) ? withText("/feedback", "feedback") : null),
  ];
  for (const ask of asks) {
    const command = ask();
    if (command) return command;
  }
  return null;
}

/**
 * Runs the evening set from January to August 2027 and writes Fin's and Gus's drafts (Markdown) under `out`;
 * returns the transcript and the draft files' paths.
 */
export async function runCoachedSet(out: string, zone: string): Promise<{ transcript: string[]; files: string[] }> {
  const db = await openDatabase(`file:${join(out, "coached.db")}`);
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const chat = new ConsoleChat({ db, clock, logger: pino({ level: "warn" }), defaultTimeZone: zone }, handlers, out);
  const transcript: string[] = [];
  const run = async (...lines: string[]): Promise<string[]> => {
    const said: string[] = [];
    for (const line of lines) {
      const reply = await chat.handle(line);
      transcript.push(`> ${line}`, ...reply);
      said.push(...reply);
    }
    return said;
  };
  /** What Fin was asked and has not answered yet: she answers a day later, and each reply's next step at once. */
  let waiting: string[] = [];
  const answerAll = async () => {
    let pending = waiting;
    waiting = [];
    for (let guard = 0; pending.length && guard < 60; guard++) {
      const command = finAnswers(pending.shift()!);
      if (!command) continue;
      const replies = messagesTo(await run("as Fin", command), "Fin");
      const recorded = /^\/log action .*text:"([^"]*)"/.exec(command);
      const number = recorded && replies.map((r) => /recorded as action #(\d+)/.exec(r)?.[1]).find(Boolean);
      if (recorded && number) finActions.set(Number(number), recorded[1]!);
      pending = [...replies, ...pending];
    }
  };
  const step = async (...lines: string[]) => {
    waiting.push(...messagesTo(await run(...lines), "Fin"));
  };
  try {
    await step(
      "# The evening set: Fin follows the coaching, Gus does not",
      "as Rae",
      '/set create name:"Evening cohort 2027"',
      "/set add member:@Fin",
      "/set add member:@Gus",
      "/set add member:@Hana",
      "/set add member:@Ivo",
      "/set programme start:2027-01-11 end:2027-07-31",
      "as Hana",
      '/meeting schedule when:"2027-01-12 18:30" duration:2h every:"second tuesday" count:7',
      "as Gus",
      '/log strength text:"good with customers"',
      '/log problem text:"staff dont listen to me"',
      '/log action text:"have a team meeting" due:"end of january"',
    );
    let day = new Date("2027-01-05T20:00:00Z");
    while (day < new Date("2027-08-02T00:00:00Z")) {
      const iso = day.toISOString().slice(0, 10);
      await answerAll();
      if (MEETING_DAYS.includes(iso)) await step(`clock ${iso}T20:35Z`, "as Hana", "/meeting close");
      await step(`clock ${iso}T21:30Z`);
      day = new Date(day.getTime() + 86_400_000);
    }
    await answerAll();
    await run("clock 2027-08-02T09:00Z");
    const files: string[] = [];
    for (const who of ["Fin", "Gus"]) {
      const said = await run(`as ${who}`, "/log draft format:md");
      files.push(...said.filter((l) => l.trim().startsWith("[file ")).map((l) => l.trim().slice(6, -1)));
    }
    return { transcript, files };
  } finally {
    await db.$disconnect();
  }
}
