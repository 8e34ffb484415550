import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "als-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("npm run demo runs seven months for five members and writes every draft in three formats", async () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    encoding: "utf8",
    env: { ...process.env, DEMO_OUT: dir },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Demo: 5 members, 7 meetings, \d+ reminder DMs/);
  const files = run.stdout
    .split("\n")
    .filter((l) => l.startsWith("  "))
    .map((l) => l.trim());
  assert.equal(files.length, 15);
  for (const name of ["ana", "ben", "cleo", "dev", "eve"]) {
    for (const ext of ["md", "docx"])
      assert.ok(
        files.some((f) => f.endsWith(`m337-draft-${name}-2027-07-28.${ext}`)),
        `${name}.${ext}`,
      );
    assert.ok(files.some((f) => f.endsWith(`m337-evidence-${name}-2027-07-28.csv`)));
  }
  for (const f of files) assert.ok(existsSync(f), f);
  const transcript = readFileSync(join(dir, "demo-transcript.txt"), "utf8");
  assert.doesNotMatch(
    transcript,
    /Sorry, something went wrong|Not understood|is not valid|Missing option/,
    "every scripted command was accepted",
  );
  const docx = await JSZip.loadAsync(readFileSync(files.find((f) => f.endsWith("ana-2027-07-28.docx"))!));
  const xml = await docx.file("word/document.xml")!.async("string");
  assert.match(xml, /Night shift handovers keep missing medication changes/);
  assert.doesNotMatch(xml, /London office and my New York team/, "Ana's draft holds nothing of Ben's");
});
