import { nextNudgeAt } from "../../src/domain/reminders/planner.ts";
import { ANNOUNCE_LEAD_MS } from "../../src/domain/rotation-state.ts";
import { runTick } from "../../src/scheduler/tick.ts";
import { nextUnannouncedStart } from "../../src/store/meetings.ts";
import { loadNudgeState } from "../../src/store/nudge-state.ts";
import { nextRetryAt } from "../../src/store/outbox.ts";
import type { Harness } from "./harness.ts";

const STEP: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The scheduler as it was before sets kept a moment, as the reference the incremental one must match: every tick
 * plans every set (scope "all"), and the clock stops wherever the whole state, loaded afresh, next sends something
 * (or a retry, a lease's end or an announcement falls due).
 */
async function advanceWithFullReplan(h: Harness, to: Date): Promise<void> {
  const deps = { ...h.deps, scope: { platforms: ["console"] } };
  await runTick(deps, h.chat, h.clock.now(), "all");
  for (;;) {
    const now = h.clock.now();
    const { state } = await loadNudgeState(h.db, now);
    const unannounced = await nextUnannouncedStart(h.db, new Date(now.getTime() + ANNOUNCE_LEAD_MS));
    const announceAt = unannounced && new Date(unannounced.getTime() - ANNOUNCE_LEAD_MS);
    const stops = [nextNudgeAt(state, now), await nextRetryAt(h.db, now), announceAt].filter((d): d is Date => d !== null && d <= to);
    const step = stops.length ? new Date(Math.min(...stops.map((d) => d.getTime()))) : to;
    h.clock.set(step);
    await runTick(deps, h.chat, step, "all");
    if (step.getTime() >= to.getTime()) break;
  }
  h.chat.takeDelivered();
}

/** Runs a console script, each `clock` line through `advanceWithFullReplan` instead of the console's own scheduler. */
export async function runWithFullReplan(h: Harness, script: string): Promise<void> {
  for (const line of script.split("\n")) {
    const clock = /^clock (\S+)$/.exec(line.trim());
    if (!clock) {
      await h.chat.handle(line);
      continue;
    }
    const step = /^\+(\d+)([mhdw])$/.exec(clock[1]!);
    const now = h.clock.now();
    const to = step ? new Date(now.getTime() + Number(step[1]) * STEP[step[2]!]!) : new Date(clock[1]!);
    if (to >= now) await advanceWithFullReplan(h, to);
  }
}

/**
 * Every outbox row, as it can be compared across two databases: each database id (set, person, meeting, action…)
 * replaced by a stable name, sorted by key. Holds what matters: key, kind, moments, status, when sent, payload.
 */
export async function comparableOutbox(h: Harness): Promise<string[]> {
  const [sets, people, meetings, actions, rows] = await Promise.all([
    h.db.learningSet.findMany({ select: { id: true, name: true } }),
    h.db.person.findMany({ select: { id: true, displayName: true } }),
    h.db.meeting.findMany({ select: { id: true, number: true, setId: true } }),
    h.db.action.findMany({ select: { id: true, entry: { select: { number: true, authorId: true } } } }),
    h.db.outbox.findMany({
      select: {
        key: true,
        kind: true,
        setId: true,
        personId: true,
        payload: true,
        sendAt: true,
        staleAt: true,
        status: true,
        sentAt: true,
      },
    }),
  ]);
  const names = new Map<string, string>();
  for (const s of sets) names.set(s.id, `set(${s.name})`);
  for (const p of people) names.set(p.id, `person(${p.displayName})`);
  for (const m of meetings) names.set(m.id, `meeting(${names.get(m.setId)}#${m.number})`);
  for (const a of actions) names.set(a.id, `action(${names.get(a.entry.authorId)}#${a.entry.number})`);
  const ids = new RegExp([...names.keys()].join("|") || "^$", "g");
  return rows
    .map((r) =>
      JSON.stringify({
        ...r,
        sendAt: r.sendAt.toISOString(),
        staleAt: r.staleAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
      }).replace(ids, (id) => names.get(id)!),
    )
    .sort();
}
