import assert from "node:assert/strict";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test } from "vitest";
import { shardOf } from "../../src/adapters/discord/shard.ts";
import type { Delivery } from "../../src/app/render-nudge.ts";
import { planNudges } from "../../src/domain/reminders/planner.ts";
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, type NudgeSink } from "../../src/scheduler/deliver.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { loadNudgeState } from "../../src/store/nudge-state.ts";
import { type ClaimScope, claimDue, insertOutbox } from "../../src/store/outbox.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

const logger = pino({ level: "silent" });
const at = (iso: string) => new Date(iso);

/** A sink that fails the first `failures` tries of each message (Infinity: always), recording every try. */
function flakySink(failures: number) {
  const tries: string[] = [];
  const delivered: Delivery[] = [];
  const sink: NudgeSink = {
    async deliver(d) {
      const id = `${d.to.kind === "dm" ? d.to.displayName : `#${d.channelId}`}: ${d.reply.text}`;
      tries.push(id);
      if (tries.filter((t) => t === id).length <= failures) throw new Error("platform said 503");
      delivered.push(d);
    },
  };
  return { sink, tries, delivered };
}

describe("delivery: retried with back-off, never lost silently, never doubled", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-05T12:00:00Z");
    // One meeting, less than a week ahead (so its presenters are announced as it is scheduled); its 24-hour
    // channel post is due at 2027-01-11T10:00Z.
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00"`);
    await runTick({ db: h.db, logger }, flakySink(0).sink, at("2027-01-11T09:59:00Z"));
  });
  afterEach(() => h.close());

  const post = () => h.db.outbox.findFirstOrThrow({ where: { kind: "meeting-post" } });

  test("a reminder that fails twice is sent once, on the third try", async () => {
    const { sink, tries, delivered } = flakySink(2);
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:00:00Z"));
    assert.equal((await post()).status, "pending");
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:01:00Z")); // first retry after 1 minute
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:05:00Z")); // not yet: second retry waits 5 minutes
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:06:00Z"));
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T11:00:00Z"));
    const channelPosts = delivered.filter((d) => d.to.kind === "channel");
    assert.equal(channelPosts.length, 1);
    assert.equal(tries.filter((t) => t.startsWith("#set: Meeting 1 is tomorrow")).length, 3);
    const row = await post();
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 3);
  });

  test("a reminder that always fails ends failed with its error, and later ticks do not resend it", async () => {
    const { sink, tries } = flakySink(Infinity);
    let t = at("2027-01-11T10:00:00Z");
    for (let i = 0; i < 12; i++) {
      await runTick({ db: h.db, logger }, sink, t);
      t = new Date(t.getTime() + 60 * 60_000); // hourly: past every back-off step
    }
    const row = await post();
    assert.equal(row.status, "failed");
    assert.equal(row.attempts, MAX_ATTEMPTS);
    assert.equal(row.lastError, "platform said 503");
    const triesOfPost = tries.filter((x) => x.startsWith("#set: Meeting 1 is tomorrow")).length;
    assert.equal(triesOfPost, MAX_ATTEMPTS);
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T23:00:00Z"));
    assert.equal(tries.filter((x) => x.startsWith("#set: Meeting 1 is tomorrow")).length, triesOfPost);
  });

  test("after downtime, what is still relevant is caught up and what went stale is skipped with a reason", async () => {
    const { sink, delivered } = flakySink(0);
    // The bot was down from 2027-01-11 09:59 until after the meeting had started and been closed.
    h.clock.set(at("2027-01-12T12:00:00Z"));
    await h.run("as Ana\n/meeting close");
    await runTick({ db: h.db, logger }, sink, at("2027-01-12T15:00:00Z"));
    const rows = await h.db.outbox.findMany({ orderBy: { key: "asc" } });
    const post = rows.find((r) => r.kind === "meeting-post")!;
    assert.equal(post.status, "skipped");
    assert.match(post.reason ?? "", /^stale/);
    assert.ok(
      rows.filter((r) => r.kind === "presenter-prep").every((r) => r.status === "skipped"),
      "preparing for a meeting that has started is stale",
    );
    const followUps = rows.filter((r) => r.kind === "log-action" || r.kind === "log-problem");
    assert.equal(followUps.length, 5, "every attendee is asked for their actions");
    assert.equal(rows.filter((r) => r.kind === "log-problem").length, 3, "the presenters, who logged no problem, are asked for it first");
    assert.ok(followUps.every((r) => r.status === "sent"));
    assert.equal(delivered.length, 5);
  });

  test("a claim left by a process that died mid-delivery is taken back after its lease and sent once", async () => {
    await runTick({ db: h.db, logger }, { deliver: async () => {} }, at("2027-01-11T09:59:30Z"));
    await insertDueWithoutDelivering(h);
    const claimed = await claimDue(h.db, at("2027-01-11T10:00:00Z"), new Date(at("2027-01-11T10:00:00Z").getTime() + CLAIM_LEASE_MS));
    assert.equal(claimed.length, 1, "the dead process had claimed the channel post");
    const { sink, delivered } = flakySink(0);
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:05:00Z"));
    assert.equal(delivered.length, 0, "the lease still holds");
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:16:00Z"));
    assert.equal(delivered.filter((d) => d.to.kind === "channel").length, 1);
    assert.equal((await post()).status, "sent");
  });

  test("ticking the same moment twice sends nothing twice", async () => {
    const { sink, delivered } = flakySink(0);
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:00:00Z"));
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:00:00Z"));
    await runTick({ db: h.db, logger }, sink, at("2027-01-11T10:30:00Z"));
    assert.equal(delivered.filter((d) => d.to.kind === "channel").length, 1);
  });
});

