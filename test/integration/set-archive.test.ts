import assert from "node:assert/strict";
import { afterAll, afterEach, beforeAll, beforeEach, describe, test } from "vitest";
import { commandKey } from "../../commands/define.ts";
import { allCommands, isCommandKey } from "../../commands/index.ts";
import { readConsoleMention } from "../../src/adapters/console/console-chat.ts";
import { executeCommand } from "../../src/app/dispatch.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness, replies } from "../support/harness.ts";

describe("renaming, archiving and reopening a set", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z");
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(() => h.close());

  test("an advisor renames the set; the channel is told and the name is kept exactly", async () => {
    const out = replies(await h.run('/set rename name:"Leading change — spring cohort"'));
    assert.deepEqual(out, ['[#set] Sam renamed the set "Leading change" to "Leading change — spring cohort".']);
    assert.equal((await h.db.learningSet.findFirstOrThrow()).name, "Leading change — spring cohort");
    const same = replies(await h.run('/set rename name:"Leading change — spring cohort"'));
    assert.match(same[0]!, /^\[#set → Sam\] The set is already called/);
  });

  test("archiving with meetings to come asks first and changes nothing; confirmed, it cancels them and stops reminders", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\nas Sam');
    const before = await h.snapshot();
    const asked = replies(await h.run("/set archive")).join("\n");
    assert.match(asked, /^\[#set → Sam\] Archiving "Leading change" cancels meetings 1, 2 and 3 /);
    assert.match(asked, /\[button set-archive-confirm: Archive the set\]/);
    assert.deepEqual(await h.snapshot(), before, "asking changes nothing");

    const done = replies(await h.run("click set-archive-confirm")).join("\n");
    assert.match(done, /^\[#set\] Sam archived the set "Leading change": it gets no more reminders and is read-only/);
    assert.match(done, /Meetings 1, 2 and 3 were cancelled\./);
    assert.deepEqual(
      (await h.db.meeting.findMany()).map((m) => m.status),
      ["cancelled", "cancelled", "cancelled"],
    );
    const later = replies(await h.run("clock 2027-03-01T09:00Z"));
    assert.deepEqual(later, ["[clock] Mon 1 Mar 2027, 09:00 GMT"], "no reminder of any kind, to anyone");
  });

  test("an archived set is read-only: views run, changes are refused and change nothing; unarchive reopens it", async () => {
    await h.run("/set archive");
    const info = replies(await h.run("as Ana\n/set info")).join("\n");
    assert.match(info, /Archived: since Mon 4 Jan 2027: read-only, no reminders/);
    const before = await h.snapshot();
    const refused = replies(await h.run('/meeting schedule when:"2027-01-12 10:00"'));
    assert.equal(refused.length, 1);
    assert.match(
      refused[0]!,
      /^\[#set → Ana\] The set "Leading change" is archived: .* \/meeting schedule does not run here\. .*\/set unarchive/,
    );
    assert.deepEqual(await h.snapshot(), before);

    const reopened = replies(await h.run("as Sam\n/set unarchive"));
    assert.match(reopened[0]!, /^\[#set\] Sam reopened the set "Leading change" \(archived since Mon 4 Jan 2027\)/);
    const again = replies(await h.run("/set unarchive"));
    assert.match(again[0]!, /is not archived/);
    const scheduled = replies(await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"'));
    assert.match(scheduled[0]!, /Ana scheduled a meeting/);
    const reminded = replies(await h.run("clock 2027-01-11T10:00Z")).join("\n");
    assert.match(reminded, /Meeting 1 is tomorrow/, "reminders resume after unarchive");
  });

  test("a reminder waiting for a retry is withdrawn when the set is archived", async () => {
    const set = await h.db.learningSet.findFirstOrThrow();
    const now = h.clock.now();
    const retry = { setId: set.id, payload: "{}", sendAt: now, staleAt: new Date(now.getTime() + 86_400_000), createdAt: now };
    await h.db.outbox.create({
      data: {
        ...retry,
        key: "k1",
        kind: "advisor-set-size",
        status: "pending",
        attempts: 1,
        nextAttemptAt: new Date(now.getTime() + 60_000),
      },
    });
    await h.db.outbox.create({ data: { ...retry, key: "k2", kind: "advisor-set-size", status: "sent", sentAt: now } });
    await h.run("/set archive");
    const rows = await h.db.outbox.findMany({ orderBy: { key: "asc" } });
    assert.deepEqual(
      rows.map((r) => [r.key, r.status, r.reason]),
      [
        ["k1", "skipped", "the set was archived"],
        ["k2", "sent", null],
      ],
    );
  });
});

describe("archived-set matrix: every command that changes a set is refused there, derived from the declarations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.run(
      `${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3\n/log action text:"An action"\nas Sam\n/set archive confirm:yes`,
    );
  });
  afterAll(() => h.close());

  const actorFor = { anyone: "Ana", participant: "Ana", member: "Ana", advisor: "Sam" } as const;
  const run = (actor: string, text: string) =>
    executeCommand(h.deps, handlers, {
      platform: "console",
      workspaceId: "local",
      channelId: "set",
      user: { externalId: actor, displayName: actor },
      readMention: readConsoleMention,
      text,
    });

  const needingSet = allCommands.filter((decl) => {
    const key = commandKey(decl);
    return isCommandKey(key) && handlers[key].needsSet;
  });
  const runsArchived = (d: (typeof needingSet)[number]) => d.readOnly || d.inArchivedSet;
  for (const decl of needingSet.filter((d) => !runsArchived(d))) {
    for (const example of decl.examples) {
      const actor = actorFor[decl.who];
      test(`${actor} running ${example} is refused and changes nothing`, async () => {
        const before = await h.snapshot();
        const result = await run(actor, example);
        assert.equal(result.ok, false, `/${commandKey(decl)} ran in an archived set`);
        assert.match(result.outgoing[0]!.reply.text, /is archived: it is read-only and gets no reminders/);
        assert.deepEqual(await h.snapshot(), before);
      });
    }
  }
  // The commands that still run, after the refusals: those that end the archive or Ana's membership go last.
  const last = ["log forget", "set unarchive"];
  const allowed = needingSet.filter(runsArchived).sort((a, b) => last.indexOf(commandKey(a)) - last.indexOf(commandKey(b)));
  for (const decl of allowed) {
    for (const example of decl.examples) {
      const actor = actorFor[decl.who];
      test(`${actor} running ${example} runs`, async () => {
        const result = await run(actor, example);
        assert.doesNotMatch(result.outgoing[0]?.reply.text ?? "", /is archived|Only/);
      });
    }
  }
});
