import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
import { suggest } from "../../src/app/suggest.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

describe("the draft, progress and records through the commands", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script));
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(`${FIVE_MEMBER_SET}
as Sam
/set programme start:2027-01-11 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" every:monthly count:2
/log strength text:"I stay calm when the ward is short-staffed"
/log problem text:"Handovers miss medication changes"
clock 2027-01-12T12:00Z
/log action text:"Trial a written handover sheet" due:2027-01-29
/log action text:"Brief the night team on the sheet"
/meeting close present:@Ana,@Ben,@Cleo,@Dev
as Ben
/log problem text:"Tickets fall between London and New York"`);
  });
  afterAll(() => h.close());

  test("a member gets their own draft as Markdown, .docx and CSV files", async () => {
    const md = await say("as Ana\n/log draft");
    assert.match(md[0]!, /^\[#set → Ana\] Draft M3\.37 learning log for Ana: \d+ words from 4 entries\./);
    const text = readFileSync(fileOf(md)!, "utf8");
    assert.match(text, /Leadership action plan/);
    assert.match(text, /Handovers miss medication changes/);
    assert.doesNotMatch(text, /Tickets fall between London and New York/, "nothing of Ben's");
    const docx = readFileSync(fileOf(await say("/log draft format:docx"))!);
    assert.equal(docx.subarray(0, 2).toString(), "PK", "a .docx is a zip file");
    const csv = readFileSync(fileOf(await say("/log draft format:csv"))!, "utf8");
    assert.match(csv.split("\r\n")[0]!, /^date,duration_minutes,category,text,criteria$/);
  });

  test("an advisor gets a member's draft only while the member shares", async () => {
    assert.match((await say("as Sam\n/log draft member:@Ana")).join("\n"), /Ana has not shared their log/);
    await h.run("as Ana\n/log share on");
    assert.ok(fileOf(await say("as Sam\n/log draft member:@Ana")));
    await h.run("as Ana\n/log share off");
    assert.match((await say("as Sam\n/log draft member:@Ana")).join("\n"), /Ana has not shared their log/);
    assert.match((await say("as Ben\n/log draft member:@Ana")).join("\n"), /You can only read your own entries/);
  });

  test("a member's draft asked for by an advisor is addressed to the advisor, naming the member", async () => {
    await h.run("as Ana\n/log share on");
    const out = await say("as Sam\n/log draft member:@Ana");
    await h.run("as Ana\n/log share off");
    const reply = out.join("\n");
    assert.match(reply, /The draft has \d+ words of Ana's own: M3\.37 suggests/);
    assert.match(reply, /No outcome recorded for 2 of Ana's 2 actions \(#\d+, #\d+\)/);
    assert.doesNotMatch(reply, /\byour\b/i, reply);
    const mine = (await say("as Ana\n/log draft")).join("\n");
    assert.match(mine, /The draft has \d+ words of your own/);
    assert.match(mine, /No outcome recorded for 2 of your 2 actions/);
  });

  test("progress gives counts and dates, never entry text", async () => {
    const out = (await say("as Sam\n/progress")).join("\n");
    assert.match(out, /Ana\n?.*\n?\s*actions 2 agreed, 0 with an outcome, 0 overdue/);
    assert.match(out, /last entry Tue 12 Jan 2027 \(4 in all\)/);
    assert.match(out, /meetings attended 1/);
    assert.doesNotMatch(out, /Handovers|handover sheet|London and New York/);
    h.clock.set(new Date("2027-02-01T09:00:00Z"));
    assert.match((await say("/progress member:@Ana")).join("\n"), /actions 2 agreed, 0 with an outcome, 1 overdue/);
    assert.match((await say("as Ana\n/progress")).join("\n"), /Only the set's advisors can use \/progress/);
  });

  test("records list meetings held, attendance, presenters, notes and undelivered reminders", async () => {
    assert.match((await say('as Sam\n/records note:"Ana and Ben paired well on questioning"')).join("\n"), /Note added/);
    const set = await h.db.learningSet.findFirstOrThrow();
    await h.db.outbox.create({
      data: {
        key: "k",
        kind: "presenter-prep",
        setId: set.id,
        payload: "{}",
        sendAt: new Date("2027-02-07T10:00:00Z"),
        staleAt: new Date("2027-02-09T10:00:00Z"),
        status: "failed",
        attempts: 5,
        lastError: "channel_not_found",
        createdAt: new Date(),
      },
    });
    const out = (await say("/records")).join("\n");
    assert.match(
      out,
      /Meetings held \(1\): Meeting 1 · Tue 12 Jan 2027, 10:00 GMT · 2h · attended 4\/5: Ana, Ben, Cleo, Dev · presented: Ana, Ben, Cleo/,
    );
    assert.match(out, /Advisor notes \(1\): .* Sam: Ana and Ben paired well on questioning/);
    assert.match(out, /Reminders not delivered \(1\): presenter-prep to the channel, due .*, 5 tries: channel_not_found/);
  });
});

describe("the draft's links, reviews and details through the commands", () => {
  let h: Harness;
  const say = async (script: string) => replies(await h.run(script)).join("\n");
  const draftOf = async (who: string) => readFileSync(fileOf(replies(await h.run(`as ${who}\n/log draft`)))!, "utf8");
  beforeAll(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(`${FIVE_MEMBER_SET}
as Sam
/set programme start:2027-01-11 end:2027-07-31
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:7`);
  });
  afterAll(() => h.close());

  test("/log goal answers with a SMART reading, as advice: the goal is kept as written", async () => {
    const vague = await say('as Ana\n/log goal text:"Be better at delegating"');
    assert.match(vague, /Goal recorded as entry #1 \(meeting 1\)\. .* It is Goal 1 in your draft: link actions to it with goal:1\./);
    assert.match(
      vague,
      /A SMART reading \(advice only; your goal is kept as you wrote it\): it seems to lack specific, measurable, time-bound\./,
    );
    assert.match(vague, /Time-bound: by when\? e\.g\. "by the end of June"/);
    assert.equal((await h.db.entry.findFirstOrThrow({ where: { number: 1 } })).text, "Be better at delegating");
    const smart = await say('/log goal text:"By the end of June, hand the weekly rota to two of my five band 6 nurses"');
    assert.match(smart, /It is Goal 2 in your draft.* it reads as specific, measurable and time-bound/);
  });

  test("actions link to a goal and a problem with support; 1.2 shows them under the goal with the due day as given", async () => {
    await h.run('as Ana\n/log problem text:"Handovers miss medication changes"');
    const out = await say(
      '/log action text:"Trial a written handover sheet" due:2027-03-16 goal:2 problem:1 support:"The matron, who chairs the ward meeting"',
    );
    assert.match(out, /Action recorded as action #4/);
    assert.doesNotMatch(out, /Link it to the goal/);
    const md = await draftOf("Ana");
    assert.match(md, /\| #4 Trial a written handover sheet \| 16 Mar 2027 \| The matron, who chairs the ward meeting \| still open \|/);
    assert.match(md, /Action #4 \(agreed 4 Jan 2027, due 16 Mar 2027, for Goal 2\): Trial a written handover sheet/);
    const plan = md.slice(md.indexOf("#### Goal 2"), md.indexOf("#### Help and support"));
    assert.match(plan, /Trial a written handover sheet/, "under Goal 2 in the plan");
    const list = await say("as Ana\n/log list");
    assert.match(list, /#4 .* · action \(for Goal 2, under Problem 1\): Trial a written handover sheet/);
    assert.match(list, /#3 .* · problem \(Problem 1\): Handovers miss medication changes/);
    assert.match(list, /#2 .* · goal \(Goal 2\): By the end of June/);
  });

  test("autocomplete offers the member's own goals and problems, numbered as their draft numbers them", async () => {
    const where = { platform: "console", workspaceId: "local", channelId: "set", userId: "Ana" };
    assert.deepEqual(await suggest(h.deps, where, "goals", ""), [
      { name: "Goal 1: Be better at delegating", value: 1 },
      { name: "Goal 2: By the end of June, hand the weekly rota to two of my five band 6 nurses", value: 2 },
    ]);
    assert.deepEqual(await suggest(h.deps, where, "problems", "hand"), [
      { name: "Problem 1: Handovers miss medication changes", value: 1 },
    ]);
    assert.deepEqual(await suggest(h.deps, { ...where, userId: "Ben" }, "goals", ""), [], "nobody else's");
  });

  test("a link to a goal or problem that does not exist is refused, naming what there is, and changes nothing", async () => {
    const before = await h.snapshot();
    assert.match(
      await say('as Ana\n/log action text:"x" goal:7'),
      /Option goal: there is no Goal 7; you have 2 \(Goal 1 to Goal 2, as your draft numbers them\)\./,
    );
    assert.match(
      await say('as Ben\n/log question text:"x" problem:1'),
      /Option problem: there is no Problem 1; you have no problem yet: record one with \/log problem text:"…"\./,
    );
    assert.match(await say('as Ana\n/log review goal:3 text:"x"'), /Option goal: there is no Goal 3/);
    assert.match(await say("as Ana\n/log edit entry:3 due:2027-04-01"), /Option due: entry #3 is a problem; only actions take due:\./);
    assert.match(
      await say("as Ana\n/log edit entry:4"),
      /Say what to change in entry #4: text:, due:, goal:, problem:, support:, source:, action: or effective:/,
    );
    assert.deepEqual(await h.snapshot(), before);
  });

  test("/log edit changes text, due date and links; no link is frozen", async () => {
    await h.run('as Ana\n/log question text:"Who owns the handover when you are not on shift?"');
    assert.match(await say("/log edit entry:5 problem:1"), /Entry #5 \(question\) updated: now under Problem 1\./);
    assert.match(await say("/log edit entry:4 goal:1 due:2027-03-20"), /Entry #4 \(action\) updated: due date, now for Goal 1\./);
    let md = await draftOf("Ana");
    assert.match(md, /\| #4 Trial a written handover sheet \| 20 Mar 2027 \|/);
    assert.ok(md.indexOf("#4 Trial a written handover sheet") < md.indexOf("#### Goal 2"), "now under Goal 1");
    assert.match(await say("as Ana\n/log edit entry:4 goal:0"), /goal link removed/);
    md = await draftOf("Ana");
    assert.match(md.slice(md.indexOf("#### Actions not yet linked to a goal")), /#4 Trial a written handover sheet/);
    await h.run("as Ana\n/log edit entry:4 goal:2");
  });

  test("/log action-learning entries form 2.1, with the facts the bot holds marked apart", async () => {
    const out = await say(
      'as Ana\n/log action-learning text:"Action learning is L = P + Q: the set asks questions instead of giving advice, on real problems."',
    );
    assert.match(out, /Recorded for 2\.1 \(action learning and my development\) as entry #6/);
    const md = await draftOf("Ana");
    const method = md.slice(md.indexOf("### Action learning and my development (2.1)"), md.indexOf("## Leadership log"));
    assert.match(method, /^Action learning is L = P \+ Q: the set asks questions instead of giving advice, on real problems\.$/m);
    assert.match(
      method,
      /Prompt \(remove before submission\):\*\* 2\.1 asks for three things; your entries do not yet seem to touch these 2\./,
    );
    assert.match(method, /Prompt \(remove before submission\):\*\* The responsibilities of a member of a set: /);
    assert.match(method, /> - Your set, Leading change: 5 members, with Sam as set advisor \(not a member of the set\)\./);
  });

  test("/log review goal:N puts the review under that goal in 2.3; a goal with no review keeps its prompt", async () => {
    h.clock.set(new Date("2027-07-14T09:00:00Z"));
    assert.match(
      await say('as Ana\n/log review goal:2 text:"The sheet is used on all four wards; I handed the rota to Priya in June."'),
      /Review recorded as entry #7/,
    );
    const md = await draftOf("Ana");
    const review = md.slice(md.indexOf("### Review of goals and improvement (2.3)"), md.indexOf("\n---\n"));
    const goal1 = review.slice(review.indexOf("#### Goal 1"), review.indexOf("#### Goal 2"));
    const goal2 = review.slice(review.indexOf("#### Goal 2"));
    assert.match(goal2, /^The sheet is used on all four wards; I handed the rota to Priya in June\.$/m);
    assert.match(goal2, /\| #4 Trial a written handover sheet \| no outcome recorded yet \| not recorded yet \|/);
    assert.match(goal1, /\/log review goal:1 text:"…"/);
    assert.match(md, /\| 2\.3 Improvements .* \| thin \| 1 of 2 goals reviewed \(1 review\)/);
  });

  test("/log details fills the header; private to the member (and their advisors while they share)", async () => {
    assert.match(await say("as Ana\n/log details"), /Learner registration number: not given \(registration:…\)/);
    const saved = await say('/log details registration:A1234567 centre:012345 centre_name:"Northgate College"');
    assert.match(saved, /Saved\./);
    assert.match(saved, /Centre name: Northgate College/);
    const md = await draftOf("Ana");
    assert.match(
      md,
      /- \*\*Learner registration number:\*\* A1234567\n- \*\*Centre number:\*\* 012345\n- \*\*Centre name:\*\* Northgate College\n- \*\*Unit:\*\* ILM M3\.37/,
    );
    assert.match(md, /- \*\*Declaration:\*\* By submitting I confirm that this assessment is my own work/);
    assert.doesNotMatch(await draftOf("Ben"), /A1234567/);
    assert.match(await say("as Sam\n/log details"), /Only members of the set|only for members/i);
    const exported = await say("as Ana\n/log export");
    assert.ok(exported);
  });

  test("a presenter's turn shows under 2.2; one with no problem logged is flagged with the command", async () => {
    h.clock.set(new Date("2027-07-14T09:00:00Z"));
    const set = await h.db.learningSet.findFirstOrThrow();
    const ben = await h.db.person.findFirstOrThrow({ where: { displayName: "Ben" } });
    const meeting = await h.db.meeting.findFirstOrThrow({ where: { setId: set.id, number: 1 } });
    await h.db.meeting.update({ where: { id: meeting.id }, data: { status: "closed", closedAt: meeting.startsAt } });
    await h.db.attendance.create({ data: { meetingId: meeting.id, personId: ben.id } });
    await h.db.presenterSlot.create({ data: { meetingId: meeting.id, personId: ben.id, position: 1, status: "presented" } });
    const md = await draftOf("Ben");
    assert.match(md, /You presented at meeting 1 \(12 Jan 2027\) but logged no problem for it: \/log problem meeting:1 text:"…"/);
    await h.run('as Ben\n/log problem meeting:1 text:"Tickets fall between London and New York"');
    const after = await draftOf("Ben");
    assert.match(after, /#### Problem 1: presented at meeting 1, 12 Jan 2027\n\nTickets fall between London and New York/);
    assert.doesNotMatch(after, /logged no problem for it/);
  });
});
