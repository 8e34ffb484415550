import assert from "node:assert/strict";
import JSZip from "jszip";
import { test } from "vitest";
import {
  compileDraft,
  countWords,
  type Draft,
  type DraftBlock,
  type DraftEntry,
  type DraftInput,
  evidenceRows,
  DRAFT_HEADINGS as H,
  MEETING_CATEGORY,
} from "../../src/domain/draft.ts";
import { evidenceCsv } from "../../src/export/draft-csv.ts";
import { draftToDocx } from "../../src/export/draft-docx.ts";
import { draftToMarkdown } from "../../src/export/draft-markdown.ts";
import { day, EXPECTED_SECTION, FIXTURE_ENTRIES, FIXTURE_OUTCOMES, fixtureEntries, fixtureInput } from "../support/draft-fixture.ts";

/** Every string a block shows. */
function strings(b: DraftBlock): string[] {
  switch (b.kind) {
    case "heading":
    case "paragraph":
      return [b.text];
    case "bullets":
      return b.items;
    case "table":
      return [...b.header, ...b.rows.flat()];
  }
}
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
/** Indexes of the blocks that contain `text`, each as many times as it occurs there. */
function where(d: Draft, text: string): number[] {
  const at: number[] = [];
  d.blocks.forEach((b, i) => {
    for (const s of strings(b)) for (let k = 0; k < occurrences(s, text); k++) at.push(i);
  });
  return at;
}
/** The heading of the given level that a block sits under. */
function under(d: Draft, index: number, level: 1 | 2 | 3): string | null {
  for (let i = index; i >= 0; i--) {
    const b = d.blocks[i]!;
    if (b.kind === "heading" && b.level < level) return null;
    if (b.kind === "heading" && b.level === level) return b.text;
  }
  return null;
}
const headings = (d: Draft, level: 1 | 2 | 3) => d.blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));
const cov = (d: Draft, c: string) => d.coverage.find((x) => x.criterion === c)!;

const draft = compileDraft(fixtureInput());

test("sections in order: action plan (1.1, 1.2, 2.1), log (problems by date, other notes, review 2.3), checklist", () => {
  assert.deepEqual(headings(draft, 1), [H.plan, H.log, H.coverage]);
  assert.deepEqual(headings(draft, 2), [
    H.strengths,
    H.goals,
    H.method,
    "Problem 1: 8 Feb 2027 (meeting 2)",
    "Problem 2: 1 Mar 2027 (meeting 3)",
    "Problem 3: 12 Apr 2027 (meeting 5)",
    H.other,
    H.review,
    H.warnings,
  ]);
  const problem1 = draft.blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith("Problem 1:"));
  const problem2 = draft.blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith("Problem 2:"));
  const subheads = draft.blocks.slice(problem1, problem2).flatMap((b) => (b.kind === "heading" && b.level === 3 ? [b.text] : []));
  assert.deepEqual(subheads, ["Questions that helped", "Actions agreed and how they went", "What I learned"]);
  assert.match(draft.title, /M3\.37.*Priya Shah/);
});

test("header: learner, set, advisor, period against 6–12 months, meetings and hours, word count against 1,000–2,000", () => {
  const h = Object.fromEntries(draft.header.map((f) => [f.label, f.value]));
  assert.equal(h.Learner, "Priya Shah");
  assert.equal(h.Set, "Riverside team leaders");
  assert.equal(h["Set advisor"], "Helen Okafor");
  assert.equal(h["Period covered"], "11 Jan 2027 to 10 Aug 2027 (7 months): meets the 6–12 months M3.37 requires");
  assert.equal(h["Meetings attended"], "9 (22 hours 30 minutes in the set)");
  assert.match(h["Word count"]!, /^1,\d{3} words of your own: within the suggested 1,000–2,000/);
});

test("every entry appears exactly once in the blocks, under the right criterion or problem", () => {
  for (const [number, , , , text] of FIXTURE_ENTRIES) {
    const at = where(draft, text);
    assert.equal(at.length, 1, `entry #${number} appears ${at.length} times`);
    const section = under(draft, at[0]!, 2);
    assert.ok(
      section?.startsWith(EXPECTED_SECTION[number]!),
      `entry #${number} is under "${section}", expected "${EXPECTED_SECTION[number]}"`,
    );
  }
  // Action outcomes recorded with /action done appear once, with their action.
  for (const [n, text] of Object.entries(FIXTURE_OUTCOMES)) {
    const at = where(draft, text);
    assert.equal(at.length, 1, `outcome of #${n}`);
    assert.equal(under(draft, at[0]!, 2), n === "13" ? "Problem 1: 8 Feb 2027 (meeting 2)" : "Problem 3: 12 Apr 2027 (meeting 5)");
  }
  // The checklist refers to numbers and counts only.
  const checklist = draft.blocks.findIndex((b) => b.kind === "heading" && b.text === H.coverage);
  const tail = draft.blocks.slice(checklist).flatMap(strings).join("\n");
  for (const [, , , , text] of FIXTURE_ENTRIES) assert.ok(!tail.includes(text));
});

