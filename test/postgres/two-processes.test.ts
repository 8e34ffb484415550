import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { beforeAll, describe, onTestFinished, test } from "vitest";
import { nextStop } from "../../src/scheduler/advance.ts";
import { DEFAULT_DELIVERY_CONCURRENCY } from "../../src/scheduler/deliver.ts";
import { createHarness, type Harness } from "../support/harness.ts";
import { POSTGRES_ADMIN_URL } from "../support/test-database.ts";

assert.ok(POSTGRES_ADMIN_URL, "the PostgreSQL tests run in npm test's PostgreSQL lane (scripts/test.ts), which sets ALS_TEST_POSTGRES_URL");

/** The seven-month programme of the restart test, plus a day so that the last leases can run out. */
const script = `${readFileSync(new URL("../console/fixtures/seven-months.txt", import.meta.url), "utf8")}\nclock 2027-07-21T09:00Z\n`;
const lines = script.split("\n");
const START = "2027-01-04T09:00:00Z";

/** A seeded generator (mulberry32), so a failing run can be repeated with the same kills. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One OS process running tick-worker.ts, and what it printed. */
class Incarnation {
  readonly delivered: string[] = [];
  killed = false;
  /** Once killed: the reminders it had handed over but not marked sent (still claimed) when it died. */
  inFlightAtDeath: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  #waiting: { line: string; resolve: () => void } | null = null;
  onDelivered: (() => void) | null = null;

