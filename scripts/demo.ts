/**
 * `npm run demo`: a five-member set over seven months, driven through the console script interface —
 * scheduling, rotation, entries in the members' own words, reminders firing as the clock moves — then
 * every member's draft M3.37 log in Markdown, .docx and CSV, and the advisor's draft M5.37 facilitation log in Markdown
 * and .docx, under out/ (DEMO_OUT). With DEMO_EXAMPLES=DIR the Markdown drafts are also kept as DIR/NAME.md (the
 * advisor's as DIR/m537-ADVISOR-SET.md): `DEMO_EXAMPLES=examples/drafts npm run demo` refreshes the examples.
 *
 * The advisor, Sam, records their own facilitation as the programme goes (scripts/demo/facilitation.ts): goals
 * agreed with the college and the line managers, the design, a plan before each session, a note after it, the
 * feedback received, reviews of their practice and a plan to improve. Sam also reviews each member's action plan and
 * progress between meetings (/review), and members reply; closing meetings 3 and 6 opens a set learning review, which
 * members answer with /feedback, about the set or about Sam, some anonymously (scripts/demo/reviews.ts). Cleo never
 * shares her log, so Sam's draft says she replied without showing what she wrote.
 *
 * A second set, in its own database (scripts/demo/coached.ts), shows the coaching: Fin types as people do on a phone
 * and answers what the bot asks; Gus writes three entries and ignores the rest (their drafts are fin.md and gus.md).
 *
 * The members act on what the bot tells them: the day before each meeting the channel post names its presenters,
 * and each presenter brings the next problem of their own (scripts/demo/programme.ts), linking its questions,
 * actions and reflections to it with problem:N and their actions to their goals with goal:N.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { pino } from "pino";
import { ConsoleChat } from "../src/adapters/console/console-chat.ts";
import { handlers } from "../src/app/handlers/index.ts";
import { ManualClock } from "../src/clock.ts";
import { openDatabase } from "../src/store/open-database.ts";
import { runCoachedSet } from "./demo/coached.ts";
import * as sam from "./demo/facilitation.ts";
import { type DemoEntry, type DemoMember, members, type Turn } from "./demo/programme.ts";
import { type DemoReview, feedbackAfter, reviewsAfter } from "./demo/reviews.ts";

const OUT = process.env.DEMO_OUT ?? "out";
const ZONE = "Europe/London";
const MEETINGS = 7;
/** When the drafts are compiled: after the programme's last day (31 Jul 2027). */
const DRAFT_DAY = "2027-08-02";

/** What one member has recorded so far: entry numbers of their actions, and how many problems. */
type Ledger = { entries: number; actions: number[]; problems: number; turns: number };

const quote = (text: string) => `"${text}"`;