test("each action is followed by how it was put into effect and how effective it was", () => {
  const i = where(draft, FIXTURE_ENTRIES.find(([n]) => n === 14)![4])[0]!;
  assert.equal(under(draft, i, 3), "Actions agreed and how they went");
  const [action, effect, effective] = draft.blocks.slice(i, i + 3).map((b) => (b.kind === "paragraph" ? b.text : ""));
  assert.match(action!, /^Action #14 \(agreed 9 Feb 2027, due 1 Mar 2027\): Write down/);
  assert.match(effect!, /^How I put it into effect: I went through the expectation/);
  assert.equal(effective, "How effective: somewhat effective (partly done, 2 Mar 2027).");
  const open = where(draft, FIXTURE_ENTRIES.find(([n]) => n === 26)![4])[0]!;
  assert.deepEqual(draft.blocks.slice(open + 1, open + 3), [
    { kind: "paragraph", text: "How I put it into effect: no outcome recorded yet." },
    { kind: "paragraph", text: "How effective: not recorded yet (still open)." },
  ]);
  const timescales = draft.blocks.find((b): b is Extract<DraftBlock, { kind: "table" }> => b.kind === "table" && b.header[0] === "Action")!;
  assert.deepEqual(
    timescales.rows.map((r) => [r[0], r[2], r[3], r[4]]),
    [
      ["#13", "22 Feb 2027", "done", "Problem 1"],
      ["#14", "1 Mar 2027", "partly done", "Problem 1"],
      ["#18", "15 Mar 2027", "still open", "Problem 2"],
      ["#25", "3 May 2027", "done", "Problem 3"],
      ["#26", "not set", "still open", "Problem 3"],
    ],
  );
});

test("actions with no outcome are flagged, with the command that fills them", () => {
  const message = 'No outcome recorded for 2 of your 5 actions (#18, #26): /action done action:N text:"…"';
  assert.ok(draft.warnings.includes(message), draft.warnings.join("\n"));
  assert.equal(cov(draft, "2.2").status, "thin");
  assert.ok(cov(draft, "2.2").prompts.includes(message));
  assert.deepEqual(
    draft.coverage.map((c) => [c.criterion, c.status]),
    [
      ["1.1", "covered"],
      ["1.2", "covered"],
      ["2.1", "covered"],
      ["2.2", "thin"],
      ["2.3", "covered"],
    ],
  );
  const done = compileDraft(
    fixtureInput({
      actions: fixtureInput().actions.map((a) =>
        a.outcome ? a : { ...a, status: "done", outcome: "Done and talked through.", effectiveness: "very", outcomeAt: a.createdAt },
      ),
    }),
  );
  assert.ok(!done.warnings.some((w) => w.startsWith("No outcome")));
  assert.equal(cov(done, "2.2").status, "covered");
});

test("the fixture's word count is the member's own words, within range, with no word-count warning", () => {
  const expected =
    FIXTURE_ENTRIES.reduce((n, [, , , , text]) => n + countWords(text), 0) +
    countWords(FIXTURE_OUTCOMES[13]) +
    countWords(FIXTURE_OUTCOMES[25]);
  assert.equal(draft.wordCount, expected);
  assert.ok(draft.wordCount >= 1000 && draft.wordCount <= 2000, String(draft.wordCount));
  assert.ok(!draft.warnings.some((w) => /words of your own/.test(w)));
});

test("a draft under 1,000 words and one over 2,000 words are flagged", () => {
  const few = fixtureInput({ entries: fixtureEntries().filter((e) => e.number <= 12), actions: [] });
  const short = compileDraft(few);
  assert.ok(short.wordCount < 1000);
  assert.ok(
    short.warnings.some((w) => w.startsWith(`The draft has ${short.wordCount} words of your own: M3.37 suggests 1,000–2,000`)),
    short.warnings.join("\n"),
  );
  assert.match(short.header.find((f) => f.label === "Word count")!.value, /under the suggested 1,000–2,000/);

  const extra: DraftEntry[] = fixtureEntries().map((e, i) => ({
    ...e,
    number: 100 + i,
    kind: "reflect",
    text: `${e.text} (Second thoughts.)`,
    createdAt: new Date(e.createdAt.getTime() + 60_000),
  }));
  const long = compileDraft(fixtureInput({ entries: [...fixtureEntries(), ...extra] }));
  assert.ok(long.wordCount > 2000);
  assert.ok(
    long.warnings.some((w) => /^The draft has 2,\d{3} words of your own: .*Shorten it/.test(w)),
    long.warnings.join("\n"),
  );
  assert.match(long.header.find((f) => f.label === "Word count")!.value, /over the suggested/);
});

test("a programme under 6 months, over 12 months, or not set is flagged", () => {
  const short = compileDraft(fixtureInput({ programmeEnd: day("2027-06-30") }));
  assert.ok(
    short.warnings.some((w) => /requires at least 6 months/.test(w)),
    short.warnings.join("\n"),
  );
  assert.equal(
    short.header.find((f) => f.label === "Period covered")!.value,
    "11 Jan 2027 to 30 Jun 2027 (5 months and 20 days): under the 6 months M3.37 requires",
  );
  const long = compileDraft(fixtureInput({ programmeEnd: day("2028-03-01") }));
  assert.ok(long.warnings.some((w) => /allows at most 12 months/.test(w)));
  assert.match(long.header.find((f) => f.label === "Period covered")!.value, /over the 12 months/);
  const unset = compileDraft(fixtureInput({ programmeStart: null, programmeEnd: null }));
  assert.ok(unset.warnings.some((w) => /No programme period is set/.test(w)));
  assert.match(unset.header.find((f) => f.label === "Period covered")!.value, /^not set/);
  assert.ok(!draft.warnings.some((w) => /programme/i.test(w)));
});

test("2.1 takes reflections before the first problem; 2.3 those in the programme's last month", () => {
  const method = cov(draft, "2.1");
  assert.deepEqual(method.evidence, ["2 reflections (#7, #9): reflections recorded before your first problem (#10, 8 Feb 2027)"]);
  assert.deepEqual(cov(draft, "2.3").evidence, [
    "2 reflections (#31, #32): reflections recorded from 11 Jul 2027, the programme's last month",
    "reviewed against 3 goals",
  ]);
  // Programme ending later: the closing reflections are no longer in its last month, so they stay with problem 3.
  const later = compileDraft(fixtureInput({ programmeEnd: day("2027-12-31") }));
  const last = FIXTURE_ENTRIES.find(([n]) => n === 32)![4];
  assert.equal(under(later, where(later, last)[0]!, 2), "Problem 3: 12 Apr 2027 (meeting 5)");
  assert.equal(cov(later, "2.3").status, "missing");
  assert.match(cov(later, "2.3").prompts[0]!, /^No review yet: this section takes reflections recorded from 1 Dec 2027/);
});

test("an empty log: every criterion missing, each with the prompt that fills it", () => {
  const empty = compileDraft(fixtureInput({ entries: [], actions: [] }));
  assert.deepEqual(
    empty.coverage.map((c) => c.status),
    ["missing", "missing", "missing", "missing", "missing"],
  );
  const prompts = empty.coverage.flatMap((c) => c.prompts);
  for (const p of [
    'No strength recorded yet: /log strength text:"…"',
    'No limitation recorded yet: /log limitation text:"…"',
    'No goal recorded yet: /log goal text:"…"',
    'No problem brought to the set recorded yet: /log problem text:"…"',
  ]) {
    assert.ok(prompts.includes(p), p);
  }
  assert.equal(empty.wordCount, 0);
});

test("entries before any problem go to Other notes, not lost", () => {
  const input = fixtureInput();
  const early: DraftInput = {
    ...input,
    entries: [
      ...input.entries,
      {
        number: 99,
        kind: "action",
        text: "Read Revans before the first meeting.",
        createdAt: new Date("2027-01-15T09:00:00Z"),
        meetingNumber: null,
      },
    ],
  };
  const d = compileDraft(early);
  assert.equal(under(d, where(d, "Read Revans before the first meeting.")[0]!, 2), H.other);
});

/** RFC 4180 parser: records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted || (c !== "," && c !== "\r")) field += c;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      field = "";
      record = [];
      i++;
    } else field += c;
    i++;
  }
  assert.equal(field, "", "text after the last CRLF");
  assert.equal(record.length, 0);
  return records;
}

test("evidence rows: one per meeting attended with its length, one per entry, one per action outcome not already an entry, in date order", () => {
  const all = evidenceRows(fixtureInput());
  const meetings = all.filter((r) => r.category === MEETING_CATEGORY);
  assert.equal(meetings.length, 9);
  assert.ok(meetings.every((r) => r.durationMinutes === 150 && r.criteria === "2.2"));
  assert.deepEqual(meetings[0], {
    date: "2027-01-06",
    durationMinutes: 150,
    category: MEETING_CATEGORY,
    text: "Action learning set meeting 1: Riverside team leaders",
    criteria: "2.2",
  });
  const rows = all.filter((r) => r.category !== MEETING_CATEGORY);
  assert.equal(rows.length, FIXTURE_ENTRIES.length + 2);
  assert.deepEqual(
    all.map((r) => r.date),
    [...all.map((r) => r.date)].sort(),
  );
  const dates = rows.map((r) => r.date);
  assert.deepEqual(dates, [...dates].sort());
  const known = [...FIXTURE_ENTRIES.map(([, , , , t]) => t), ...Object.values(FIXTURE_OUTCOMES)];
  for (const r of rows) assert.ok(known.includes(r.text), `unexpected text: ${r.text}`);
  for (const t of known) assert.equal(rows.filter((r) => r.text === t).length, 1, t);
  const row = (t: string) => rows.find((r) => r.text === t)!;
  const text = (n: number) => FIXTURE_ENTRIES.find(([m]) => m === n)![4];
  assert.deepEqual(row(text(1)), { date: "2027-01-18", durationMinutes: "", category: "Strength", text: text(1), criteria: "1.1" });
  assert.equal(row(text(19)).category, "Action outcome (#14, partly done, somewhat effective)");
  assert.deepEqual(row(FIXTURE_OUTCOMES[13]), {
    date: "2027-02-19",
    durationMinutes: "",
    category: "Action outcome (#13, done, very effective)",
    text: FIXTURE_OUTCOMES[13],
    criteria: "2.2",
  });
  assert.deepEqual(
    [7, 9, 15, 31].map((n) => row(text(n)).criteria),
    ["2.1", "2.1", "2.2", "2.3"],
  );
  // Dates are the member's local day: 23:30 UTC on 1 Jul is 2 Jul in London.
  const late = evidenceRows(
    fixtureInput({
      entries: [{ number: 1, kind: "goal", text: "x", createdAt: new Date("2027-07-01T23:30:00Z"), meetingNumber: null }],
      actions: [],
      attended: [],
    }),
  );
  assert.equal(late[0]!.date, "2027-07-02");
});

test("evidence CSV: RFC 4180 header, CRLF, quoting that round-trips commas, quotes and newlines", () => {
  const rows = evidenceRows(fixtureInput());
  const csv = evidenceCsv(rows);
  assert.ok(csv.startsWith("date,duration_minutes,category,text,criteria\r\n"));
  assert.ok(csv.endsWith("\r\n"));
  const parsed = parseCsv(csv);
  assert.deepEqual(parsed[0], ["date", "duration_minutes", "category", "text", "criteria"]);
  assert.deepEqual(
    parsed.slice(1),
    rows.map((r) => [r.date, String(r.durationMinutes), r.category, r.text, r.criteria]),
  );

  const tricky = 'She said "no, not yet", then:\nline two,\r\nline three ""quoted""';
  const one = evidenceCsv([{ date: "2027-03-01", durationMinutes: 30, category: "Reflection", text: tricky, criteria: "2.2" }]);
  assert.equal(one.split("\r\n")[1], '2027-03-01,30,Reflection,"She said ""no, not yet"", then:\nline two,');
  assert.deepEqual(parseCsv(one), [
    ["date", "duration_minutes", "category", "text", "criteria"],
    ["2027-03-01", "30", "Reflection", tricky, "2.2"],
  ]);
});

test("evidence CSV: a cell a spreadsheet would run as a formula starts with a single quote (OWASP); others are as written", () => {
  const risky = ['=HYPERLINK("http://evil.example","Click")', "+SUM(A1)", "-2+3", "@cmd", "\tleading tab", "\rleading return"];
  const safe = ["a=b", "Plain text", "'already quoted", "2+2=4"];
  const csv = evidenceCsv(
    [...risky, ...safe].map((text) => ({
      date: "2027-03-01",
      durationMinutes: "" as const,
      category: "Reflection",
      text,
      criteria: "2.2",
    })),
  );
  const texts = parseCsv(csv)
    .slice(1)
    .map((r) => r[3]);
  assert.deepEqual(texts, [...risky.map((t) => `'${t}`), ...safe]);
});

test("Markdown: title, header list, headings one level down, pipe tables, member text kept", () => {
  const md = draftToMarkdown(draft);
  assert.ok(md.startsWith("# Leadership action plan and learning log (ILM M3.37): Priya Shah\n\n- **Learner:** Priya Shah\n"));
  const heads = [...md.matchAll(/^(#{2,4}) (.+)$/gm)].map((m) => `${m[1]!.length - 1} ${m[2]}`);
  const fromBlocks = draft.blocks.flatMap((b) => (b.kind === "heading" ? [`${b.level} ${b.text}`] : []));
  assert.deepEqual(heads, fromBlocks);
  assert.match(md, /^\| 2\.2 The way action learning was used .* \| thin \| 3 problems \(#10, #16, #22\)<br>/m);
  for (const [, , , , text] of FIXTURE_ENTRIES) assert.equal(occurrences(md, text), 1);
  const odd = draftToMarkdown({
    ...draft,
    blocks: [
      { kind: "paragraph", text: "# not a heading\n- nor a list" },
      { kind: "table", header: ["a"], rows: [["x | y\nz"]] },
    ],
  });
  assert.match(odd, /^\\# not a heading\n\\- nor a list$/m);
  assert.match(odd, /^\| x \\\| y<br>z \|$/m);
});

/** The document's paragraphs (outside and inside tables) as style and text, and its tables as rows of cell texts. */
async function openDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const textOf = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join("");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
    bullet: m[0].includes("<w:numPr>"),
  }));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  );
  return { xml, paragraphs, tables };
}

