import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, test } from "vitest";
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
