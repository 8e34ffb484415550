import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, type Harness, replies } from "../support/harness.ts";
import { darkPixels, decodePng } from "../support/png.ts";

/** The files a transcript shows, with the text alternative printed under each. */
function filesOf(lines: string[]): { path: string; alt: string | undefined }[] {
  const out: { path: string; alt: string | undefined }[] = [];
  lines.forEach((line, i) => {
    const file = /^ {2}\[file (.+)\]$/.exec(line);
    if (file) out.push({ path: file[1]!, alt: /^ {4}alt: (.*)$/.exec(lines[i + 1] ?? "")?.[1] });
  });
  return out;
}

/**
 * `/progress` attaches a PNG chart whose content follows the set's data, with a text alternative; the advisor alone
 * gets it, and it holds counts and dates, never a member's words. Two sets: Sam's "Leading change" (Ana, Ben, Cleo;
 * two meetings held) in #set and Zed's "Night shift" (Dev, Eve; one meeting held) in #other.
 */
describe("the progress chart through the console", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(
      [
        "as Sam",
        '/set create name:"Leading change"',
        "/set add member:@Ana",
        "/set add member:@Ben",
        "/set add member:@Cleo",
        "as Ana",
        '/meeting schedule when:"2027-01-12 10:00" every:monthly count:3',
        '/log action text:"Call both leads" due:2027-01-20',
        "/log share on",
        "clock 2027-01-12T12:00Z",
        "/meeting close present:@Ana,@Ben",
        '/log action text:"Draft the handover sheet" due:2027-02-01',
        "in #other",
        "as Zed",
        '/set create name:"Night shift"',
        "/set add member:@Dev",
        "/set add member:@Eve",
        "as Dev",
        '/meeting schedule when:"2027-01-20 18:00" every:monthly count:2',
        '/log action text:"Ask the ward manager" due:2027-01-25',
        "clock 2027-01-20T20:00Z",
        "/meeting close present:@Dev",
        "in #set",
        "clock 2027-02-12T12:00Z",
        "as Ana",
        "/meeting close present:@Ana,@Cleo",
      ].join("\n"),
    );
  });
  afterAll(() => h.close());

  test("the advisor gets one PNG of the members by meetings, its text alternative under it and in the reply", async () => {
    const out = await say("in #set\nas Sam\n/progress");
    assert.match(out[0]!, /^\[#set → Sam\] Progress in "Leading change" \(chart attached\)\.$/);
    const files = filesOf(out);
    assert.equal(files.length, 1, "one file");
    const { path, alt } = files[0]!;
    assert.equal(basename(path), "progress-leading-change-2027-02-12.png");
    assert.equal(
      alt,
      'Progress chart for "Leading change": 3 members by 2 meetings held, showing attendance, presenter turns, actions agreed, outcomes recorded and overdue actions per meeting. ' +
        "Ana: attended 2 of 2, presented 2, 2 actions agreed, 0 outcomes recorded, 2 overdue; " +
        "Ben: attended 1 of 2, presented 1, 0 actions agreed, 0 outcomes recorded, 0 overdue; " +
        "Cleo: attended 1 of 2, presented 1, 0 actions agreed, 0 outcomes recorded, 0 overdue.",
    );
    assert.equal(out[1]!.trim(), alt, "the reply carries the same summary");
    const image = decodePng(readFileSync(path));
    assert.ok(image.width >= 600 && image.height > 300, `${image.width}×${image.height}`);
    assert.ok(darkPixels(image) > 500, "drawn, not blank");
    assert.doesNotMatch(out.join("\n"), /Call both leads|handover sheet|Ask the ward manager/, "counts and dates, never entry text");
  });

  test("another set's chart follows its own data: different members, meetings and image", async () => {
    const mine = filesOf(await say("in #set\nas Sam\n/progress"))[0]!;
    const out = await say("in #other\nas Zed\n/progress");
    const theirs = filesOf(out)[0]!;
    assert.equal(basename(theirs.path), "progress-night-shift-2027-02-12.png");
    assert.match(theirs.alt!, /"Night shift": 2 members by 1 meeting held/);
    assert.match(theirs.alt!, /Dev: attended 1 of 1, presented 1, 1 action agreed, 0 outcomes recorded, 1 overdue; Eve: attended 0 of 1/);
    assert.doesNotMatch(out.join("\n"), /Ana|Ben|Cleo/);
    const a = decodePng(readFileSync(mine.path));
    const b = decodePng(readFileSync(theirs.path));
    assert.ok(a.height > b.height, "three members' bands are taller than two");
    assert.notDeepEqual(readFileSync(mine.path), readFileSync(theirs.path));
  });

  test("/progress member: attaches that member's timeline", async () => {
    const out = await say("in #set\nas Sam\n/progress member:@Ana");
    assert.match(out[0]!, /Progress of Ana in "Leading change" \(chart attached\)/);
    const files = filesOf(out);
    assert.equal(files.length, 1);
    assert.equal(basename(files[0]!.path), "progress-leading-change-ana-2027-02-12.png");
    assert.equal(
      files[0]!.alt,
      'Timeline of Ana in "Leading change" over 2 meetings held, showing attendance, presenter turns, actions agreed, outcomes recorded and overdue actions per meeting. Ana: attended 2 of 2, presented 2, 2 actions agreed, 0 outcomes recorded, 2 overdue.',
    );
    assert.doesNotMatch(out.join("\n"), /Ben|Cleo/);
    decodePng(readFileSync(files[0]!.path));
  });

  test("a member asking gets the refusal they always got, and no chart, of the set or of another member", async () => {
    for (const line of ["/progress", "/progress member:@Ben", "/progress member:@Ana"]) {
      const out = await say(`in #set\nas Ana\n${line}`);
      assert.match(out.join("\n"), /Only the set's advisors can use \/progress\. Advisors: Sam\./, line);
      assert.deepEqual(filesOf(out), [], `${line}: no file`);
    }
    const elsewhere = await say("in #other\nas Sam\n/progress");
    assert.deepEqual(filesOf(elsewhere), [], "not another set's chart either");
  });
});
