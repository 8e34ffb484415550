import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The content of the file a reply names. */
function fileText(out: string[]): string {
  const line = out.find((l) => l.trim().startsWith("[file "))!;
  return readFileSync(line.trim().slice(6, -1), "utf8");
}

describe("the write-up stage: the learner's own paragraph for a section, from their notes", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  const paragraph =
    "Action learning is a small set of peers working on real problems by asking questions rather than giving advice. My part is to come prepared and keep confidences. It is changing how I lead: I ask before I tell.";
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      [
        FIVE_MEMBER_SET,
        "as Ana",
        '/meeting schedule when:"2027-01-12 10:00"',
        '/log action-learning text:"questions not advice, L = P + Q"',
        '/log action-learning text:"i have to turn up prepared"',
        '/log problem text:"rota keeps being overridden"',
        '/log question text:"who owns the rota?" problem:1',
        '/log goal text:"hold monthly one-to-ones with my 4 leads by june"',
      ].join("\n"),
    );
  });
  afterAll(() => h.close());

  test("without text, the console shows the section's notes and how to write it; nothing is stored", async () => {
    const before = await h.snapshot();
    const out = (await say("/log write section:2.1")).join("\n");
    assert.match(out, /Your notes for 2\.1, to write up in your own words \(\d+ words\):/);
    assert.match(out, /#1 questions not advice, L = P \+ Q\n\s+#2 i have to turn up prepared/);
    assert.match(out, /Write it: \/log write section:2\.1 text:"…"/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("the links a section takes are checked: 2.2 needs its problem; others take none; nothing is stored", async () => {
    const before = await h.snapshot();
    assert.match((await say('/log write section:2.2 text:"x"')).join("\n"), /Option problem: 2\.2 is written problem by problem/);
    assert.match((await say('/log write section:1.1 goal:1 text:"x"')).join("\n"), /Option goal: only section 2\.3 is written per goal/);
    assert.match((await say('/log write section:2.2 problem:4 text:"x"')).join("\n"), /Option problem: there is no Problem 4/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("with text it is stored as written, replaces the section's fragments in the draft, and they move to my notes", async () => {
    const out = (await say(`/log write section:2.1 text:${paragraph}`)).join("\n");
    assert.match(out, /Your write-up of 2\.1 is stored as entry #6 \(\d+ words\)/);
    const md = fileText(await say("/log draft"));
    const [body, notes] = md.split("# Appendix: my notes (not for submission)");
    assert.ok(body!.includes(paragraph));
    assert.ok(!body!.includes("i have to turn up prepared"), "the fragment is not in the body");
    assert.ok(notes!.includes("i have to turn up prepared"), "it is in the notes");
    assert.match((await say("/log list")).join("\n"), /#6 .* · write \(write-up of 2\.1\): Action learning is a small set/);
  });

  test("writing it again replaces it, giving the earlier words back; it is edited and deleted like an entry", async () => {
    const again = (await say('/log write section:2.1 text:"A shorter paragraph of my own."')).join("\n");
    assert.match(again, /Your write-up of 2\.1 \(entry #6\) is replaced: 6 words\. It was: "Action learning is a small set/);
    assert.match((await say('/log edit entry:6 text:"My own paragraph, edited."')).join("\n"), /Entry #6 \(write\) updated: text\./);
    assert.ok(fileText(await say("/log draft")).includes("My own paragraph, edited."));
    const csv = fileText(await say("/log draft format:csv"));
    assert.match(csv, /Write-up \(2\.1\),"My own paragraph, edited\.",2\.1/);
  });

  test("a 2.2 write-up is per problem and a 2.3 one per goal; export includes them; forget deletes them", async () => {
    await h.run('/log write section:2.2 problem:1 text:"My rota problem, in my words."');
    await h.run('/log write section:2.3 goal:1 text:"I met this goal in May."');
    const drafted = await say("/log draft");
    assert.ok(
      drafted.some((l) => l.includes("[file ")),
      drafted.join("\n"),
    );
    const md = fileText(drafted);
    assert.match(md, /### Problem 1:[^\n]*\n\nMy rota problem, in my words\./);
    assert.match(md, /### Goal 1\n\nI met this goal in May\./);
    const data = JSON.parse(fileText(await say("/log export")));
    assert.deepEqual(
      data.entries.filter((e: { kind: string }) => e.kind === "write").map((e: { section: string; text: string }) => [e.section, e.text]),
      [
        ["2.1", "My own paragraph, edited."],
        ["2.2", "My rota problem, in my words."],
        ["2.3", "I met this goal in May."],
      ],
    );
    assert.match((await say("/log delete entry:7 confirm:yes")).join("\n"), /Entry #7 deleted: the write "My rota problem, in my words\."/);
    await say("/log forget confirm:yes");
    assert.equal(await h.db.entry.count({ where: { kind: "write" } }), 0);
  });
});

describe("/log draft final:yes: the copy to submit", () => {
  let h: Harness;
  const say = async (script: string) => (await replies(await h.run(script))).join("\n");
  beforeAll(async () => {
    h = await createHarness();
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00"\n/log problem text:"rota keeps being overridden"`);
  });
  afterAll(() => h.close());

  test("compiles though criteria are missing, and the reply says which an assessor would find missing", async () => {
    const out = await say("/log draft final:yes");
    assert.match(out, /The copy of Ana's M3\.37 leadership action plan and learning log to submit: \d+ words/);
    assert.match(
      out,
      /An assessor would find these criteria missing: 1\.1 \(own leadership strengths and limitations are identified\); 1\.2 \(.*\); 2\.1 \(.*\); 2\.3 \(.*\)\./,
    );
    assert.match(out, /Thin, by the draft's checklist: 2\.2/);
    assert.match(out, /\[file .*m337-final-ana-[\d-]+\.md\]/);
    const md = fileText(out.split("\n"));
    assert.ok(md.includes("rota keeps being overridden"));
    assert.ok(!md.includes("Prompt (remove before submission)"));
    const docx = await say("/log draft format:docx final:yes");
    assert.match(docx, /\[file .*m337-final-ana-[\d-]+\.docx\]/);
  });

  test("final: is for a document, not the evidence CSV; refused, nothing changes", async () => {
    const before = await h.snapshot();
    assert.match(await say("/log draft format:csv final:yes"), /Option final: the copy to submit is a document/);
    assert.deepEqual(await h.snapshot(), before);
  });
});
