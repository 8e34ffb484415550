/**
 * Fair presenter rotation for an action learning set (docs/architecture.md, "Domain rules": ~30 minutes per presenter,
 * presenters per meeting from the meeting length, rotation by individuals or by pairs).
 *
 * Pure: no clock, no I/O. Time only enters through the `at` of turns and meetings.
 */

/** A member who takes part in the rotation. `order` is the stable tie-break (join order). Members with the same non-null pairLabel present together as one unit. */
export type RotationMember = { personId: string; order: number; pairLabel: string | null };

/** A turn already taken or already fixed (announced), at a meeting time. */
export type Turn = { personId: string; at: Date };

/** Who presents together: a single member, or a pair. key = personId, or `pair:${label}`. */
export type RotationUnit = { key: string; personIds: string[]; order: number };

/** One meeting to plan. `fixed` = groups (person ids presenting together, in slot order) already announced: kept exactly as they are. `unavailable` = away, RSVP'd no, or skipped for this meeting. */
export type MeetingToPlan = {
  meetingId: string;
  at: Date;
  capacity: number;
  fixed: string[][];
  unavailable: ReadonlySet<string>;
};

/** The presenters of one meeting: groups in slot order, each group presenting together in one slot. */
export type MeetingPlan = { meetingId: string; groups: string[][] };

/** A meeting's length in minutes when none is given: two hours. */
export const DEFAULT_MEETING_MINUTES = 120;

