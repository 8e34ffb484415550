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
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("runs seven months for five members and writes every draft in three formats", async () => {
    assert.match(stdout, /^Demo: 5 members, 7 meetings, \d+ reminder DMs/);
    assert.equal(files.length, 16, "15 drafts and the advisor's progress chart");
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
  });

  test("three members' drafts cover every criterion with nothing left to prompt; Cleo's period and Eve's gaps are flagged", () => {
    const checklist = (md: string) => [...md.matchAll(/^\| (\d\.\d) .*? \| (covered|thin|missing) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    for (const name of ["ana", "ben", "dev"]) {
      const md = examples(name);
      assert.deepEqual(checklist(md), ["1.1 covered", "1.2 covered", "2.1 covered", "2.2 covered", "2.3 covered"], name);
      const body = md.slice(0, md.indexOf("\n---\n"));
      assert.doesNotMatch(body, /Prompt \(remove before submission\)/, `${name}'s draft has no prompt left`);
      assert.match(body, /Period covered:\*\* 12 Jan 2027 to 13 Jul 2027 \(6 months and 2 days\).*meets the 6–12 months/);
      const words = Number(/Word count:\*\* ([\d,]+)/.exec(md)![1]!.replace(",", ""));
      assert.ok(words >= 1000 && words <= 2000, `${name}: ${words} words`);
    }
    assert.match(examples("cleo"), /Your own period in the set, 13 Apr 2027 to 13 Jul 2027, .* under the 6 months M3\.37 requires/);
    const eve = examples("eve");
    assert.deepEqual(checklist(eve), ["1.1 thin", "1.2 thin", "2.1 missing", "2.2 thin", "2.3 missing"]);
    assert.match(eve, /You presented at meeting 5 \(11 May 2027\) but logged no problem for it/);
    assert.match(eve, /Placed here by date, with no problem named: #\d+/);
    assert.match(eve, /Learner registration number:\*\* not given yet/);
  });
});