/** Plans the 10:00 channel post into the outbox the way a tick does, without delivering it. */
async function insertDueWithoutDelivering(h: Harness): Promise<void> {
  const now = at("2027-01-11T10:00:00Z");
  const { state } = await loadNudgeState(h.db, now);
  const { due } = planNudges(state, { since: at("2027-01-11T09:59:30Z"), now });
  const post = due.find((n) => n.kind === "meeting-post")!;
  await h.db.outbox.create({
    data: {
      id: "dead-claim",
      key: post.key,
      kind: post.kind,
      setId: post.setId,
      payload: JSON.stringify({
        platform: "console",
        workspaceId: "local",
        channelId: "set",
        to: { kind: "channel" },
        reply: { text: "Meeting 1 is tomorrow" },
      }),
      sendAt: post.sendAt,
      staleAt: post.staleAt,
      status: "pending",
      createdAt: now,
    },
  });
}

test("a process claims only the reminders of its platforms and, for Discord, of guilds on its own shards", async () => {
  const h = await createHarness();
  try {
    const now = at("2027-01-11T10:00:00Z");
    // Real-sized snowflakes (beyond 2^53), one on each shard of two.
    const guilds = ["175928847299117063", "175928847303311367"];
    assert.deepEqual(
      guilds.map((g) => shardOf(g, 2)),
      [0, 1],
    );
    const sets: Record<string, string> = {};
    for (const [name, platform, externalId] of [
      ["shard0", "discord", guilds[0]!],
      ["shard1", "discord", guilds[1]!],
      ["slack", "slack", "T1"],
      ["console", "console", "elsewhere"],
    ] as const) {
      const workspace = await h.db.workspace.create({ data: { platform, externalId } });
      sets[name] = (
        await h.db.learningSet.create({ data: { workspaceId: workspace.id, channelId: `C-${name}`, name, timeZone: "UTC" } })
      ).id;
    }
    const rows = Object.entries(sets).map(([name, setId]) => ({
      id: `row-${name}`,
      key: `k-${name}`,
      kind: "test",
      setId,
      personId: null,
      payload: "{}",
      sendAt: now,
      staleAt: at("2027-01-12T10:00:00Z"),
      status: "pending" as const,
      reason: null,
    }));
    assert.equal((await insertOutbox(h.db, rows, now)).length, 4);
    const claim = async (scope: ClaimScope) => (await claimDue(h.db, now, at("2027-01-11T10:15:00Z"), scope)).map((r) => r.key).sort();
    assert.deepEqual(await claim({ platforms: ["discord"], discordShards: { count: 2, ids: [1] } }), ["k-shard1"]);
    assert.deepEqual(
      await claim({ platforms: ["slack", "discord"], discordShards: { count: 2, ids: [1] } }),
      ["k-slack"],
      "shard 0 stays for its own process",
    );
    assert.deepEqual(await claim({ platforms: ["discord"], discordShards: { count: 2, ids: [0] } }), ["k-shard0"]);
    assert.deepEqual(await claim({ platforms: [] }), []);
    assert.deepEqual(await claim({ platforms: ["console"] }), ["k-console"]);
  } finally {
    await h.close();
  }
});
