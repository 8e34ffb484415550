import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "vitest";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

/** The presenters line of /meeting next, e.g. "Ana, Ben, Cleo". */
async function nextPresenters(h: Harness, as = "Ana"): Promise<string> {
  const out = replies(await h.run(`as ${as}\n/meeting next`));
  const line = out.find((l) => l.trim().startsWith("Presenters:"));
  assert.ok(line, out.join("\n"));
  return line.trim().slice("Presenters: ".length);
}

describe("rotation through the commands, on a real database", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    // A week before meeting 1 the scheduler announces its presenters (the clock line runs its ticks).
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" duration:2h every:monthly count:4\nclock 2027-01-05T10:00Z`,
    );
  });
  afterEach(() => h.close());

  test("a 2-hour meeting with 30-minute slots and a 30-minute allowance has three presenters, in join order at first", async () => {
    assert.equal(await nextPresenters(h), "Ana, Ben, Cleo");
  });

  test("announced slots for the next meeting are kept when a member joins later", async () => {
    await h.run("as Sam\n/set add member:@Zoe");
    assert.equal(await nextPresenters(h), "Ana, Ben, Cleo");
  });

  test("a member who is removed gives their announced turn to the next in line", async () => {
    const out = replies(await h.run("as Sam\n/set remove member:@Ben"));
    assert.match(out.join("\n"), /Ben has left the set\. The set has 4 members\.\n.*Their turn at meeting 1 goes to the next in line/);
    assert.equal(await nextPresenters(h), "Ana, Cleo, Dev");
  });

  test("a presenter who skips is replaced now and presents first at the next meeting", async () => {
    const out = replies(await h.run("as Ben\n/rotation skip"));
    assert.match(out.join("\n"), /Ben will not present at meeting 1 .* owed the next turn\. Dev presents instead\./);
    assert.equal(await nextPresenters(h), "Ana, Cleo, Dev");
    h.clock.set(new Date("2027-01-12T12:00:00Z"));
    const closed = replies(await h.run("as Ana\n/meeting close"));
    assert.match(closed.join("\n"), /Next: Meeting 2 .* presenters: Ben, Eve, Ana/);
  });

  test("a member away over a meeting is not scheduled at it and is owed a turn on return", async () => {
    await h.run("as Ana\n/away until:2027-02-01");
    assert.equal(await nextPresenters(h, "Ben"), "Ben, Cleo, Dev");
    h.clock.set(new Date("2027-01-12T12:00:00Z"));
    const closed = replies(await h.run("as Ben\n/meeting close"));
    assert.match(closed.join("\n"), /4 members of 5 attended; Ben, Cleo, Dev presented\./);
    assert.match(closed.join("\n"), /Next: Meeting 2 .* presenters: Ana, Eve, Ben/);
  });

  test("away off puts a member back in line", async () => {
    await h.run("as Ana\n/away until:2027-02-01");
    const back = replies(await h.run("/away off"));
    assert.match(back.join("\n"), /Welcome back, Ana/);
    const again = replies(await h.run("/away off"));
    assert.match(again.join("\n"), /Ana is not marked as away/);
  });

  test("a swap exchanges two members' next turns and keeps the presenters of each meeting otherwise", async () => {
    const before = replies(await h.run("as Ana\n/rotation show count:2")).join("\n");
    assert.match(before, /Meeting 2 .* Dev, Eve, Ana \(expected\)/);
    const out = replies(await h.run("as Ben\n/rotation swap with:@Dev"));
    assert.match(out.join("\n"), /Ben now presents at meeting 2 .*, Dev at meeting 1/);
    const after = replies(await h.run("as Ana\n/rotation show count:2")).join("\n");
    assert.match(after, /Meeting 1 .* Ana, Dev, Cleo\n/);
    assert.match(after, /Meeting 2 .* Ben, Eve, Ana \(expected\)/);
  });

  test("pair partners present together in one slot", async () => {
    await h.run("as Sam\n/set remove member:@Dev\n/set remove member:@Eve\n/set add member:@Dev pair:ward\n/set add member:@Eve pair:ward");
    const show = replies(await h.run("as Ana\n/rotation show count:2")).join("\n");
    assert.match(show, /Meeting 2 .* Dev & Eve, Ana, Ben \(expected\)/);
  });

  test("the slot length sets how many present: 40-minute slots leave room for two in two hours", async () => {
    const out = replies(await h.run("as Sam\n/rotation slot minutes:40"));
    assert.match(out.join("\n"), /room for 2 presenters/);
    const show = replies(await h.run("as Ana\n/rotation show count:2")).join("\n");
    assert.match(show, /Meeting 1 .* Ana, Ben, Cleo\n/, "announced slots are kept");
    assert.match(show, /Meeting 2 .* Dev, Eve \(expected\)/);
  });

  test("closing without a next meeting alerts every advisor by DM", async () => {
    await h.run("as Sam\n/set advisor user:@Kim");
    for (const n of [2, 3, 4]) await h.run(`as Ana\n/meeting cancel meeting:${n}`);
    h.clock.set(new Date("2027-01-12T12:00:00Z"));
    const out = replies(await h.run("as Ana\n/meeting close present:@Ana,@Ben,@Cleo"));
    assert.match(out[0]!, /^\[#set\] Meeting 1 closed by Ana: 3 members of 5 attended; Ana, Ben, Cleo presented\./);
    assert.ok(out.some((l) => l.startsWith('[DM Sam] Set "Leading change": meeting 1')));
    assert.ok(out.some((l) => l.startsWith('[DM Kim] Set "Leading change": meeting 1')));
  });

  test("closing with next: schedules the next meeting and announces its presenters", async () => {
    for (const n of [2, 3, 4]) await h.run(`as Ana\n/meeting cancel meeting:${n}`);
    h.clock.set(new Date("2027-01-12T12:00:00Z"));
    const out = replies(await h.run('as Ana\n/meeting close next:"2027-02-09 10:00"'));
    assert.match(out.join("\n"), /Next: Meeting 5 · Tue 9 Feb 2027, 10:00 GMT · 2h · presenters: Dev, Eve, Ana/);
    assert.ok(!out.some((l) => l.startsWith("[DM")), "no alert when the next date is agreed");
  });

  test("a presenter who did not attend is marked missed and keeps their place in line", async () => {
    h.clock.set(new Date("2027-01-12T12:00:00Z"));
    await h.run("as Ana\n/meeting close present:@Ana,@Ben,@Dev,@Eve");
    const show = replies(await h.run("/rotation show count:1")).join("\n");
    assert.match(show, /Turns taken: Ana 1, Ben 1, Cleo 0, Dev 0, Eve 0/);
    assert.match(show, /Meeting 2 .* Cleo, Dev, Eve/);
  });
});
