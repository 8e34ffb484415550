/**
 * `npm run demo`: a five-member set over seven months, driven through the console script interface —
 * scheduling, rotation, entries in the members' own words, reminders firing as the clock moves — then
 * every member's draft M3.37 log in Markdown, .docx and CSV under out/.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { pino } from "pino";
import { ConsoleChat } from "../src/adapters/console/console-chat.ts";
import { handlers } from "../src/app/handlers/index.ts";
import { ManualClock } from "../src/clock.ts";
import { openDatabase } from "../src/store/open-database.ts";
import { type DemoEntry, type DemoMember, members } from "./demo/programme.ts";

const OUT = process.env.DEMO_OUT ?? "out";
const ZONE = "Europe/London";
const MEETINGS = 7;

/** The console script of the whole programme. */
function programmeScript(): string[] {
  const lines = ["# The set forms", "clock 2027-01-04T09:00Z", "as Sam", '/set create name:"Managing through change 2027"'];
  for (const m of members) lines.push(`/set add member:@${m.name}`);
  lines.push(
    "/set programme start:2027-01-11 end:2027-07-31",
    '/records note:"First meeting: agreed confidentiality and a 30-minute slot each."',
  );
  const counters = new Map<string, { entries: number; actions: number[] }>(members.map((m) => [m.name, { entries: 0, actions: [] }]));
  const record = (m: DemoMember, e: DemoEntry) => {
    const c = counters.get(m.name)!;
    if (e.kind === "outcome") return `/action done action:${c.actions[e.action - 1]} text:"${e.text}" effective:${e.effective}`;
    c.entries++;
    if (e.kind === "action") {
      c.actions.push(c.entries);
      return `/log action text:"${e.text}" due:${e.due}`;
    }
    return `/log ${e.kind} text:"${e.text}"`;
  };
  const entries = (pick: (m: DemoMember) => DemoEntry[] | undefined) =>
    members.flatMap((m) => {
      const list = pick(m) ?? [];
      return list.length ? [`as ${m.name}`, ...list.map((e) => record(m, e))] : [];
    });

  lines.push("# Each member sets up reminders and writes their action plan");
  for (const m of members) if (m.timeZone) lines.push(`as ${m.name}`, `/nudge settings tz:${m.timeZone} quiet:${m.quiet ?? "none"}`);
  lines.push(...entries((m) => m.plan));
  lines.push("as Ana", '/meeting schedule when:"2027-01-12 10:00" duration:2h every:"second tuesday" count:7', "/rotation show count:3");
  lines.push("as Cleo", '/away until:2027-03-20 note:"secondment to head office"');

  for (let n = 1; n <= MEETINGS; n++) {
    const start = DateTime.fromObject({ year: 2027, month: n, day: 1, hour: 10 }, { zone: ZONE });
    const secondTuesday = start.plus({ days: ((2 - start.weekday + 7) % 7) + 7 });
    lines.push(`# Meeting ${n}`, `clock ${secondTuesday.plus({ hours: 2 }).toUTC().toISO({ suppressMilliseconds: true })}`);
    lines.push(...entries((m) => m.at[n]));
    lines.push(`as ${members[(n - 1) % members.length]!.name}`, "/meeting close");
    lines.push(`# A fortnight after meeting ${n}`, "clock +14d", ...entries((m) => m.after[n]));
  }
  lines.push("# The drafts", "clock 2027-07-28T09:00Z");
  for (const m of members)
    lines.push(`as ${m.name}`, "/log share on", "/log draft format:md", "/log draft format:docx", "/log draft format:csv");
  lines.push("as Sam", "/progress", "/records");
  return lines;
}

async function main(): Promise<void> {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const db = await openDatabase(`file:${join(OUT, "demo.db")}`);
  const clock = new ManualClock(new Date("2027-01-04T09:00:00Z"));
  const chat = new ConsoleChat({ db, clock, logger: pino({ level: "warn" }), defaultTimeZone: ZONE }, handlers, OUT);
  const transcript: string[] = [];
  try {
    for (const line of programmeScript()) transcript.push(`> ${line}`, ...(await chat.handle(line)));
  } finally {
    await db.$disconnect();
  }
  writeFileSync(join(OUT, "demo-transcript.txt"), `${transcript.join("\n")}\n`);
  const files = transcript.filter((l) => l.trim().startsWith("[file ")).map((l) => l.trim().slice(6, -1));
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
