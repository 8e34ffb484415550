import assert from "node:assert/strict";
import { pino } from "pino";
import { test } from "vitest";
import type { Delivery } from "../../src/app/destination.ts";
import { advanceClock } from "../../src/scheduler/advance.ts";
import { MAX_ATTEMPTS, type NudgeSink, RETRY_DELAYS_MS } from "../../src/scheduler/deliver.ts";
import { createHarness, FIVE_MEMBER_SET } from "../support/harness.ts";

/** A platform that answers 429s, 500s and hangs at random (seeded), and otherwise delivers. */
function faultySink(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const tries = new Map<string, number[]>();
  const delivered: string[] = [];
  let now = () => new Date(0);
  const sink: NudgeSink = {
    async deliver(d: Delivery) {
      const id = `${d.to.kind === "dm" ? d.to.displayName : "channel"}:${d.reply.text}`;
      tries.set(id, [...(tries.get(id) ?? []), now().getTime()]);
      const roll = random();
      if (roll < 0.15) throw Object.assign(new Error("rate limited: retry after 30 s"), { status: 429, retryAfter: 30 });
      if (roll < 0.3) throw Object.assign(new Error("500 Internal Server Error"), { status: 500 });
      if (roll < 0.4) return new Promise<void>(() => {}); // hangs: the deliverer's timeout must end it
      delivered.push(id);
    },
  };
  return { sink, tries, delivered, setNow: (f: () => Date) => (now = f) };
}

test("under 429s, 500s and hangs every reminder ends sent or failed with its reason, with back-off between tries", {
  timeout: 120_000,
}, async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  try {
    await h.run(`${FIVE_MEMBER_SET}\nas Ana\n/meeting schedule when:"2027-01-12 10:00" every:monthly count:3`);
    const faults = faultySink(7);
    faults.setNow(() => h.clock.now());
    const deps = { db: h.db, logger: pino({ level: "silent" }), deliveryTimeoutMs: 20 };
    for (const step of ["2027-01-12T12:00:00Z", "2027-02-12T12:00:00Z", "2027-03-12T12:00:00Z"]) {
      await advanceClock(deps, faults.sink, h.clock, new Date(step));
      await h.run("as Ana\n/meeting close");
    }
    await advanceClock(deps, faults.sink, h.clock, new Date("2027-03-20T12:00:00Z"));
    const rows = await h.db.outbox.findMany();
    assert.ok(rows.length > 20, `${rows.length} reminders`);
    const byStatus: Record<string, typeof rows> = {};
    for (const r of rows) byStatus[r.status] = [...(byStatus[r.status] ?? []), r];
    assert.deepEqual(
      Object.keys(byStatus).filter((s) => !["sent", "failed", "skipped"].includes(s)),
      [],
      "nothing left pending or in flight",
    );
    assert.ok(
      rows.some((r) => r.status === "sent" && r.attempts > 1),
      "some were sent after failed tries",
    );
    assert.ok(
      rows.some((r) => r.status === "sent" && r.attempts === 1),
      "most go through first time",
    );
    for (const r of byStatus.failed ?? []) assert.match(r.lastError ?? "", /rate limited|500|timed out/, "failed with its reason");
    for (const r of byStatus.skipped ?? []) assert.match(r.reason ?? "", /^stale/);
    assert.ok(rows.every((r) => r.attempts <= MAX_ATTEMPTS));
    for (const times of faults.tries.values()) {
      for (let i = 1; i < times.length; i++)
        assert.ok(times[i]! - times[i - 1]! >= RETRY_DELAYS_MS[0]!, "no tight retry loop: tries are at least a minute apart");
    }
    assert.equal(faults.delivered.length, byStatus.sent?.length, "each sent reminder delivered once, and only those");
  } finally {
    await h.close();
  }
});