  constructor(
    readonly name: string,
    databaseUrl: string,
    env: Record<string, string> = {},
  ) {
    this.child = spawn(process.execPath, ["--import", "tsx", "test/postgres/tick-worker.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
    this.child.stdin!.on("error", () => {}); // writing to a process just killed: expect() sees the exit
    createInterface({ input: this.child.stdout! }).on("line", (line) => {
      if (line.startsWith("delivered ")) {
        this.delivered.push(line.slice("delivered ".length));
        this.onDelivered?.();
      } else if (this.#waiting?.line === line) this.#waiting.resolve();
    });
  }

  /** Resolves true when the process prints `line`, false if it dies first. */
  async expect(line: string): Promise<boolean> {
    const printed = new Promise<true>((resolve) => (this.#waiting = { line, resolve: () => resolve(true) }));
    return Promise.race([printed, this.exited.then(() => false as const)]);
  }

  send(line: string) {
    this.child.stdin!.write(`${line}\n`);
  }

  kill() {
    this.killed = true;
    this.child.kill("SIGKILL");
  }
}

type Chaos = { rng: () => number; maxKills: number };

/**
 * Runs the programme on `h`'s database with two worker processes ticking together: the commands run
 * here, between clock moves, and each move ticks both workers at every moment something falls due
 * (`nextStop`, as the console's clock does), like two bots whose every-minute crons fire at once.
 * With `chaos`, worker A is SIGKILLed at random points (after a random delay, or just after it hands
 * over its 1st, 2nd or 3rd reminder of a tick) and a new process takes its place at the same tick.
 */
async function launch(name: string, databaseUrl: string, incarnations: Incarnation[], env?: Record<string, string>): Promise<Incarnation> {
  const worker = new Incarnation(name, databaseUrl, env);
  incarnations.push(worker);
  assert.ok(await worker.expect("ready"), `worker ${name} did not start`);
  return worker;
}

async function runConcurrently(h: Harness, chaos?: Chaos): Promise<{ incarnations: Incarnation[]; ticks: number }> {
  const incarnations: Incarnation[] = [];
  const slots = { A: await launch("A", h.databaseUrl, incarnations), B: await launch("B", h.databaseUrl, incarnations) };
  const kills = () => incarnations.filter((i) => i.killed).length;
  const tick = async (slot: "A" | "B", at: string) => {
    for (;;) {
      const worker = slots[slot];
      if (chaos && slot === "A" && kills() < chaos.maxKills && chaos.rng() < 0.4) {
        if (chaos.rng() < 0.5)
          setTimeout(() => worker.kill(), chaos.rng() * 10); // mid-tick, or idle between ticks
        else {
          const nth = 1 + Math.floor(chaos.rng() * 3);
          let seen = 0;
          worker.onDelivered = () => ++seen === nth && worker.kill();
        }
      }
      worker.send(`tick ${at}`);
      const done = await worker.expect(`done ${at}`);
      worker.onDelivered = null;
      if (done) return;
      await worker.exited;
      const claimed = new Set((await h.db.outbox.findMany({ where: { status: "sending" }, select: { key: true } })).map((r) => r.key));
      worker.inFlightAtDeath = worker.delivered.filter((k) => claimed.has(k));
      slots[slot] = await launch(slot, h.databaseUrl, incarnations);
    }
  };
  let now = new Date(START);
  let ticks = 0;
  const tickBoth = async (at: Date) => {
    await Promise.all([tick("A", at.toISOString()), tick("B", at.toISOString())]);
    now = at;
    ticks++;
  };
  await tickBoth(now); // the anchor tick, as when a bot starts
  for (const line of lines) {
    const move = /^clock (\S+)$/.exec(line);
    if (move) {
      const to = new Date(move[1]!);
      while (now < to) await tickBoth(await nextStop(h.db, now, to));
      h.clock.set(to);
    } else if (line.trim() && !line.startsWith("#")) await h.chat.handle(line);
  }
  for (const worker of Object.values(slots)) {
    worker.child.stdin!.end();
    const code = await worker.exited;
    if (!worker.killed) assert.equal(code, 0); // a kill timer may still land after the last tick
  }
  return { incarnations, ticks };
}

/**
 * A reminder's key with each database id replaced by what it names (person, set, meeting number, entry
 * number), so keys from two databases that ran the same programme can be compared.
 */
async function canonicalKeys(h: Harness): Promise<(key: string) => string> {
  const names = new Map<string, string>();
  for (const p of await h.db.person.findMany()) names.set(p.id, p.displayName);
  for (const s of await h.db.learningSet.findMany()) names.set(s.id, `set ${s.name}`);
  for (const m of await h.db.meeting.findMany()) names.set(m.id, `meeting ${m.number}`);
  for (const e of await h.db.entry.findMany({ include: { author: true, action: true } })) {
    names.set(e.id, `entry ${e.author.displayName} ${e.number}`);
    if (e.action) names.set(e.action.id, `action ${e.author.displayName} ${e.number}`);
  }
  return (key) => key.replace(/c[a-z0-9]{24}/g, (id) => names.get(id) ?? id);
}

const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

describe("several processes on one PostgreSQL database", () => {
  let planned: string[];
  beforeAll(async () => {
    // The plan: the same programme in one process, through the console's own clock.
    const h = await createHarness(START);
    try {
      for (const line of lines) await h.chat.handle(line);
      const canonical = await canonicalKeys(h);
      planned = (await h.db.outbox.findMany({ where: { status: "sent" }, select: { key: true } })).map((r) => canonical(r.key)).sort();
    } finally {
      await h.close();
    }
    assert.ok(planned.length > 90, `the programme plans plenty of reminders (${planned.length})`);
    // The advisor's weekly digest and the set learning reviews are planned like every reminder: both workers plan them.
    const digests = planned.filter((k) => k.startsWith("advisor-digest:"));
    assert.ok(digests.length >= 25, `a digest each week of the programme (${digests.length})`);
    assert.ok(
      planned.some((k) => k.startsWith("set-review:")),
      "set learning reviews are planned",
    );
  });

  test("two processes ticking together deliver every planned reminder exactly once", { timeout: 300_000 }, async () => {
    const h = await createHarness(START);
    onTestFinished(() => h.close());
    const { incarnations, ticks } = await runConcurrently(h);
    const canonical = await canonicalKeys(h);
    const delivered = incarnations.flatMap((i) => i.delivered.map(canonical));
    const perProcess = incarnations.map((i) => `${i.name}: ${i.delivered.length}`).join(", ");
    console.log(
      `${ticks} ticks in each process; planned ${planned.length}, delivered ${delivered.length} (${perProcess}), duplicates ${delivered.length - new Set(delivered).size}`,
    );
    assert.deepEqual(
      [...tally(delivered)].filter(([, n]) => n > 1),
      [],
      "no reminder twice",
    );
    assert.deepEqual(delivered.sort(), planned);
    assert.ok(
      incarnations.every((i) => i.delivered.length > 0),
      `both processes delivered some (${perProcess})`,
    );
    assert.equal(await h.db.outbox.count({ where: { status: { in: ["pending", "sending", "failed"] } } }), 0);
  });

  test("with one process SIGKILLed at random points and restarted, nothing is lost and duplicates stay in the window", {
    timeout: 300_000,
  }, async () => {
    const h = await createHarness(START);
    onTestFinished(() => h.close());
    const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100_000);
    const { incarnations, ticks } = await runConcurrently(h, { rng: random(seed), maxKills: 20 });
    const kills = incarnations.filter((i) => i.killed).length;
    const canonical = await canonicalKeys(h);
    const delivered = incarnations.flatMap((i) => i.delivered.map(canonical));
    const counts = tally(delivered);
    const duplicates = [...counts].filter(([, n]) => n > 1);
    console.log(
      `seed ${seed}, ${ticks} ticks: planned ${planned.length}, delivered ${delivered.length}, distinct ${counts.size}, kills ${kills}, duplicates ${duplicates.length}`,
    );
    assert.ok(kills >= 5, `enough kills to mean something (${kills})`);
    assert.deepEqual(
      planned.filter((k) => !counts.has(k)),
      [],
      "no planned reminder lost",
    );
    assert.deepEqual([...counts.keys()].sort(), planned, "every planned reminder delivered, and nothing else");
    // The documented window: a reminder handed to the platform but not yet marked sent when its process
    // died — at most the sends in flight, DELIVERY_CONCURRENCY of them (docs/user-guide.md, "Delivery guarantees").
    for (const i of incarnations)
      assert.ok(i.inFlightAtDeath.length <= DEFAULT_DELIVERY_CONCURRENCY, `${i.inFlightAtDeath.length} in flight when a process died`);
    const inFlightAtDeath = new Set(incarnations.flatMap((i) => i.inFlightAtDeath.map(canonical)));
    for (const [key, n] of duplicates) {
      assert.equal(n, 2, `${key} delivered ${n} times`);
      assert.ok(inFlightAtDeath.has(key), `${key} was delivered twice but was not in flight when a process died`);
    }
    assert.equal(await h.db.outbox.count({ where: { status: { in: ["pending", "sending", "failed"] } } }), 0);
  });

  test("a process killed between handing over a reminder and recording it re-sends that one reminder, no other", {
    timeout: 120_000,
  }, async () => {
    const h = await createHarness(START);
    onTestFinished(() => h.close());
    const setupEnd = lines.findIndex((l, i) => i > 1 && l.startsWith("clock "));
    for (const line of lines.slice(0, setupEnd))
      if (line.trim() && !line.startsWith("#") && !line.startsWith("clock ")) await h.chat.handle(line);
    const incarnations: Incarnation[] = [];
    // One send at a time, so that "the one in flight" is exactly the last one handed over.
    let worker = await launch("A", h.databaseUrl, incarnations, { HOLD_AFTER_DELIVERY_MS: "300", DELIVERY_CONCURRENCY: "1" });
    const victim = worker;
    let seen = 0;
    victim.onDelivered = () => ++seen === 2 && victim.kill(); // dies just after handing over its 2nd reminder of a tick
    const end = new Date(/^clock (\S+)$/.exec(lines[setupEnd]!)![1]!);
    let now = new Date(START);
    for (;;) {
      seen = 0;
      worker.send(`tick ${now.toISOString()}`);
      if (!(await worker.expect(`done ${now.toISOString()}`))) worker = await launch("A", h.databaseUrl, incarnations);
      else if (now >= end) break;
      else now = await nextStop(h.db, now, end);
    }
    worker.child.stdin!.end();
    assert.equal(await worker.exited, 0);
    assert.ok(victim.killed, "some tick handed over two reminders");
    const [first, inFlight] = victim.delivered.slice(-2);
    const counts = tally(incarnations.flatMap((i) => i.delivered));
    assert.equal(counts.get(inFlight!), 2, "the reminder in flight when the process died is sent again after its lease");
    assert.equal(counts.get(first!), 1, "the reminder recorded before the crash is not");
    assert.deepEqual(
      [...counts].filter(([k, n]) => n > 1 && k !== inFlight),
      [],
    );
  });
});
