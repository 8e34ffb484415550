import assert from "node:assert/strict";
import { pino } from "pino";
import { test } from "vitest";
import { commandKey } from "../../commands/define.ts";
import { allCommands } from "../../commands/index.ts";
import { ConsoleChat } from "../../src/adapters/console/console-chat.ts";
import { handlers } from "../../src/app/handlers/index.ts";
import type { Delivery } from "../../src/app/render-nudge.ts";
import { type NudgeKind, STOPPABLE_KINDS } from "../../src/domain/reminders/catalog.ts";
import { Lifecycle } from "../../src/ops/lifecycle.ts";
import { Metrics } from "../../src/ops/metrics.ts";
import { advanceClock } from "../../src/scheduler/advance.ts";
import { MAX_ATTEMPTS, type NudgeSink } from "../../src/scheduler/deliver.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { outboxBacklog } from "../../src/store/outbox.ts";
import { createHarness, FIVE_MEMBER_SET } from "../support/harness.ts";
import { metricSum, parseMetrics, type Sample } from "../support/http-probe.ts";

// A scrape after a scenario: every als_* value follows what happened, checked against the outbox itself.

const logger = pino({ level: "silent" });
const at = (iso: string) => new Date(iso);

const OUTCOMES = ["ok", "invalid", "denied", "refused", "error"];
const STATUSES = ["planned", "sent", "retried", "failed", "skipped"];
/** Every kind of reminder: those sent to a person, and the channel posts. */
const KINDS: readonly NudgeKind[] = [...STOPPABLE_KINDS, "meeting-post", "meeting-unclosed"];
const LABELS: Record<string, string[]> = {
  als_commands_total: ["platform", "command", "outcome"],
  als_command_duration_seconds_bucket: ["platform", "le"],
  als_command_duration_seconds_sum: ["platform"],
  als_command_duration_seconds_count: ["platform"],
  als_reminders_total: ["platform", "kind", "status"],
  als_outbox_pending: [],
  als_outbox_oldest_pending_seconds: [],
  als_tick_duration_seconds_bucket: ["le"],
  als_tick_duration_seconds_sum: [],
  als_tick_duration_seconds_count: [],
  als_platform_rate_limited_total: ["platform"],
  als_discord_shard_ready: ["shard"],
};

