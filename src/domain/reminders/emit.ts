/**
 * How a rule records a candidate reminder: one `emit` object with a method per audience, each taking one reminder
 * described by name. The emitter applies what every reminder obeys, so no rule repeats it: opt-out (of all reminders
 * or of the kind), leave at its due time, snooze, quiet hours, the planning window, and one candidate per key.
 * Pure: no I/O, no clock.
 */
import { CLOCK_CHANGE_ROOM, maxQuietShift } from "../quiet-hours.ts";
import { DAY } from "../time-units.ts";
import type { ChannelKind, DmKind, NudgeKind } from "./catalog.ts";
import type { SetFacts } from "./facts.ts";
import type { NudgeTarget, PlannedNudge } from "./types.ts";

/** A DM a rule plans (times in ms since the epoch). */
export type PersonReminder<K extends DmKind = DmKind> = {
  kind: K;
  personId: string;
  /** the catalog's `subject` of the kind: a meeting, action, member or set id */
  subjectId: string;
  /** the catalog's `occurrence` of the kind */
  occurrence: string;
  dueAt: number;
  staleAt: number;
  /** the rule's own condition, checked last and only for a reminder that could fall in the planning window */
  when?: () => boolean;
};

/** A post in the set's channel a rule plans: sent at its due time (no one person's snooze or quiet hours apply). */
export type ChannelReminder<K extends ChannelKind = ChannelKind> = {
  kind: K;
  subjectId: string;
  occurrence: string;
  dueAt: number;
  staleAt: number;
};

/** What a rule planning the kinds `K` may emit: only those kinds, each to its catalog audience. */
export type Emit<K extends NudgeKind = NudgeKind> = {
  toPerson: (reminder: PersonReminder<Extract<K, DmKind>>) => void;
  toChannel: (reminder: ChannelReminder<Extract<K, ChannelKind>>) => void;
};

/** The emitter for one set: builds each candidate within the facts' bounds and passes it to `found`, once per key. */
export function emitter(facts: SetFacts, found: (n: PlannedNudge) => void): Emit {
  const { bounds } = facts;
  const seen = new Set<string>();
  const record = (kind: NudgeKind, to: NudgeTarget, subjectId: string, occurrence: string, times: [number, number, number]) => {
    const key = `${kind}:${facts.set.id}:${to.kind === "person" ? to.personId : "channel"}:${subjectId}:${occurrence}`;
    if (seen.has(key)) return;
    seen.add(key);
    const [dueAt, sendAt, staleAt] = times;
    found({
      key,
      kind,
      setId: facts.set.id,
      to,
      subjectId,
      occurrence,
      dueAt: new Date(dueAt),
      sendAt: new Date(sendAt),
      staleAt: new Date(staleAt),
    });
  };
  return {
    toPerson: ({ kind, personId, subjectId, occurrence, dueAt, staleAt, when }) => {
      if (dueAt > bounds.maxBase) return;
      const person = facts.personOf(personId);
      if (person.optedOut || person.stopped?.includes(kind)) return;
      const base = Math.max(dueAt, person.snoozedUntil?.getTime() ?? -Infinity);
      if (base > bounds.maxBase || base + DAY + CLOCK_CHANGE_ROOM <= bounds.minSend) return;
      if (base + maxQuietShift(person.quiet) <= bounds.minSend) return;
      if (facts.isAway(personId, dueAt) || (when && !when())) return;
      record(kind, { kind: "person", personId }, subjectId, occurrence, [dueAt, facts.sendTime(personId, dueAt), staleAt]);
    },
    toChannel: ({ kind, subjectId, occurrence, dueAt, staleAt }) => {
      if (dueAt > bounds.maxBase || dueAt <= bounds.minSend) return;
      record(kind, { kind: "channel" }, subjectId, occurrence, [dueAt, dueAt, staleAt]);
    },
  };
}

/** A rule: the kinds it plans, and how it plans them for one set. */
export type ReminderRule<K extends NudgeKind = NudgeKind> = {
  readonly kinds: readonly K[];
  readonly plan: (facts: SetFacts, emit: Emit<K>) => void;
};

/** Declares a rule; its `emit` takes only the kinds listed, each to its catalog audience (checked by the compiler). */
export function rule<const K extends NudgeKind>(kinds: readonly K[], plan: (facts: SetFacts, emit: Emit<K>) => void): ReminderRule<K> {
  return { kinds, plan };
}
