import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, test } from "vitest";
import { ADVISOR_FEEDBACK_HEADING } from "../../src/domain/draft/advisor-feedback.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

const fileOf = (out: string[]) =>
  out
    .find((l) => l.trim().startsWith("[file "))
    ?.trim()
    .slice(6, -1);

/** Ana's private entry: it must never reach an advisor unless she shares. */
const SECRET = "My manager undermines me in front of the team";

const SETUP = `${FIVE_MEMBER_SET}
as Ana
/meeting schedule when:"2027-01-12 10:00" duration:2h every:weekly count:8
/log problem text:"${SECRET}"`;

/** Every test starts from the same set: five members, eight weekly meetings, Ana's private problem. */
let h: Harness;
const say = async (script: string) => replies(await h.run(script)).join("\n");
beforeEach(async () => {
  h = await createHarness("2027-01-04T09:00:00Z");
  await h.run(SETUP);
});
afterEach(() => h.close());

describe("/review: an advisor's review of a member's progress", () => {
  test("advisor-only commands are refused to members, and members-only ones to advisors, changing nothing", {
    timeout: 120_000,
  }, async () => {
    await h.run('as Sam\n/review member:@Ana text:"Good start"');
    const before = await h.snapshot();
    const refusals: [string, string, RegExp][] = [
      ["Ben", '/review member:@Ana text:"Well done"', /^\[#set → Ben\] Only the set's advisors can use \/review\. Advisors: Sam\.$/],
      ["Ben", '/review edit member:@Ana text:"x"', /Only the set's advisors can use \/review edit\./],
      ["Ben", "/review delete member:@Ana", /Only the set's advisors can use \/review delete\./],
      ["Ben", "/set reviews every:2", /Only the set's advisors can use \/set reviews\./],
      ["Sam", '/review reply text:"x"', /Only members of the set can use \/review reply\. Advisors facilitate the set/],
      ["Sam", '/feedback text:"x"', /Only members of the set can use \/feedback\. Advisors facilitate the set/],
      ["Sam", "/feedback withdraw", /Only members of the set can use \/feedback withdraw\./],
      ["Zed", "/review list", /Only the set's members and advisors can use \/review list\./],
      ["Zed", "/feedback list", /Only the set's members and advisors can use \/feedback list\./],
    ];
    for (const [who, line, expected] of refusals) assert.match(await say(`as ${who}\n${line}`), expected, line);
    assert.match(
      await say('as Sam\n/review member:@Sam text:"x"'),
      /Option member: Sam is not a member of this set \(they are an advisor\)/,
    );
    assert.match(await say("as Ben\n/review list member:@Ana"), /Option member: you can list only your own reviews/);
    assert.deepEqual(await h.snapshot(), before);
  });

  test("the member gets it by DM, it is in their draft (Markdown and .docx) attributed and dated, and they may reply once", async () => {
    const sent = await say('as Sam\n/review member:@Ana text:"Your actions are specific; bring evidence of the rota change"');
    assert.match(
      sent,
      /\[DM Ana\] Sam, your set advisor in "Leading change", reviewed your action plan and progress:\n {2}Your actions are specific; bring evidence of the rota change\n/,
    );
    assert.match(sent, /\/review reply review:1 text:"…"/, "the DM says how to reply to this review");
    assert.match(sent, /\[button review-reply-1: Reply to this review\]/);
    // The console has no forms: the button's answer is the command to type, with the review's number.
    assert.match(
      await say("as Ana\nclick review-reply-1"),
      /Missing option text: \(Your reflection \(up to 2000 characters\)\)\. Type: \/review reply review:1 text:"…"\n/,
    );
    assert.match(sent, /\[#set → Sam\] Review sent to Ana by DM/);
    assert.doesNotMatch(sent, /\[DM Ben\]/);

    const replied = await say('clock 2027-01-05T10:00Z\nas Ana\n/review reply text:"I will ask the leads for the rota in writing"');
    assert.match(replied, /Your reply to review 1 \(Mon 4 Jan 2027\) is stored under it in your draft log/);
    assert.match(await say('/review reply text:"again"'), /You have replied to every review you have had: each takes one reply\./);
    assert.match(await say('/review reply review:1 text:"again"'), /You replied to review 1 on Tue 5 Jan 2027: a review takes one reply\./);
    assert.match(
      await say('/review reply review:3 text:"x"'),
      /Option review: there is no review 3 for you \(the reviews are numbered 1; see \/review list\)\./,
    );

    const md = readFileSync(fileOf(replies(await h.run("/log draft")))!, "utf8");
    const section = md.slice(md.indexOf(`### ${ADVISOR_FEEDBACK_HEADING}`));
    assert.ok(md.includes(`### ${ADVISOR_FEEDBACK_HEADING}`), "the draft has the section");
    assert.match(
      section,
      /#### From Sam, my set advisor, 4 Jan 2027\n\nYour actions are specific; bring evidence of the rota change\n\nMy reflection \(5 Jan 2027\): I will ask the leads for the rota in writing/,
    );
    const docx = await JSZip.loadAsync(readFileSync(fileOf(replies(await h.run("/log draft format:docx")))!));
    const xml = await docx.file("word/document.xml")!.async("string");
    for (const text of [
      ADVISOR_FEEDBACK_HEADING,
      "From Sam, my set advisor, 4 Jan 2027",
      "bring evidence of the rota change",
      "I will ask the leads",
    ])
      assert.ok(xml.includes(text), `the .docx has "${text}"`);
    // The member has no command that edits it: /log edit works on their own entries only.
    assert.match(await say("/log edit entry:2 text:changed"), /entry|Entry/);
    assert.equal((await h.db.review.findFirstOrThrow()).text, "Your actions are specific; bring evidence of the rota change");
  });

  test("the advisor edits and deletes only their own reviews; another advisor cannot", async () => {
    await h.run(
      'as Sam\n/set advisor user:@Tom\n/review member:@Ana text:"First"\nclock 2027-01-05T09:00Z\n/review member:@Ana text:"Second"',
    );
    assert.match(await say('as Tom\n/review edit member:@Ana text:"Mine now"'), /There is no review of Ana by you to act on yet/);
    assert.match(
      await say('/review edit member:@Ana review:1 text:"Mine now"'),
      /Review 1 of Ana is another advisor's: only its author can edit it\./,
    );
    assert.match(await say("/review delete member:@Ana review:2"), /only its author can delete it/);
    const edited = await say('as Sam\n/review edit member:@Ana review:1 text:"First, revised"');
    assert.match(edited, /\[DM Ana\] Sam edited their review of Mon 4 Jan 2027 in "Leading change"; it now reads:\n {2}First, revised/);
    const deleted = await say("/review delete member:@Ana");
    assert.match(deleted, /Review 2 of Ana deleted; they have been told by DM\./);
    const rows = await h.db.review.findMany();
    assert.deepEqual(
      rows.map((r) => [r.text, r.editedAt?.toISOString() ?? null]),
      [["First, revised", "2027-01-05T09:00:00.000Z"]],
    );
    const draft = readFileSync(fileOf(replies(await h.run("as Ana\n/log draft")))!, "utf8");
    assert.match(draft, /From Sam, my set advisor, 4 Jan 2027, edited 5 Jan 2027\n\nFirst, revised/);
    assert.doesNotMatch(draft, /Second/);
  });

  test("review numbers are stable: deleting one leaves the others' numbers, and its number is never given again", async () => {
    await h.run('as Sam\n/review member:@Ana text:"One"\n/review member:@Ana text:"Two"\n/review member:@Ana text:"Three"');
    assert.match(await say("/review delete member:@Ana review:2"), /Review 2 of Ana deleted/);
    assert.match(await say('/review edit member:@Ana review:3 text:"Three, revised"'), /Review 3 of Ana edited/);
    assert.match(
      await say("/review delete member:@Ana review:2"),
      /Option review: there is no review 2 of Ana by you \(the reviews are numbered 1, 3;/,
    );
    await h.run("/review delete member:@Ana review:3");
    await h.run('/review member:@Ana text:"Four"');
    const list = await say("/review list member:@Ana");
    assert.match(list, /Review 1 · [^\n]*: One\n/);
    assert.match(list, /Review 4 · [^\n]*: Four\n/);
    assert.doesNotMatch(list, /Review [23] ·/);
    assert.match(await say('as Ana\n/review reply review:4 text:"Noted"'), /Your reply to review 4 /);
  });

  test("/progress and /review list show when each member was last reviewed, never a member's private words", {
    timeout: 120_000,
  }, async () => {
    await h.run(
      'as Sam\n/review member:@Ana text:"Good start"\nas Ana\n/review reply text:"Private reflection on the review"\nclock 2027-01-06T09:00Z',
    );
    const progress = await say("as Sam\n/progress");
    assert.match(progress, /Ana: actions 0 agreed[^\n]*\n(?: {4}[^\n]*\n)* {4}last reviewed Mon 4 Jan 2027 \(\/review\)/);
    assert.match(progress, /Ben: actions 0 agreed[^\n]*\n(?: {4}[^\n]*\n)* {4}last reviewed never/);
    const list = await say("/review list");
    assert.match(
      list,
      /Ana: last reviewed Mon 4 Jan 2027, 1 review in all\n {4}Review 1 · Mon 4 Jan 2027 by Sam: Good start\n {6}replied Mon 4 Jan 2027 \(its text is theirs unless they share\)/,
    );
    assert.match(list, /Ben: never reviewed\n {4}Review with \/review member:@Ben text:"…"/);
    for (const out of [progress, list]) {
      assert.ok(!out.includes(SECRET), "no private entry text");
      assert.ok(!out.includes("Private reflection"), "no reply text while Ana does not share");
    }
    await h.run("as Ana\n/log share setting:on");
    assert.match(await say("as Sam\n/review list member:@Ana"), /reply Mon 4 Jan 2027: Private reflection on the review/);
    assert.match(
      await say("as Ana\n/review list"),
      /Your reviews: Review 1 · Mon 4 Jan 2027 by Sam: Good start\n {6}reply Mon 4 Jan 2027: Private reflection/,
    );
  });
});

describe("/feedback: named or anonymous, listed by advisors", () => {
  test("anonymous feedback stores no author: no row anywhere links Ana to it, and it cannot be withdrawn", async () => {
    const ana = await h.db.person.findFirstOrThrow({ where: { externalId: "Ana" } });
    const before = await h.snapshot();
    const text = "The advisor talks over the quiet ones";
    const out = await say(`as Ana\n/feedback text:"${text}" about:advisor anonymous:yes`);
    assert.match(
      out,
      /stored anonymously: no name is kept with it, not even by the bot, so nobody \(you included\) can withdraw or change it\./,
    );
    const after = await h.snapshot();
    // The only change in the whole database is one Feedback row, with no author.
    for (const table of Object.keys(after)) {
      if (table === "Feedback") continue;
      assert.deepEqual(after[table], before[table], `${table} unchanged`);
    }
    assert.equal(after.Feedback?.length, 1, "one Feedback row");
    assert.deepEqual(
      (await h.db.feedback.findMany()).map((f) => [f.authorId, f.about, f.text]),
      [[null, "advisor", text]],
    );
    // And no row of any table holding the text names Ana in any way.
    for (const [table, rows] of Object.entries(after))
      for (const row of rows) {
        const json = JSON.stringify(row);
        if (!json.includes(text)) continue;
        for (const mark of [ana.id, ana.externalId, ana.displayName]) assert.ok(!json.includes(mark), `${table} row names Ana: ${json}`);
      }
    assert.match(
      await say("/feedback withdraw"),
      /You have no feedback under your name to withdraw\. Anonymous feedback cannot be withdrawn: it has no author\./,
    );
    assert.match(await say("/feedback list"), /You have given no feedback under your name\. Anonymous feedback is not listed/);
    // Through a week of ticks (the advisor's digest counts it), still nothing names her.
    await h.run("clock 2027-01-11T10:00Z");
    for (const [table, rows] of Object.entries(await h.snapshot()))
      for (const row of rows) {
        const json = JSON.stringify(row);
        if (json.includes(text)) assert.ok(!json.includes(ana.id) && !json.includes("Ana"), `${table} row names Ana`);
      }
    const digest = (await h.db.outbox.findFirstOrThrow({ where: { kind: "advisor-digest" } })).payload;
    assert.match(digest, /New feedback since last week: 0 about the set, 1 about you/);
    assert.ok(!digest.includes(text) && !digest.includes(SECRET), "the digest carries no feedback or entry text");
  });

  test("named feedback: listed for advisors newest first with names, the member sees and withdraws only their own", async () => {
    await h.run(
      'as Ana\n/feedback text:"Good questions"\nclock 2027-01-05T09:00Z\nas Ben\n/feedback text:"Too long" about:advisor\nclock 2027-01-06T09:00Z\nas Cleo\n/feedback text:"Kinder please" anonymous:yes',
    );
    const list = await say("as Sam\n/feedback list");
    assert.match(
      list,
      /Feedback in "Leading change", newest first:\n {2}Wed 6 Jan 2027 · about the set · anonymous: Kinder please\n {2}Tue 5 Jan 2027 · about the advisor · Ben: Too long\n {2}Mon 4 Jan 2027 · about the set · Ana: Good questions/,
    );
    assert.ok(!list.includes(SECRET));
    const own = await say("as Ana\n/feedback list");
    assert.match(own, /Feedback 1 · Mon 4 Jan 2027 · about the set: Good questions/);
    assert.doesNotMatch(own, /Too long|Kinder please/);
    assert.match(await say("/feedback withdraw feedback:2"), /Option feedback: you have feedback 1 to 1/);
    assert.match(await say("/feedback withdraw"), /Feedback 1 \(Mon 4 Jan 2027\) withdrawn: it is deleted\./);
    assert.deepEqual(
      (await h.db.feedback.findMany({ orderBy: { createdAt: "asc" } })).map((f) => f.text),
      ["Too long", "Kinder please"],
    );
    assert.match(await say('/feedback text:"x" about:teacher'), /Option about/);
  });
});

describe("set learning reviews: every N meetings held, closing one asks each member by DM", () => {
  /** Closes meeting N (weekly from 12 Jan) as Dev and lets the next minutes' ticks run; the transcript. */
  const closeMeeting = (n: number) => {
    const day = new Date(Date.parse("2027-01-12T12:05:00Z") + (n - 1) * 7 * 86_400_000);
    const later = new Date(day.getTime() + 5 * 60_000);
    return say(`clock ${day.toISOString()}\nas Dev\n/meeting close\nclock ${later.toISOString()}`);
  };
  const asked = (out: string) =>
    out
      .split("\n")
      .filter((l) => /^\[DM \w+\] Meeting \d+ of "Leading change" has closed, and it is time for a short set review/.test(l))
      .map((l) => l.slice(4, l.indexOf("]")))
      .sort();

  test("by default at the 3rd close and not at the 1st or 2nd; every member, present or not; once per meeting", {
    timeout: 120_000,
  }, async () => {
    assert.deepEqual(asked(await closeMeeting(1)), []);
    assert.deepEqual(asked(await closeMeeting(2)), []);
    await h.run("as Sam\n/set advisor user:@Tom");
    const third = await closeMeeting(3);
    assert.match(third, /That makes 3 meetings held: time for a short set learning review\./);
    assert.deepEqual(asked(third), ["Ana", "Ben", "Cleo", "Dev", "Eve"], "members only, not the advisors");
    assert.match(third, /\[button feedback-give: Give feedback\]/);
    assert.match(third, /\[button stop-set-review: Stop these\]/);
    // Feedback given now answers that review.
    await h.run('as Ben\n/feedback text:"We run late" anonymous:yes');
    assert.deepEqual(asked(await closeMeeting(4)), []);
    const set = await h.db.learningSet.findFirstOrThrow();
    const m3 = await h.db.meeting.findFirstOrThrow({ where: { number: 3 } });
    const rows = await h.db.outbox.findMany({ where: { kind: "set-review" } });
    assert.equal(rows.length, 5);
    assert.ok(rows.every((r) => r.key.startsWith(`set-review:${set.id}:`) && r.key.endsWith(`:${m3.id}:1`)));
    assert.equal((await h.db.feedback.findFirstOrThrow()).meetingId, m3.id);
  });

  test("/set reviews every:2 asks at the 2nd and 4th; every:off stops it", { timeout: 120_000 }, async () => {
    assert.match(
      await say("as Sam\n/set reviews"),
      /Set learning reviews: every 3 meetings held \(0 meetings held so far\)\. The next opens when the 3rd meeting held is closed\./,
    );
    assert.match(await say("/set reviews every:2"), /\[#set\] Sam set the set learning reviews to every 2 meetings held\./);
    assert.equal((await h.db.learningSet.findFirstOrThrow()).reviewEvery, 2);
    assert.deepEqual(asked(await closeMeeting(1)), []);
    assert.equal(asked(await closeMeeting(2)).length, 5);
    assert.match(await say("as Sam\n/set reviews every:off"), /set learning reviews to off\. Closing a meeting no longer asks/);
    assert.equal((await h.db.learningSet.findFirstOrThrow()).reviewEvery, null);
    const fourth = (await closeMeeting(3)) + (await closeMeeting(4));
    assert.deepEqual(asked(fourth), []);
    assert.doesNotMatch(fourth, /set learning review/);
    assert.match(await say("as Sam\n/set reviews every:off"), /already off/);
    assert.match(await say("/set reviews every:13"), /Option every/);
  });
});