test(".docx: real Heading1/2/3 paragraphs in order, bulleted paragraphs, tables for header, timescales and coverage", async () => {
  const bytes = await draftToDocx(draft);
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(String.fromCharCode(bytes[0]!, bytes[1]!), "PK");
  const { xml, paragraphs, tables } = await openDocx(bytes);
  assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
  const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
  assert.deepEqual(styled("Title"), [draft.title]);
  assert.deepEqual(styled("Heading1"), [H.plan, H.log, H.coverage]);
  assert.deepEqual(styled("Heading2"), headings(draft, 2));
  assert.deepEqual(styled("Heading3"), headings(draft, 3));
  const allHeadings = paragraphs.filter((p) => /^Heading[123]$/.test(p.style ?? "")).map((p) => `${p.style!.slice(7)} ${p.text}`);
  assert.deepEqual(
    allHeadings,
    draft.blocks.flatMap((b) => (b.kind === "heading" ? [`${b.level} ${b.text}`] : [])),
  );

  const bullets = paragraphs.filter((p) => p.bullet).map((p) => p.text);
  assert.ok(bullets.includes(FIXTURE_ENTRIES[0]![4]));
  assert.ok(bullets.includes("What are you afraid will happen if you raise it?"));

  assert.equal((xml.match(/<w:tbl>/g) ?? []).length, 3);
  const [header, timescales, coverage] = tables;
  assert.deepEqual(header![0], ["Learner", "Priya Shah"]);
  assert.equal(header!.length, draft.header.length);
  assert.deepEqual(timescales![0], ["Action", "Agreed", "Due", "Status", "Where in the log"]);
  assert.equal(timescales!.length, 6);
  assert.deepEqual(coverage![0], ["Criterion", "Status", "Evidence found", "What would fill it"]);
  assert.deepEqual(
    coverage!.slice(1).map((r) => [r[0]!.slice(0, 3), r[1]]),
    [
      ["1.1", "covered"],
      ["1.2", "covered"],
      ["2.1", "covered"],
      ["2.2", "thin"],
      ["2.3", "covered"],
    ],
  );
  assert.match(coverage![4]![3]!, /^No outcome recorded for 2 of your 5 actions/);
  // Member text survives XML escaping, once.
  const body = paragraphs.map((p) => p.text).join("\n");
  for (const [, , , , text] of FIXTURE_ENTRIES) assert.equal(occurrences(body, text), 1, text);
});

test(".docx: line breaks and characters XML forbids do not break the document", async () => {
  const d: Draft = {
    ...draft,
    blocks: [
      { kind: "heading", level: 1, text: "A & B <c>" },
      { kind: "paragraph", text: "one\ntwo\u0007 three" },
    ],
  };
  const { paragraphs, xml } = await openDocx(await draftToDocx(d));
  assert.ok(paragraphs.some((p) => p.style === "Heading1" && p.text === "A & B <c>"));
  assert.ok(paragraphs.some((p) => p.text === "onetwo three"));
  assert.match(xml, /<w:br\/>/);
});