/** The command a demo entry is recorded with; `turn` gives the problem and actions of the turn it belongs to. */
function command(e: DemoEntry, ledger: Ledger, turn: { problem: number; actions: number[] } | null): string {
  const problem = turn && e.kind !== "strength" && e.kind !== "limitation" && e.link !== false ? ` problem:${turn.problem}` : "";
  switch (e.kind) {
    case "outcome": {
      const number = turn ? turn.actions[e.action - 1] : ledger.actions[e.action - 1];
      return `/action done action:${number} text:${quote(e.text)} effective:${e.effective}${e.status ? ` status:${e.status}` : ""}`;
    }
    case "action": {
      ledger.entries++;
      ledger.actions.push(ledger.entries);
      turn?.actions.push(ledger.entries);
      const goal = e.goal ? ` goal:${e.goal}` : "";
      const support = e.support ? ` support:${quote(e.support)}` : "";
      return `/log action text:${quote(e.text)} due:${e.due}${goal}${support}${problem}`;
    }
    case "strength":
    case "limitation":
      ledger.entries++;
      return `/log ${e.kind} text:${quote(e.text)}${e.source ? ` source:${quote(e.source)}` : ""}`;
    case "review":
      ledger.entries++;
      return `/log review goal:${e.goal} text:${quote(e.text)}`;
    case "problem":
      ledger.entries++;
      ledger.problems++;
      return `/log problem text:${quote(e.text)}`;
    default:
      ledger.entries++;
      return `/log ${e.kind} text:${quote(e.text)}${e.kind === "question" || e.kind === "reflect" ? problem : ""}`;
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const db = await openDatabase(`file:${join(OUT, "demo.db")}`);
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const chat = new ConsoleChat({ db, clock, logger: pino({ level: "warn" }), defaultTimeZone: ZONE }, handlers, OUT);
  const transcript: string[] = [];
  const run = async (...lines: string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const line of lines) {
      const said = await chat.handle(line);
      transcript.push(`> ${line}`, ...said);
      out.push(...said);
    }
    return out;
  };
  const ledgers = new Map<string, Ledger>(members.map((m) => [m.name, { entries: 0, actions: [], problems: 0, turns: 0 }]));
  /** Each member's turn in progress: its problem's number (as the draft counts them) and its actions. */
  const current = new Map<string, { turn: Turn; problem: number; actions: number[] }>();
  const record = async (m: DemoMember, entries: DemoEntry[] | undefined, turn: { problem: number; actions: number[] } | null = null) => {
    if (!entries?.length) return;
    await run(`as ${m.name}`, ...entries.map((e) => command(e, ledgers.get(m.name)!, turn)));
  };
  /** Sam reviews members' progress; two days later, those who reply do (each to the latest review of them). */
  const review = async (reviews: DemoReview[] | undefined) => {
    if (!reviews?.length) return;
    await run("as Sam", ...reviews.map((r) => `/review member:@${r.member} text:${quote(r.text)}`));
    await run("# Two days later: members reply to Sam's reviews", "clock +2d");
    for (const r of reviews) if (r.reply) await run(`as ${r.member}`, `/review reply text:${quote(r.reply)}`);
  };

  try {
    await run("# The set forms", "as Sam", '/set create name:"Managing through change 2027"');
    for (const m of members) await run(`/set add member:@${m.name}`);
    await run("/set programme start:2027-01-11 end:2027-07-31", "/rotation slot minutes:45");
    await run("# Each member sets up reminders, gives their details and writes their action plan");
    for (const m of members) {
      await run(`as ${m.name}`);
      if (m.timeZone) await run(`/nudge settings tz:${m.timeZone} quiet:${m.quiet ?? "none"}`);
      if (m.details)
        await run(
          `/log details registration:${m.details.registration} centre:${m.details.centre} centre_name:${quote(m.details.centreName)}`,
        );
      await record(m, m.plan);
    }
    await run("as Ana", '/meeting schedule when:"2027-01-12 10:00" duration:2h every:"second tuesday" count:7', "/rotation show count:3");
    await run("# The advisor records the goals agreed with the client and stakeholders, the design and the first session's plan");
    await run("as Sam", ...sam.before);
    await run("as Cleo", '/away until:2027-03-20 note:"secondment to head office"');

    for (let n = 1; n <= MEETINGS; n++) {
      const first = DateTime.fromObject({ year: 2027, month: n, day: 1, hour: 10 }, { zone: ZONE });
      const secondTuesday = first.plus({ days: ((2 - first.weekday + 7) % 7) + 7 });
      // The channel post the day before names the presenters: each brings the next problem of their own.
      const before = await run(`# Meeting ${n}`, `clock ${secondTuesday.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true })}`);
      const post = before.find((l) => l.startsWith(`[#set] Meeting ${n} is tomorrow:`)) ?? "";
      const presenters = (/Presenters: (.+?)\. Will you come\?/.exec(post)?.[1] ?? "").split(/, | & /).filter(Boolean);
      for (const m of members) {
        const ledger = ledgers.get(m.name)!;
        if (presenters.includes(m.name)) {
          const turn = m.turns[ledger.turns++];
          if (turn) {
            await record(m, [{ kind: "problem", text: turn.problem }]);
            const now = { turn, problem: ledger.problems, actions: [] as number[] };
            current.set(m.name, now);
            await record(m, turn.at, now);
          }
        }
        await record(m, m.at[n]);
      }
      await run(`as ${members[(n - 1) % members.length]!.name}`, "/meeting close");
      await run("as Sam", ...(sam.onTheDay[n] ?? []));
      const answers = feedbackAfter[n];
      if (answers) {
        // Closing this meeting opened a set learning review: members answer the bot's DM in the days after.
        await run(`# Members answer the set learning review opened by meeting ${n}`, "clock +3d");
        for (const f of answers)
          await run(
            `as ${f.member}`,
            `/feedback text:${quote(f.text)}${f.about === "advisor" ? " about:advisor" : ""}${f.anonymous ? " anonymous:yes" : ""}`,
          );
      }
      await run(`# A fortnight after meeting ${n}`, answers ? "clock +11d" : "clock +14d");
      for (const m of members) {
        const now = current.get(m.name);
        if (now) {
          await record(m, now.turn.after, now);
          current.delete(m.name);
        }
        await record(m, m.after[n]);
        if (n === 6 && m.awayForJuly) await run(`as ${m.name}`, '/away until:2027-07-20 note:"annual leave"');
      }
      await run("as Sam", ...(answers ? ["/feedback list"] : []), ...(sam.fortnightAfter[n] ?? []));
      await review(reviewsAfter[n]);
    }
    await run("# Looking back: goal reviews and closing reflections");
    for (const m of members) await record(m, m.closing);
    await run("as Sam", "/review list", ...sam.closing);
    await review(reviewsAfter[0]);
    await run("# The drafts", `clock ${DRAFT_DAY}T09:00Z`);
    for (const m of members)
      await run(
        `as ${m.name}`,
        ...(m.keepsLogPrivate ? [] : ["/log share on"]),
        "/log draft format:md",
        "/log draft format:docx",
        "/log draft format:csv",
      );
    await run("as Sam", "/progress", "/records", "/facilitation draft format:md", "/facilitation draft format:docx");
  } finally {
    await db.$disconnect();
  }
  writeFileSync(join(OUT, "demo-transcript.txt"), `${transcript.join("\n")}\n`);
  // The evening set (scripts/demo/coached.ts): learners who type as people do in chat, one coached, one not.
  const coached = await runCoachedSet(OUT, ZONE);
  writeFileSync(join(OUT, "demo-coached-transcript.txt"), `${coached.transcript.join("\n")}\n`);
  const files = [...transcript.filter((l) => l.trim().startsWith("[file ")).map((l) => l.trim().slice(6, -1)), ...coached.files];
  // DEMO_EXAMPLES=examples/drafts: keep the Markdown drafts there as NAME.md (test/console/demo.test.ts compares them).
  const examples = process.env.DEMO_EXAMPLES;
  if (examples) {
    mkdirSync(examples, { recursive: true });
    for (const f of files) {
      const name = /m337-draft-([a-z0-9-]+)-\d{4}-\d{2}-\d{2}\.md$/.exec(f)?.[1];
      if (name) copyFileSync(f, join(examples, `${name}.md`));
      const advisor = /m537-draft-([a-z0-9-]+)-\d{4}-\d{2}-\d{2}\.md$/.exec(f)?.[1];
      if (advisor) copyFileSync(f, join(examples, `m537-${advisor}.md`));
    }
  }
  const reminders = transcript.filter((l) => l.startsWith("[DM ")).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Demo: ${members.length} members, ${MEETINGS} meetings, ${reminders} reminder DMs, ${transcript.filter((l) => l.startsWith("> /")).length} commands, in ${seconds} s.`,
  );
  console.log(`Transcript: ${join(OUT, "demo-transcript.txt")}`);
  console.log("Drafts:");
  for (const f of files) console.log(`  ${f}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
