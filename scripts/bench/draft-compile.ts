/**
 * draft-compile: `/log draft` for one member at the top of the M3.37 range — a 12-month programme with 100 entries
 * (12 problems with their questions, 24 actions, outcomes, reflections, strengths, limitations, goals).
 * Times compileDraft + Markdown and compileDraft + .docx (median of RUNS runs each, after WARMUP unmeasured runs),
 * plus compileDraft alone and the evidence CSV, and prints the output sizes.
 */
import { performance } from "node:perf_hooks";
import { compileDraft, type DraftAction, type DraftEntry, type DraftInput, evidenceRows } from "../../src/domain/draft/compile.ts";
import type { EntryKind } from "../../src/domain/draft/entry-kind.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";
import { evidenceCsv } from "../../src/export/draft-csv.ts";
import { draftToDocx } from "../../src/export/draft-docx.ts";
import { draftToMarkdown } from "../../src/export/draft-markdown.ts";
import { type Benchmark, type Figure, figure, fmt, type Reporter, show } from "./types.ts";

const RUNS = 20;
const WARMUP = 3;
const DAY = 86_400_000;
const START = Date.UTC(2027, 0, 4);

const WORDS = (
  "team shift rota handover feedback question supervisor meeting trust delegate coach plan review workload morale " +
  "conversation deadline customer priority decision listen explain agree support change workshop pilot target " +
  "quality safety training newcomer experienced colleague manager budget overtime absence schedule process"
).split(" ");

/** A deterministic PRNG (mulberry32), so every run compiles the same member. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A member's 12-month programme with exactly 100 entries. */
export function twelveMonthMember(): DraftInput {
  const rand = rng(337);
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min + 1));
    const w = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    return `${w.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const entries: DraftEntry[] = [];
  const actions: DraftAction[] = [];
  let number = 0;
  const add = (kind: EntryKind, day: number, meeting: number | null, text: string) => {
    const e: DraftEntry = {
      number: ++number,
      kind,
      text,
      createdAt: new Date(START + day * DAY + number * 60_000),
      meetingNumber: meeting,
    };
    entries.push(e);
    return e;
  };
  for (let i = 0; i < 4; i++) add("strength", 7, 1, sentence(12, 20));
  for (let i = 0; i < 4; i++) add("limitation", 7, 1, sentence(12, 20));
  for (let i = 0; i < 4; i++) add("goal", 8, 1, sentence(12, 20));
  for (let i = 0; i < 3; i++) add("reflect", 9, 1, sentence(30, 45));
  // 12 problems, one every four weeks from meeting 2: problem, 2 questions, 2 actions, an outcome entry, a reflection.
  for (let p = 0; p < 12; p++) {
    const meeting = p + 2;
    const day = 28 * (p + 1);
    add("problem", day, meeting, sentence(35, 50));
    add("question", day, meeting, `${sentence(6, 12).slice(0, -1)}?`);
    add("question", day, meeting, `${sentence(6, 12).slice(0, -1)}?`);
    for (let k = 0; k < 2; k++) {
      const e = add("action", day, meeting, sentence(12, 20));
      const outcome = (p * 2 + k) % 3 === 2 ? null : sentence(20, 35);
      actions.push({
        number: e.number,
        text: e.text,
        createdAt: e.createdAt,
        meetingNumber: meeting,
        due: calendarDate(new Date(START + (day + 14) * DAY).toISOString().slice(0, 10), "Europe/London"),
        status: outcome ? (k === 0 ? "done" : "partly") : "open",
        outcome,
        effectiveness: outcome ? (k === 0 ? "very" : "somewhat") : null,
        outcomeAt: outcome ? new Date(START + (day + 12) * DAY) : null,
      });
    }
    add("outcome", day + 20, meeting, sentence(20, 30));
    add("reflect", day + 21, meeting, sentence(25, 40));
  }
  add("reflect", 360, 14, sentence(50, 70));
  if (entries.length !== 100) throw new Error(`expected 100 entries, made ${entries.length}`);
  return {
    learner: "Bench Member",
    details: { registration: "B0000001", centreNumber: "000001", centreName: "Bench centre" },
    setName: "Bench set",
    advisors: ["Bench Advisor"],
    memberCount: 6,
    slotMinutes: 30,
    advisorNotes: 13,
    programmeStart: calendarDate("2027-01-04", "Europe/London"),
    programmeEnd: calendarDate("2028-01-03", "Europe/London"), // 4 Jan 2027 – 3 Jan 2028: exactly 12 months
    joinedAt: new Date(START),
    meetings: Array.from({ length: 13 }, (_, i) => ({
      number: i + 1,
      startsAt: new Date(START + i * 28 * DAY),
      durationMinutes: 180,
      attended: true,
      presented: i >= 1,
    })),
    entries,
    actions,
    now: new Date(START + 362 * DAY),
    timeZone: "Europe/London",
  };
}

async function timed(runs: number, f: () => unknown): Promise<Figure> {
  for (let i = 0; i < WARMUP; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return figure("ms", times);
}

const kb = (bytes: number) => `${fmt(bytes)} bytes (${(bytes / 1024).toFixed(1)} KiB)`;

export const draftCompile: Benchmark = {
  name: "draft-compile",
  description: "/log draft for a 12-month member with 100 entries: compileDraft + Markdown, + .docx, + evidence CSV",
  async run(out: Reporter) {
    const input = twelveMonthMember();
    const draft = compileDraft(input);
    const md = draftToMarkdown(draft);
    const docx = await draftToDocx(draft);
    const csv = evidenceCsv(evidenceRows(input));
    const byKind = new Map<string, number>();
    for (const e of input.entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    out.field(
      "member",
      `${input.entries.length} entries (${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")}), ${input.actions.length} actions`,
    );
    out.field(
      "draft",
      `${draft.blocks.length} blocks, ${fmt(draft.wordCount)} words of the member's own, coverage ${draft.coverage.map((c) => `${c.criterion} ${c.status}`).join(", ")}`,
    );
    out.field("warnings", draft.warnings.length ? draft.warnings.map((w) => w.slice(0, 60)).join(" | ") : "none");
    out.line();
    out.line(`median of ${RUNS} runs each, after ${WARMUP} warm-up runs`);
    const figures = {
      compile: await timed(RUNS, () => compileDraft(input)),
      markdown: await timed(RUNS, () => draftToMarkdown(compileDraft(input))),
      docx: await timed(RUNS, () => draftToDocx(compileDraft(input))),
      csv: await timed(RUNS, () => evidenceCsv(evidenceRows(input))),
    };
    out.field("compileDraft alone", show(figures.compile));
    out.field("COMPILE + MARKDOWN", show(figures.markdown));
    out.field("COMPILE + DOCX", show(figures.docx));
    out.field("evidenceRows + CSV", show(figures.csv));
    out.line();
    out.field("Markdown size", kb(Buffer.byteLength(md, "utf8")));
    out.field(".docx size", kb(docx.byteLength));
    out.field("evidence CSV size", `${kb(Buffer.byteLength(csv, "utf8"))}, ${csv.split("\r\n").length - 2} rows`);
    return figures;
  },
};
