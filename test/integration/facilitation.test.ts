import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

/** The body of a Markdown draft between one criterion's heading and the next heading of the same level or above. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`### ${heading}`);
  assert.ok(start >= 0, `no section ${heading}`);
  const rest = md.slice(start + 4);
  const end = rest.search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The checklist's status per criterion, in order. */
const checklist = (md: string) => [...md.matchAll(/^\| (\d\.\d) .*? \| (covered|thin|missing) \|/gm)].map((m) => `${m[1]} ${m[2]}`);

describe("/facilitation: the advisor's own log and the draft M5.37 facilitation log", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  const idOf = async (externalId: string) => (await h.db.person.findFirstOrThrow({ where: { externalId } })).id;
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(`${FIVE_MEMBER_SET}
/set advisor user:@Tia
/set programme start:2027-01-11 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:3
/log problem text:"ANA-PRIVATE handovers miss medication changes"
/log action text:"ANA-PRIVATE-ACTION trial a handover sheet" due:2027-01-29`);
  });
  afterAll(() => h.close());

  test("members and people outside the set are refused every /facilitation command, and nothing changes", async () => {
    for (const who of ["Ana", "Zed"]) {
      for (const line of ['/facilitation goal text:"x"', "/facilitation list", "/facilitation draft", "/facilitation delete entry:1"]) {
        const before = await h.snapshot();
        const out = await say(`as ${who}\n${line}`);
        assert.match(out[0]!, /Only the set's advisors can use \/facilitation/, `${who}: ${line}`);
        assert.deepEqual(await h.snapshot(), before);
      }
    }
  });

  test("an empty log: the draft prompts in place for every criterion and flags the hours under 12", async () => {
    const out = await say("as Sam\n/facilitation draft");
    assert.match(
      out.join("\n"),
      /Still thin or missing: 1\.1 missing, 2\.1 missing, 2\.2 missing, 2\.3 missing, 2\.4 missing, 3\.1 missing, 3\.2 missing, 3\.3 missing/,
    );
    assert.match(out.join("\n"), /under ILM M5\.37's minimum of 12 hours/);
    const md = readFileSync(fileOf(out)!, "utf8");
    const prompts: [string, RegExp][] = [
      ["Goals agreed with the client and stakeholders (1.1)", /\/facilitation goal text:"…" with:"…"/],
      ["The design of the intervention (2.1)", /\/facilitation design text:"…"[\s\S]*6 hours: under the unit's minimum of 12 hours/],
      ["Sessions, materials and resources (2.2)", /\/facilitation session meeting:N/],
      ["Records of delivery (2.3)", /\/meeting close/],
      ["Reviews of individuals' progress (2.4)", /\/review member:@NAME/],
      ["Feedback on my facilitation (3.1)", /\/facilitation feedback text:"…"/],
      ["Review of my own practice (3.2)", /\/facilitation reflect text:"…"/],
      ["My plan to improve (3.3)", /\/facilitation improve text:"…" due:/],
    ];
    for (const [heading, prompt] of prompts) {
      const body = section(md, heading);
      assert.match(body, /Prompt \(remove before submission\)/, heading);
      assert.match(body, prompt, heading);
    }
    assert.match(
      md,
      /\*\*Hours:\*\* 6 hours planned \(3 meetings\), 0 minutes delivered \(0 meetings held\): under the minimum of 12 hours/,
    );
  });

  test("entries are recorded, listed, edited and deleted by their author only; bad options change nothing", async () => {
    const out = await say(`as Sam
/facilitation goal text:"Cut handover errors by half" with:"Priya Shah, director of nursing"
/facilitation goal text:"Members question rather than advise"
/facilitation design text:"Three meetings of two hours, then four more"
/facilitation session text:"Open with a round of report-backs; question-stem cards"
/facilitation improve text:"Wait ten seconds before breaking a silence"`);
    assert.match(out[0]!, /Goal recorded for 1\.1 .* as facilitation entry #1\. Private to you/);
    assert.match(out[1]!, /Who did you agree it with\? \/facilitation edit entry:2 with:"…"/);
    assert.match(out[3]!, /Session plan recorded for 2\.2 .* #4 \(meeting 1\)/, "a session plan is for the next meeting by default");
    assert.match(out[4]!, /By when\? \/facilitation edit entry:5 due:/);

    for (const [line, reply] of [
      ["/facilitation edit entry:3 due:2027-05-01", /Option due: entry #3 is a design entry; only improvement entries take due:/],
      ["/facilitation edit entry:5 due:2027-01-01", /Option due: .* is in the past/],
      ["/facilitation edit entry:9 text:x", /You have no facilitation entry #9 in this set/],
      ["/facilitation session meeting:7 text:x", /Option meeting: there is no meeting 7/],
      ["/facilitation edit entry:2", /Say what to change in facilitation entry #2/],
    ] as const) {
      const before = await h.snapshot();
      assert.match((await say(line))[0]!, reply, line);
      assert.deepEqual(await h.snapshot(), before, line);
    }

    const edited = await say(`/facilitation edit entry:2 with:"the set, at its first meeting"
/facilitation edit entry:5 due:2027-05-11
/facilitation list`);
    assert.match(edited[0]!, /Facilitation entry #2 \(goal\) updated: who with/);
    assert.match(edited.join("\n"), /#5 .* · improve \(due Tue 11 May 2027\): Wait ten seconds before breaking a silence \(edited\)/);

    const asked = await say("/facilitation delete entry:3");
    assert.match(asked.join("\n"), /Delete this entry\?[\s\S]*#3 .* · design: Three meetings of two hours, then four more/);
    assert.equal(await h.db.facilitationEntry.count(), 5, "nothing is deleted before confirm:yes");
    assert.match((await say("/facilitation delete entry:3 confirm:yes"))[0]!, /Facilitation entry #3 deleted: the design/);
    await say('/facilitation design text:"Seven monthly meetings of two hours, 45 minutes a presenter"');

    const tia = await say("as Tia\n/facilitation list\n/facilitation edit entry:1 text:x");
    assert.match(tia[0]!, /Your facilitation log for this set is empty/, "a co-advisor sees none of Sam's entries");
    assert.match(tia[1]!, /You have no facilitation entry #1/);
  });

  test("the draft per criterion: hours from the meetings, records, reviews and feedback, and no member's private text", async () => {
    const ana = await idOf("Ana");
    const ben = await idOf("Ben");
    const sam = await idOf("Sam");
    const set = await h.db.learningSet.findFirstOrThrow({ where: { name: "Leading change" } });
    await h.run(`clock 2027-01-12T12:00Z
as Sam
/meeting close present:@Ana,@Ben,@Cleo,@Dev
/records note:"Meeting 1: the set agreed its ground rules"
/facilitation feedback text:"The sponsor said the first meeting felt rushed; I agree" with:"Priya Shah"
/facilitation reflect meeting:1 text:"I filled the silences too quickly"
/facilitation reflect text:"By the end I waited longer"`);
    const meeting1 = await h.db.meeting.findFirstOrThrow({ where: { setId: set.id, number: 1 } });
    // Reviews and feedback as the /review and /feedback commands store them (the draft reads the tables).
    const at = new Date("2027-01-20T10:00:00Z");
    await h.db.review.createMany({
      data: [
        { setId: set.id, advisorId: sam, memberId: ana, text: "SAM-REVIEW-ANA: your actions are specific", createdAt: at },
        {
          setId: set.id,
          advisorId: sam,
          memberId: ben,
          text: "SAM-REVIEW-BEN: break the action down",
          createdAt: at,
          reply: "BEN-REPLY-PRIVATE",
          repliedAt: at,
        },
      ],
    });
    await h.db.feedback.createMany({
      data: [
        { setId: set.id, authorId: null, about: "advisor", text: "ANONYMOUS-FEEDBACK: more challenge please", createdAt: at },
        { setId: set.id, authorId: ana, about: "advisor", text: "ANA-FEEDBACK: clear ground rules", createdAt: at },
        { setId: set.id, authorId: ben, about: "set", text: "BEN-SET-REVIEW: good questions", meetingId: meeting1.id, createdAt: at },
      ],
    });

    const before = await h.snapshot();
    const out = await say("as Sam\n/facilitation draft format:docx\n/facilitation draft");
    assert.deepEqual(await h.snapshot(), before, "the draft writes nothing");
    const md = readFileSync(fileOf(out.slice(out.findIndex((l) => l.includes("[file ")) + 1))!, "utf8");
    const zip = await JSZip.loadAsync(readFileSync(fileOf(out)!));
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");

    for (const text of [md, xml]) {
      assert.doesNotMatch(text, /ANA-PRIVATE/, "a member's entries never reach the advisor's draft");
      assert.doesNotMatch(text, /BEN-REPLY-PRIVATE/, "a reply stays private while its member does not share");
      assert.match(text, /Goal 1, agreed with Priya Shah, director of nursing \(recorded 4 Jan 2027\): Cut handover errors by half/);
      assert.match(text, /SAM-REVIEW-ANA: your actions are specific/);
      assert.match(text, /anonymous, 20 Jan 2027: ANONYMOUS-FEEDBACK: more challenge please/);
      assert.match(text, /Ana, 20 Jan 2027: ANA-FEEDBACK: clear ground rules/);
    }
    // Criterion by criterion, in the unit's order.
    const headings = [...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.slice(0, 8), [
      "Goals agreed with the client and stakeholders (1.1)",
      "The design of the intervention (2.1)",
      "Sessions, materials and resources (2.2)",
      "Records of delivery (2.3)",
      "Reviews of individuals' progress (2.4)",
      "Feedback on my facilitation (3.1)",
      "Review of my own practice (3.2)",
      "My plan to improve (3.3)",
    ]);
    assert.match(
      section(md, "The design of the intervention (2.1)"),
      /\| Planned \(meetings scheduled and held\) \| 3 \| 6 hours \|\n\| Delivered \(meetings held\) \| 1 \| 2 hours \|/,
    );
    assert.match(
      section(md, "Sessions, materials and resources (2.2)"),
      /#### Meeting 1, 12 Jan 2027 \(2 hours\)\n\nOpen with a round of report-backs/,
    );
    const records = section(md, "Records of delivery (2.3)");
    assert.match(records, /\| 1 \| 12 Jan 2027 \| 2 hours \| 4 of 5: Ana, Ben, Cleo, Dev \|/);
    assert.match(records, /12 Jan 2027: Meeting 1: the set agreed its ground rules/);
    assert.match(records, /After meeting 1 \(1 response\):\n\n- Ben, 20 Jan 2027: BEN-SET-REVIEW: good questions/);
    const reviews = section(md, "Reviews of individuals' progress (2.4)");
    assert.match(reviews, /\| Ana \| 2 \| 1 \| 0 \| 1, last 20 Jan 2027 \|/, "counts of Ana's log, never its text");
    assert.match(reviews, /Ben replied on 20 Jan 2027; the reply is theirs to share/);
    assert.match(reviews, /Cleo has no review from you yet: \/review member:@Cleo/);
    assert.match(
      section(md, "Feedback on my facilitation (3.1)"),
      /12 Jan 2027, from Priya Shah: The sponsor said the first meeting felt rushed; I agree/,
    );
    assert.match(section(md, "Review of my own practice (3.2)"), /12 Jan 2027 \(meeting 1\): I filled the silences too quickly/);
    assert.match(section(md, "My plan to improve (3.3)"), /\| 1 \| Wait ten seconds before breaking a silence \| 11 May 2027 \|/);
    assert.deepEqual(checklist(md), [
      "1.1 covered",
      "2.1 thin",
      "2.2 covered",
      "2.3 covered",
      "2.4 thin",
      "3.1 covered",
      "3.2 covered",
      "3.3 covered",
    ]);
    assert.match(md, /The meetings planned come to 6 hours: under ILM M5\.37's minimum of 12 hours/);

    const shared = readFileSync(fileOf(await say("as Ben\n/log share on\nas Sam\n/facilitation draft"))!, "utf8");
    assert.match(shared, /Ben's reply on 20 Jan 2027: BEN-REPLY-PRIVATE/, "shown once Ben shares");
    assert.doesNotMatch(shared, /ANA-PRIVATE/);
  });

  test("more meetings bring the design to 12 hours or over, and the flag goes", async () => {
    const md = readFileSync(
      fileOf(await say('as Sam\n/meeting schedule when:"2027-04-12 10:00" duration:2h every:monthly count:4\n/facilitation draft'))!,
      "utf8",
    );
    assert.match(md, /\*\*Hours:\*\* 14 hours planned \(7 meetings\), 2 hours delivered \(1 meeting held\): meets the minimum of 12 hours/);
    assert.doesNotMatch(md, /under ILM M5\.37's minimum/);
    assert.equal(checklist(md)[1], "2.1 covered");
  });

  test("set: names another set the advisor advises; a set they do not advise is refused", async () => {
    await h.run(
      'in #second\nas Sam\n/set create name:"Second set"\n/facilitation goal text:"SECOND-SET goal" with:"the sponsor"\nin #third\nas Zed\n/set create name:"Zed set"\nin #set',
    );
    const other = await say('as Sam\n/facilitation draft set:"second SET"');
    const md = readFileSync(fileOf(other)!, "utf8");
    assert.match(md, /reflective log \(ILM M5\.37\): Sam, Second set/);
    assert.match(md, /SECOND-SET goal/);
    assert.doesNotMatch(md, /Cut handover errors/);
    const before = await h.snapshot();
    const refused = await say('/facilitation draft set:"Zed set"');
    assert.match(
      refused[0]!,
      /Option set: you do not advise a set called "Zed set" here\. The sets you advise: "Leading change", "Second set"/,
    );
    assert.deepEqual(await h.snapshot(), before);
  });
});
