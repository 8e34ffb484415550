import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "als-demo-"));
const NAMES = ["ana", "ben", "cleo", "dev", "eve"];
const examples = (name: string) => readFileSync(new URL(`../../examples/drafts/${name}.md`, import.meta.url), "utf8");
/** The advisor's draft M5.37 log, as the demo names it and as examples/drafts keeps it. */
const ADVISOR_DRAFT = "m537-draft-sam-managing-through-change-2027-2027-08-02";
const ADVISOR_EXAMPLE = "m537-sam-managing-through-change-2027";
/** From `heading` (a whole Markdown heading line) to the next heading of the same level or higher. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const level = heading.indexOf(" ");
  const next = new RegExp(`\\n#{1,${level}} `, "g");
  next.lastIndex = start + heading.length + 2;
  const end = next.exec(md)?.index ?? md.indexOf("\n---\n", start);
  return md.slice(start, end < 0 ? undefined : end);
}

describe("npm run demo", () => {
  let stdout = "";
  let files: string[] = [];
  beforeAll(() => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
      encoding: "utf8",
      env: { ...process.env, DEMO_OUT: dir, DEMO_EXAMPLES: "" },
    });
    assert.equal(run.status, 0, run.stderr);
    stdout = run.stdout;
    files = stdout
      .split("\n")
      .filter((l) => l.startsWith("  "))
      .map((l) => l.trim());
  }, 300_000); // seven months for five members, in a child process (a loaded machine takes minutes)
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("runs seven months for five members and writes every draft in three formats, and the advisor's in two", async () => {
    assert.match(stdout, /^Demo: 5 members, 7 meetings, \d+ reminder DMs/);
    assert.equal(
      files.length,
      20,
      "15 drafts, the advisor's draft M5.37 log in two formats and the advisor's progress chart, and the evening set's two drafts",
    );
    for (const ext of ["md", "docx"])
      assert.ok(
        files.some((f) => f.endsWith(`${ADVISOR_DRAFT}.${ext}`)),
        `advisor's .${ext}`,
      );
    assert.ok(
      files.some((f) => /progress-[a-z0-9-]+-2027-08-02\.png$/.test(f)),
      "the progress chart",
    );
    for (const name of NAMES) {
      for (const ext of ["md", "docx"])
        assert.ok(
          files.some((f) => f.endsWith(`m337-draft-${name}-2027-08-02.${ext}`)),
          `${name}.${ext}`,
        );
      assert.ok(files.some((f) => f.endsWith(`m337-evidence-${name}-2027-08-02.csv`)));
    }
    for (const f of files) assert.ok(existsSync(f), f);
    const transcript = readFileSync(join(dir, "demo-transcript.txt"), "utf8");
    assert.doesNotMatch(
      transcript,
      /Sorry, something went wrong|Not understood|is not valid|Missing option|Option \w+:|has no option/,
      "every scripted command was accepted",
    );
    const docx = await JSZip.loadAsync(readFileSync(files.find((f) => f.endsWith("ana-2027-08-02.docx"))!));
    const xml = await docx.file("word/document.xml")!.async("string");
    assert.match(xml, /Night shift handovers keep missing medication changes/);
    assert.doesNotMatch(xml, /London office and my New York team/, "Ana's draft holds nothing of Ben's");
  });

  test("the drafts in examples/drafts are the ones it produces (refresh: DEMO_EXAMPLES=examples/drafts npm run demo)", () => {
    for (const name of NAMES) {
      const produced = readFileSync(files.find((f) => f.endsWith(`m337-draft-${name}-2027-08-02.md`))!, "utf8");
      assert.equal(produced, examples(name), `examples/drafts/${name}.md is stale: run DEMO_EXAMPLES=examples/drafts npm run demo`);
    }
    const advisor = readFileSync(files.find((f) => f.endsWith(`${ADVISOR_DRAFT}.md`))!, "utf8");
    assert.equal(
      advisor,
      examples(ADVISOR_EXAMPLE),
      `examples/drafts/${ADVISOR_EXAMPLE}.md is stale: run DEMO_EXAMPLES=examples/drafts npm run demo`,
    );
  });

  test("the advisor's draft M5.37 log evidences each criterion in Sam's words, with 14 hours and nothing of members' logs", async () => {
    const md = examples(ADVISOR_EXAMPLE);
    const statuses = [...md.matchAll(/^\| (\d\.\d) .*? \| (covered|thin|missing) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(statuses, [
      "1.1 covered",
      "2.1 covered",
      "2.2 covered",
      "2.3 covered",
      "2.4 covered",
      "3.1 covered",
      "3.2 covered",
      "3.3 covered",
    ]);
    assert.doesNotMatch(
      md.slice(0, md.indexOf("\n---\n")),
      /Prompt \(remove before submission\):\*\* (?!Your reviews name )/,
      "no prompt left in Sam's draft but the one to anonymise the people his reviews name",
    );
    assert.match(
      md,
      /\*\*Hours:\*\* 14 hours planned \(7 meetings\), 14 hours delivered \(7 meetings held\): meets the minimum of 12 hours/,
    );
    const words = Number(/Word count:\*\* ([\d,]+)/.exec(md)![1]!.replace(",", ""));
    assert.ok(words >= 1500 && words <= 7000, `${words} words`);
    assert.match(md, /Goal 1, agreed with Joanne Reed/);
    assert.match(md, /#### Meeting 7, 13 Jul 2027 \(2 hours\)/);
    assert.doesNotMatch(md, /Night shift handovers keep missing medication changes/, "no member's entry text");
    const docx = await JSZip.loadAsync(readFileSync(files.find((f) => f.endsWith(`${ADVISOR_DRAFT}.docx`))!));
    const xml = await docx.file("word/document.xml")!.async("string");
    assert.match(xml, /Reading the set&apos;s written answers next to my own notes|Reading the set's written answers next to my own notes/);
  });

  test("the advisor's 2.4 has every member's reviews, dated, in the table's order; a reply only from members who share", () => {
    const md = examples(ADVISOR_EXAMPLE);
    const reviews = section(md, "### Reviews of individuals' progress (2.4)");
    assert.match(reviews, /^\| Ana \| \d+ \| 4 \| 4 \| 2, last 27 Jul 2027 \|$/m);
    assert.match(reviews, /^\| Cleo \| \d+ \| 4 \| 4 \| 2, last 27 Jul 2027 \|$/m);
    assert.match(reviews, /^\| Eve \| \d+ \| 1 \| 0 \| 2, last 25 May 2027 \|$/m);
    assert.deepEqual(
      [...reviews.matchAll(/^#### (\w+)$/gm)].map((m) => m[1]),
      ["Ana", "Ben", "Cleo", "Dev", "Eve"],
    );
    const ana = reviews.slice(reviews.indexOf("#### Ana"), reviews.indexOf("#### Ben"));
    const dated = [...ana.matchAll(/^(My review,|Ana's reply on) \d+ \w+ 2027: /gm)].map((m) => m[1]);
    assert.deepEqual(
      dated,
      ["My review,", "Ana's reply on", "My review,", "Ana's reply on"],
      "two reviews of Ana, each dated with her reply",
    );
    assert.match(ana, /^My review, 23 Mar 2027: Ana, a review of your action plan halfway through\./m);
    assert.match(ana, /^Ana's reply on 25 Mar 2027: You are right that the rota is the part I keep putting off\./m);
    assert.ok(ana.indexOf("23 Mar 2027") < ana.indexOf("27 Jul 2027"), "oldest review first");
    // Cleo keeps her log to herself: the draft says she replied, never what she wrote.
    const cleo = reviews.slice(reviews.indexOf("#### Cleo"), reviews.indexOf("#### Dev"));
    assert.deepEqual(
      [...cleo.matchAll(/^Cleo replied on (\d+ \w+ 2027); the reply is theirs to share/gm)].map((m) => m[1]),
      ["29 Apr 2027", "29 Jul 2027"],
    );
    assert.doesNotMatch(cleo, /Cleo's reply/);
    assert.doesNotMatch(md, /I have asked Lena and Marco for Mondays at nine/);
    assert.match(examples("cleo"), /My reflection \(29 Apr 2027\): I have asked Lena and Marco for Mondays at nine/);
  });

  test("the advisor's 2.3 and 3.1 hold the set learning reviews' answers, anonymous ones without a name, and Sam's reading of them", () => {
    const md = examples(ADVISOR_EXAMPLE);
    const records = section(md, "### Records of delivery (2.3)");
    assert.match(records, /After meeting 3 \(2 responses\):\n\n- Ana, 12 Mar 2027: What works: the questions\./);
    assert.match(records, /After meeting 6 \(2 responses\):/);
    const feedback = section(md, "### Feedback on my facilitation (3.1)");
    const said = [...feedback.matchAll(/^- (\w+), (\d+ \w+ 2027) \(meeting (\d)\):/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    assert.deepEqual(said, [
      "anonymous 12 Mar 2027 3",
      "Dev 12 Mar 2027 3",
      "anonymous 12 Mar 2027 3",
      "Ben 11 Jun 2027 6",
      "anonymous 11 Jun 2027 6",
    ]);
    assert.match(feedback, /^- anonymous, 12 Mar 2027 \(meeting 3\): Please leave the silences alone a little longer\./m);
    assert.match(feedback, /from the set, answering the learning review of meeting 3: Five answers came in the week after meeting 3/);
    assert.match(feedback, /An anonymous answer said that since I handed over the process review/);
  });

  test("a member's draft has the advisor's reviews under \"Feedback from my set advisor\", each with their reflection", () => {
    const ana = examples("ana");
    const part = section(ana, "### Feedback from my set advisor");
    assert.deepEqual(
      [...part.matchAll(/^#### (From Sam, my set advisor, \d+ \w+ 2027)$/gm)].map((m) => m[1]),
      ["From Sam, my set advisor, 23 Mar 2027", "From Sam, my set advisor, 27 Jul 2027"],
    );
    assert.match(part, /Goal 1 has two parts and only one is moving/);
    assert.match(part, /^My reflection \(25 Mar 2027\): You are right that the rota is the part I keep putting off\./m);
    assert.match(part, /^My reflection \(29 Jul 2027\): Seeing the six months set out by someone else/m);
    assert.doesNotMatch(examples("dev"), /Ana, a review of your action plan/, "Dev's draft holds no review of Ana");
    // Eve did not reply to her first review: her draft prompts for it.
    assert.match(
      section(examples("eve"), "### Feedback from my set advisor"),
      /Reply once with your reflection on this review: \/review reply/,
    );
  });

  test("three members' drafts cover every criterion with nothing left to prompt; Cleo's period and Eve's gaps are flagged", () => {
    const checklist = (md: string) => [...md.matchAll(/^\| (\d\.\d) .*? \| (covered|thin|missing) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    for (const name of ["ana", "ben", "dev"]) {
      const md = examples(name);
      assert.deepEqual(checklist(md), ["1.1 covered", "1.2 covered", "2.1 covered", "2.2 covered", "2.3 covered"], name);
      const body = md.slice(0, md.indexOf("\n---\n"));
      assert.doesNotMatch(
        body,
        /Prompt \(remove before submission\):\*\* (?!These reviews name )/,
        `${name}'s draft has no prompt left but the one to anonymise the people named in reviews`,
      );
      assert.match(
        body,
        /Period covered:\*\* 11 Jan 2027 to 31 Jul 2027 \(6 months and 21 days\), my membership of the set: meets the 6–12 months/,
      );
      const words = Number(/Word count:\*\* ([\d,]+)/.exec(md)![1]!.replace(",", ""));
      assert.ok(words >= 1000 && words <= 2000, `${name}: ${words} words`);
    }
    // Cleo was a member throughout but seconded away until April: her period is her membership, her time away said apart.
    assert.match(examples("cleo"), /Meetings attended:\*\* 4 of 7 held/);
    assert.match(
      examples("cleo"),
      /Your first set meeting attended was on 13 Apr 2027, 3 months and \d+ days? into your membership, after 3 meetings held without you: ask your advisor how your centre treats time away\./,
    );
    const eve = examples("eve");
    assert.deepEqual(checklist(eve), ["1.1 thin", "1.2 thin", "2.1 missing", "2.2 thin", "2.3 missing"]);
    assert.match(eve, /You presented at meeting 5 \(11 May 2027\) but logged no problem for it/);
    assert.match(eve, /Placed here by date, with no problem named: #\d+/);
    assert.match(eve, /Learner registration number:\*\* not given yet/);
  });

  test("the evening set: Fin, who types as people do on a phone and follows the coaching, is covered everywhere; Gus, who ignores it, is shown what is missing", () => {
    const checklist = (md: string) =>
      [...md.matchAll(/^\| (\d\.\d) .*? \| (covered|thin|missing) \| .*?(\d+) of about (\d+) words/gm)].map(
        (m) => `${m[1]} ${m[2]}${Number(m[3]) >= Number(m[4]) ? "" : " short"}`,
      );
    const fin = examples("fin");
    // She never repeats herself, so where she ran out of new things to say a criterion is short of its words, with
    // every part it asks for there: nothing is missing, and what is left to fill is words (and links) only.
    assert.deepEqual(checklist(fin), ["1.1 covered", "1.2 thin short", "2.1 thin short", "2.2 covered", "2.3 thin short"]);
    const fills = [...fin.matchAll(/^\| (\d\.\d) [^|]*\| thin \| [^|]*\| ([^|]*) \|$/gm)].flatMap((m) => m[2]!.split("<br>"));
    assert.ok(fills.length > 0);
    for (const fill of fills) assert.match(fill, /words of your own|^Not linked to a goal/, fill);
    assert.doesNotMatch(fin, /same again/);
    const words = Number(/Word count:\*\* ([\d,]+)/.exec(fin)![1]!.replace(",", ""));
    assert.ok(words >= 1000 && words <= 2000, `Fin: ${words} words`);
    // Her words, as she typed them: lower case, typos and all.
    assert.match(fin, /i take work back when someone struggles insted of coaching them/);
    const gus = examples("gus");
    assert.deepEqual(checklist(gus), ["1.1 thin short", "1.2 missing short", "2.1 missing short", "2.2 thin short", "2.3 missing short"]);
    assert.match(gus, /No goal recorded yet: \/log goal text:"…"/);
    assert.match(gus, /Nothing recorded yet on: the nature and benefits of action learning/);
  });
});
