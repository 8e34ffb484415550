/**
 * Meetings' platform events through the outbox, on a real database (SQLite, then PostgreSQL): queued by the command
 * that changes a meeting and only then, superseded while waiting, written once, retried, and given up at once (with
 * the advisors told once) when the platform lacks a permission. The platform is a stand-in sink recording each write;
 * the Discord adapter's own writes are tested against the fake Discord (test/adapters/discord-events.test.ts).
 */
import assert from "node:assert/strict";
import { pino } from "pino";
import { afterEach, beforeEach, describe, test } from "vitest";
import type { Delivery, EventWrite } from "../../src/app/destination.ts";
import { deliverDue, type NudgeSink, RETRY_DELAYS_MS } from "../../src/scheduler/deliver.ts";
import { type EventRef, MissingPermission } from "../../src/scheduler/event-writes.ts";
import { createHarness, FIVE_MEMBER_SET, type Harness } from "../support/harness.ts";

const logger = pino({ level: "silent" });

/** A platform with events: each write recorded; `fail` decides, per write, to throw instead. */
function eventPlatform() {
  const writes: { event: EventWrite["event"]; had: string | null }[] = [];
  const dms: string[] = [];
  const events = new Map<string, EventWrite["event"]>();
  let fail: (() => Error | null) | null = null;
  const sink: NudgeSink = {
    async deliver(d: Delivery) {
      dms.push(`${d.to.kind === "dm" ? d.to.displayName : d.to.kind}: ${d.reply.text}`);
      return `m${dms.length}`;
    },
    async writeEvent(write: EventWrite, ref: EventRef) {
      const error = fail?.();
      if (error) throw error;
      writes.push({ event: write.event, had: ref.id });
      // As Discord's adapter: a cancellation or completion of an event never created has nothing to write.
      if (!ref.id && write.event.status !== "scheduled") return undefined;
      const id = ref.id ?? `e${events.size + 1}`;
      if (!ref.id) await ref.save(id);
      events.set(id, write.event);
      return id;
    },
  };
  return { sink, writes, dms, events, failWith: (f: (() => Error | null) | null) => (fail = f) };
}