/** Presenters per meeting = floor((meeting − allowance) / slot), never below 0. A non-positive or non-finite slot gives 0. */
export function presentersPerMeeting(meetingMinutes: number, slotMinutes: number, allowanceMinutes: number): number {
  if (!Number.isFinite(slotMinutes) || slotMinutes <= 0) return 0;
  const n = Math.floor((meetingMinutes - allowanceMinutes) / slotMinutes);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Groups members into units (pairs by label), ordered by `order`. A pair's order is its earliest member's; its personIds are in member order. A duplicated personId counts once (first by order). */
export function rotationUnits(members: RotationMember[]): RotationUnit[] {
  const sorted = [...members].sort((x, y) => x.order - y.order);
  const seen = new Set<string>();
  const units: RotationUnit[] = [];
  const pairs = new Map<string, RotationUnit>();
  for (const m of sorted) {
    if (seen.has(m.personId)) continue;
    seen.add(m.personId);
    if (m.pairLabel === null) {
      units.push({ key: m.personId, personIds: [m.personId], order: m.order });
      continue;
    }
    const existing = pairs.get(m.pairLabel);
    if (existing) {
      existing.personIds.push(m.personId);
    } else {
      const unit: RotationUnit = { key: `pair:${m.pairLabel}`, personIds: [m.personId], order: m.order };
      pairs.set(m.pairLabel, unit);
      units.push(unit);
    }
  }
  return units;
}

type TurnStats = { count: number; last: number };

/** Per-person count and most recent turn time; the same person at the same time counts once. */
function turnStats(turns: Turn[]): Map<string, TurnStats> {
  const seen = new Set<string>();
  const stats = new Map<string, TurnStats>();
  for (const t of turns) {
    const time = t.at.getTime();
    const id = `${t.personId}\u0000${time}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const s = stats.get(t.personId);
    if (s) {
      s.count += 1;
      if (time > s.last) s.last = time;
    } else {
      stats.set(t.personId, { count: 1, last: time });
    }
  }
  return stats;
}

/** Units in fair order: fewest turns first, then longest since the last turn (never = longest), then `order`. For a pair: its count is the smallest of its members' counts, its last turn the most recent of theirs. A person presenting twice at the same time counts once. */
export function fairOrder(units: RotationUnit[], turns: Turn[]): RotationUnit[] {
  const stats = turnStats(turns);
  const keyed = units.map((unit) => {
    let count = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const id of unit.personIds) {
      const s = stats.get(id);
      count = Math.min(count, s?.count ?? 0);
      if (s && s.last > last) last = s.last;
    }
    if (unit.personIds.length === 0) count = 0;
    return { unit, count, last };
  });
  keyed.sort((x, y) => x.count - y.count || cmp(x.last, y.last) || x.unit.order - y.unit.order || cmpStr(x.unit.key, y.unit.key));
  return keyed.map((k) => k.unit);
}

function cmp(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function cmpStr(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Fills one meeting: keeps `fixed` groups (minus nobody), then fills remaining capacity (capacity counts groups/slots, a pair takes one slot) from fairOrder, skipping anyone unavailable or already in a fixed group. A pair with one partner unavailable presents with the available partner only. Never returns more groups than max(capacity, fixed.length).
 *
 * A unit with any member already in a fixed group of this meeting is treated as already presenting there and is not given a second slot.
 */
export function planMeeting(members: RotationMember[], turns: Turn[], meeting: MeetingToPlan): MeetingPlan {
  const groups = meeting.fixed.map((g) => [...g]);
  const inFixed = new Set(groups.flat());
  const capacity = Number.isFinite(meeting.capacity) ? Math.max(0, Math.floor(meeting.capacity)) : 0;
  let free = capacity - groups.length;
  if (free <= 0) return { meetingId: meeting.meetingId, groups };
  for (const unit of fairOrder(rotationUnits(members), turns)) {
    if (free <= 0) break;
    if (unit.personIds.some((id) => inFixed.has(id))) continue;
    const present = unit.personIds.filter((id) => !meeting.unavailable.has(id));
    if (present.length === 0) continue;
    groups.push(present);
    free -= 1;
  }
  return { meetingId: meeting.meetingId, groups };
}

/** Plans meetings in the given (chronological) order; each plan's groups count as turns (at meeting.at) for the meetings after it. A planned turn already present in `turns` (same person, same time) is not counted twice. */
export function projectRotation(members: RotationMember[], turns: Turn[], meetings: MeetingToPlan[]): MeetingPlan[] {
  const soFar = [...turns];
  const plans: MeetingPlan[] = [];
  for (const meeting of meetings) {
    const plan = planMeeting(members, soFar, meeting);
    plans.push(plan);
    for (const group of plan.groups) for (const personId of group) soFar.push({ personId, at: meeting.at });
  }
  return plans;
}

/** Where a person's first turn is in a list of plans, or null. */
function firstTurn(plans: MeetingPlan[], personId: string): { plan: number; group: number } | null {
  for (let p = 0; p < plans.length; p++) {
    const g = plans[p]!.groups.findIndex((group) => group.includes(personId));
    if (g >= 0) return { plan: p, group: g };
  }
  return null;
}

/**
 * Swap: `a` takes b's first upcoming turn and `b` takes a's (the whole group each is in moves, i.e. exchange the two groups between their meetings/positions). Errors as values: "a-not-scheduled" | "b-not-scheduled" | "same-meeting". Returns the new plans and the ids of the meetings that changed.
 *
 * `plans` are upcoming meetings in chronological order; the input is not mutated. `a === b` is "same-meeting".
 */
export function swapTurns(
  plans: MeetingPlan[],
  a: string,
  b: string,
): { ok: true; plans: MeetingPlan[]; changed: string[] } | { ok: false; reason: "a-not-scheduled" | "b-not-scheduled" | "same-meeting" } {
  const pa = firstTurn(plans, a);
  if (!pa) return { ok: false, reason: "a-not-scheduled" };
  const pb = firstTurn(plans, b);
  if (!pb) return { ok: false, reason: "b-not-scheduled" };
  if (pa.plan === pb.plan) return { ok: false, reason: "same-meeting" };
  const next = plans.map((p) => ({ meetingId: p.meetingId, groups: p.groups.map((g) => [...g]) }));
  const groupA = next[pa.plan]!.groups[pa.group]!;
  const groupB = next[pb.plan]!.groups[pb.group]!;
  next[pa.plan]!.groups[pa.group] = groupB;
  next[pb.plan]!.groups[pb.group] = groupA;
  const [first, second] = pa.plan < pb.plan ? [pa.plan, pb.plan] : [pb.plan, pa.plan];
  return { ok: true, plans: next, changed: [plans[first]!.meetingId, plans[second]!.meetingId] };
}