test("after a scenario the scrape counts commands by outcome and reminders by kind and status, as the outbox records them", async () => {
  const h = await createHarness("2027-01-04T09:00:00Z");
  try {
    const lifecycle = new Lifecycle();
    const metrics = new Metrics((now) => outboxBacklog(h.db, now));
    const ops = lifecycle.hooks(metrics);
    const chat = new ConsoleChat({ ...h.deps, ops }, handlers, h.dir);
    const run = async (script: string) => {
      for (const line of script.split("\n")) await chat.handle(line);
    };

    // Commands: 6 accepted, then one of each refusal.
    await run(FIVE_MEMBER_SET);
    await run(`as Ana
/meeting schedule when:"2027-01-12 10:00"
/frobnicate
/meeting schedule when:"the day after never"
/set add member:@Zed
/meeting cancel meeting:9`);

    // Reminders: DMs to the first person DMed (a presenter) always fail: retried, then failed for good.
    let unreachable: string | null = null;
    const sink: NudgeSink = {
      deliver: async (d: Delivery) => {
        if (d.to.kind !== "dm") return;
        unreachable ??= d.to.displayName;
        if (d.to.displayName === unreachable) throw new Error("Slack said 500");
      },
    };
    const scheduler = { db: h.db, logger, ops };
    // Every tick the cron would run, stopping wherever a reminder or a retry falls due (as the console's clock does).
    await advanceClock(scheduler, sink, h.clock, at("2027-01-10T10:30:00Z")); // the 48-hour DMs, and two retries

    const midway = await scrape(metrics, h.clock.now());
    const waiting = await h.db.outbox.findFirstOrThrow({ where: { kind: "presenter-prep", status: "pending" } });
    assert.equal(waiting.attempts, 3);
    assert.equal(metricSum(midway, "als_outbox_pending"), 1, "the unreachable presenter's DM waits for its fourth try");
    assert.equal(metricSum(midway, "als_outbox_oldest_pending_seconds"), (h.clock.now().getTime() - waiting.sendAt.getTime()) / 1000);

    await advanceClock(scheduler, sink, h.clock, at("2027-01-10T16:00:00Z")); // the last two tries
    // Down from then until after the meeting: its channel post (due the day before) went stale and is skipped.
    h.clock.set(at("2027-01-12T12:30:00Z"));
    await run("as Ana\n/meeting close");
    await runTick(scheduler, sink, at("2027-01-12T15:00:00Z"));

    const samples = await scrape(metrics, at("2027-01-12T15:00:00Z"));
    const commands = (command: string, outcome: string) =>
      metricSum(samples, "als_commands_total", { platform: "console", command, outcome });
    assert.equal(commands("set create", "ok"), 1);
    assert.equal(commands("set add", "ok"), 5);
    assert.equal(commands("meeting schedule", "ok"), 1);
    assert.equal(commands("unknown", "invalid"), 1);
    assert.equal(commands("meeting schedule", "invalid"), 1);
    assert.equal(commands("set add", "denied"), 1);
    assert.equal(commands("meeting cancel", "refused"), 1);
    assert.equal(commands("meeting close", "ok"), 1);
    assert.equal(metricSum(samples, "als_commands_total"), 12);
    assert.equal(metricSum(samples, "als_command_duration_seconds_count", { platform: "console" }), 12);

    // The reminder counters equal what the outbox holds, kind by kind.
    const rows = await h.db.outbox.findMany();
    const reminders = (kind: string, status: string) => metricSum(samples, "als_reminders_total", { platform: "console", kind, status });
    const byKind = new Set(rows.map((r) => r.kind));
    assert.ok(byKind.has("presenter-prep") && byKind.has("meeting-post") && byKind.has("log-action"), [...byKind].join());
    for (const kind of byKind) {
      const of = rows.filter((r) => r.kind === kind);
      const count = (status: string) => of.filter((r) => r.status === status).length;
      const tries = of.reduce((n, r) => n + r.attempts, 0);
      assert.equal(reminders(kind, "planned"), of.length, `${kind} planned`);
      assert.equal(reminders(kind, "sent"), count("sent"), `${kind} sent`);
      assert.equal(reminders(kind, "failed"), count("failed"), `${kind} failed`);
      assert.equal(reminders(kind, "skipped"), count("skipped"), `${kind} skipped`);
      assert.equal(reminders(kind, "retried"), tries - count("sent") - count("failed"), `${kind} retried`);
    }
    assert.equal(reminders("presenter-prep", "failed"), 1, "the unreachable presenter's DM was given up");
    assert.equal(reminders("presenter-prep", "retried"), MAX_ATTEMPTS - 1);
    assert.equal(reminders("meeting-post", "skipped"), 1, "the post the bot was down for");
    assert.equal(metricSum(samples, "als_outbox_pending"), rows.filter((r) => r.status === "pending").length);

    // Bounded labels: only these names, only these values, and no id of any row anywhere in the text.
    const keys = new Set([...allCommands.map(commandKey), "unknown"]);
    for (const s of samples.filter((x) => x.name.startsWith("als_"))) {
      assert.deepEqual(Object.keys(s.labels).sort(), [...(LABELS[s.name] ?? ["?"])].sort(), s.name);
      if (s.labels.platform) assert.ok(["console", "slack", "discord"].includes(s.labels.platform));
      if (s.labels.command) assert.ok(keys.has(s.labels.command), s.labels.command);
      if (s.labels.outcome) assert.ok(OUTCOMES.includes(s.labels.outcome));
      if (s.labels.status) assert.ok(STATUSES.includes(s.labels.status));
      if (s.labels.kind) assert.ok(KINDS.includes(s.labels.kind as NudgeKind), s.labels.kind);
    }
    const text = (await metrics.render(at("2027-01-12T15:00:00Z"))).body;
    const ids = [
      ...(await h.db.person.findMany()).flatMap((p) => [p.id, p.externalId]),
      ...(await h.db.learningSet.findMany()).flatMap((s) => [s.id, s.channelId]),
      ...rows.flatMap((r) => [r.id, r.key]),
    ];
    for (const id of ids) assert.ok(!text.includes(`"${id}"`), `${id} appears in a label`);
  } finally {
    await h.close();
  }
});

async function scrape(metrics: Metrics, now: Date): Promise<Sample[]> {
  const { contentType, body } = await metrics.render(now);
  assert.match(contentType, /^text\/plain/);
  return parseMetrics(body);
}