describe("meetings' platform events through the outbox", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("2027-01-04T09:00:00Z", "Europe/London", { eventPlatforms: ["console"] });
    await h.run(FIVE_MEMBER_SET);
  });
  afterEach(async () => {
    await h.close();
  });
  const rows = () => h.db.outbox.findMany({ where: { kind: "meeting-event" }, orderBy: { createdAt: "asc" } });
  const deliver = (sink: NudgeSink) => deliverDue({ db: h.db, logger }, sink, h.clock.now());

  test("a meeting's writes are queued by the commands that change it, each superseding the one still waiting; delivered once", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"');
    assert.equal((await rows()).length, 1);
    await h.run('/meeting move meeting:1 when:"2027-01-13 10:00"');
    const [first, second] = await rows();
    assert.deepEqual([first!.status, first!.reason], ["skipped", "superseded by a later change of the meeting"]);
    assert.equal(second!.status, "pending");

    const platform = eventPlatform();
    await deliver(platform.sink);
    assert.deepEqual(
      platform.writes.map((w) => [w.event.status, w.event.startsAt, w.had]),
      [["scheduled", "2027-01-13T10:00:00.000Z", null]],
      "one create, at the time it has now",
    );
    const meeting = await h.db.meeting.findFirstOrThrow({ where: { number: 1 } });
    assert.equal(meeting.platformEventId, "e1");
    await deliver(platform.sink);
    assert.equal(platform.writes.length, 1, "sent once");
    assert.equal((await rows()).at(-1)!.platformRef, "e1");

    await h.run("/meeting cancel meeting:1");
    await deliver(platform.sink);
    assert.deepEqual(
      platform.writes.map((w) => [w.event.status, w.had]),
      [
        ["scheduled", null],
        ["cancelled", "e1"],
      ],
      "the cancellation edits the event created",
    );
  });

  test("archiving the set cancels the events of the meetings it cancels", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:2');
    const platform = eventPlatform();
    await deliver(platform.sink);
    await h.run("as Sam\n/set archive confirm:yes");
    await deliver(platform.sink);
    assert.deepEqual(
      platform.writes.map((w) => [w.event.name, w.event.status, w.had]),
      [
        ["Leading change · meeting 1", "scheduled", null],
        ["Leading change · meeting 2", "scheduled", null],
        ["Leading change · meeting 1", "cancelled", "e1"],
        ["Leading change · meeting 2", "cancelled", "e2"],
      ],
    );
  });

  test("a refused command, a read-only command and a command that changes no meeting queue nothing", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"');
    const before = await h.snapshot();
    const refused = await h.run('/meeting move meeting:1 when:"2026-01-01 10:00"');
    assert.match(refused.join("\n"), /in the past/);
    await h.run("/meeting list");
    assert.deepEqual(await h.snapshot(), before, "nothing changed, nothing queued");
    await h.run("/log reflect text:Listening more than talking");
    assert.equal((await rows()).length, 1);
  });

  test("a failed write is retried with back-off and written once", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"');
    const platform = eventPlatform();
    platform.failWith(() => new Error("503 Service Unavailable"));
    await deliver(platform.sink);
    const [row] = await rows();
    assert.deepEqual([row!.status, row!.attempts, row!.lastError], ["pending", 1, "503 Service Unavailable"]);
    assert.equal(row!.nextAttemptAt?.getTime(), h.clock.now().getTime() + RETRY_DELAYS_MS[0]!);
    platform.failWith(null);
    h.clock.set(new Date(h.clock.now().getTime() + RETRY_DELAYS_MS[0]!));
    await deliver(platform.sink);
    assert.equal(platform.writes.length, 1);
    assert.equal((await rows())[0]!.status, "sent");
  });

  test("a write waits while another process delivers an earlier write of the same meeting, then edits the event that one created", async () => {
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"');
    const [earlier] = await rows();
    // Another process has claimed the create and is sending it.
    const lease = new Date(h.clock.now().getTime() + 15 * 60_000);
    await h.db.outbox.update({ where: { id: earlier!.id }, data: { status: "sending", nextAttemptAt: lease } });
    await h.run('/meeting move meeting:1 when:"2027-01-13 10:00"');
    const platform = eventPlatform();
    await deliver(platform.sink);
    assert.equal(platform.writes.length, 0, "no second create while the first is in flight");
    const later = (await rows()).at(-1)!;
    assert.deepEqual([later.status, later.lastError], ["pending", "an earlier write of this meeting's event is still being delivered"]);

    // The other process's create lands.
    await h.db.outbox.update({ where: { id: earlier!.id }, data: { status: "sent", platformRef: "e-other" } });
    await h.db.meeting.updateMany({ data: { platformEventId: "e-other" } });
    h.clock.set(new Date(h.clock.now().getTime() + RETRY_DELAYS_MS[0]!));
    await deliver(platform.sink);
    assert.deepEqual(
      platform.writes.map((w) => [w.event.startsAt, w.had]),
      [["2027-01-13T10:00:00.000Z", "e-other"]],
    );
  });

  test("without the permission the write is given up at once and each advisor told once, until a write succeeds again", async () => {
    await h.run("as Sam\n/set advisor user:@Zoe");
    await h.run('as Ana\n/meeting schedule when:"2027-01-12 10:00"');
    const platform = eventPlatform();
    platform.failWith(() => new MissingPermission("Missing Permissions", "the bot lacks the Manage Events permission"));
    await deliver(platform.sink);
    const [row] = await rows();
    assert.deepEqual([row!.status, row!.attempts], ["failed", 1], "no retry");
    const told = await h.db.outbox.findMany({ where: { kind: "events-refused" }, include: { set: true } });
    assert.equal(told.length, 2, "one DM for each advisor");
    await deliver(platform.sink);
    assert.deepEqual(platform.dms.map((d) => d.split(":")[0]).sort(), ["Sam", "Zoe"]);
    assert.match(platform.dms[0]!, /Manage Events permission/);

    await h.run('/meeting schedule when:"2027-02-12 10:00"');
    await deliver(platform.sink);
    assert.equal(await h.db.outbox.count({ where: { kind: "events-refused" } }), 2, "told once");

    // Cancelling a meeting whose event was never created writes nothing, so it does not end the refusal.
    platform.failWith(null);
    await h.run("/meeting cancel meeting:2");
    await deliver(platform.sink);
    assert.notEqual((await h.db.learningSet.findFirstOrThrow()).eventsRefusedAt, null);

    await h.run('/meeting schedule when:"2027-03-12 10:00"');
    await deliver(platform.sink);
    assert.equal((await h.db.learningSet.findFirstOrThrow()).eventsRefusedAt, null, "a success ends the refusal on record");
    platform.failWith(() => new MissingPermission("Missing Permissions", "the bot lacks the Manage Events permission"));
    await h.run('/meeting move meeting:3 when:"2027-03-13 10:00"');
    await deliver(platform.sink);
    assert.equal(await h.db.outbox.count({ where: { kind: "events-refused" } }), 4, "a new loss is told again");
  });

  test("a set on a platform without events queues none", async () => {
    const plain = await createHarness("2027-01-04T09:00:00Z");
    try {
      await plain.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00"\n/meeting cancel meeting:1`);
      assert.equal(await plain.db.outbox.count(), 0);
      assert.equal((await plain.db.meeting.findFirstOrThrow()).platformEventState, null);
    } finally {
      await plain.close();
    }
  });
});
