/**
 * What every reminder rule reads of one set, worked out once per set: its timing rules, its meetings in order, who
 * is a member, who is away when, and the questions several rules ask (an action without an outcome, an action
 * logged). Pure: no I/O, no clock.
 */
import { leaveEnds } from "../set/leave.ts";
import { outOfQuietHours } from "./quiet-hours.ts";
import type { NudgeAction, NudgeMeeting, NudgePerson, NudgeRules, NudgeSet } from "./types.ts";

/**
 * Which candidates are worth building: those whose sendAt could be in (minSend, maxBase]. The planner only ever
 * moves a nudge later (snooze, quiet hours), so anything due after `maxBase` is skipped before any time-zone work.
 * `maxBase` may come down while a set is planned (the planner's search for the next send time).
 */
export type Bounds = { maxBase: number; minSend: number };

export type SetFacts = {
  set: NudgeSet;
  /** the set's timing, its own choices over the defaults */
  rules: NudgeRules;
  /** the set's non-cancelled meetings in start order ("the next meeting" after A is the one after it here) */
  meetings: readonly NudgeMeeting[];
  /** the current members (advisors are not members) */
  members: ReadonlySet<string>;
  people: Readonly<Record<string, NudgePerson>>;
  /** the planning window, read when a rule runs */
  bounds: Readonly<Bounds>;
  /** each absence with its end worked out: away from `startsAt` (inclusive) to `endsAt` (exclusive) */
  leaves: readonly { personId: string; startsAt: Date; endsAt: Date }[];
  /** the person, or a default one (UTC, no quiet hours, not opted out) for someone the state does not hold */
  personOf(personId: string): NudgePerson;
  /** the person's leave that `t` falls in, if any */
  leaveAt(personId: string, t: number): { startsAt: Date; endsAt: Date } | undefined;
  /** whether the person is away at `t` */
  isAway(personId: string, t: number): boolean;
  /** whether the member owns an action created before `t` that has no outcome at `t` */
  lacksOutcome(memberId: string, t: number): boolean;
  /** whether the member logged an action in [from, to] */
  loggedAction(memberId: string, from: number, to: number): boolean;
  /** when a DM due at `dueAt` goes: after any snooze, then out of quiet hours */
  sendTime(personId: string, dueAt: number): number;
};

const DEFAULT_RULES: NudgeRules = {
  presenterPrepHours: 48,
  meetingPostHours: 24,
  logActionHours: [2, 24],
  outcomeDueHours: 72,
  silentDays: 30,
};

const DEFAULT_PERSON: Omit<NudgePerson, "id"> = { timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null };

/** The facts of one set. Work is linear in the set's own lists. */
export function setFacts(set: NudgeSet, people: Record<string, NudgePerson>, bounds: Readonly<Bounds>): SetFacts {
  const members = new Set(set.memberIds);
  const leaves = set.absences.map((a) => ({ personId: a.personId, startsAt: a.startsAt, endsAt: leaveEnds(a) }));
  const away = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of leaves) pushTo(away, a.personId, a);
  const actionsByOwner = new Map<string, NudgeAction[]>();
  for (const a of set.actions) if (members.has(a.ownerId)) pushTo(actionsByOwner, a.ownerId, a);
  const personOf = (personId: string): NudgePerson => people[personId] ?? { id: personId, ...DEFAULT_PERSON };
  const leaveAt = (personId: string, t: number) =>
    (away.get(personId) ?? []).find((a) => a.startsAt.getTime() <= t && t < a.endsAt.getTime());
  return {
    set,
    rules: rulesOf(set),
    meetings: set.meetings.filter((m) => m.status !== "cancelled").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    members,
    people,
    bounds,
    leaves,
    personOf,
    leaveAt,
    isAway: (personId, t) => leaveAt(personId, t) !== undefined,
    lacksOutcome: (id, t) =>
      (actionsByOwner.get(id) ?? []).some((a) => a.createdAt.getTime() < t && (a.outcomeAt === null || a.outcomeAt.getTime() > t)),
    loggedAction: (id, from, to) => (set.actionEntryTimes[id] ?? []).some((t) => t.getTime() >= from && t.getTime() <= to),
    sendTime: (personId, dueAt) => {
      const person = personOf(personId);
      return outOfQuietHours(new Date(Math.max(dueAt, person.snoozedUntil?.getTime() ?? Number.NEGATIVE_INFINITY)), person).getTime();
    },
  };
}

function rulesOf(set: NudgeSet): NudgeRules {
  const rules = { ...DEFAULT_RULES };
  for (const [name, value] of Object.entries(set.rules ?? {})) if (value !== undefined) Object.assign(rules, { [name]: value });
  return rules;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
