/**
 * The progress chart's counts: for each member, meeting by meeting, whether they attended and presented, how many
 * actions they agreed and how many outcomes they recorded in that meeting's period, and how many of their actions
 * were overdue at its end. Counts and dates only: no entry text goes in or comes out. Pure: the moment `now` is given.
 *
 * A meeting's period runs from its start to the next held meeting's start (the last one's to `now`). An action
 * agreed at a meeting (`meetingNumber`) counts there; otherwise at the period its `createdAt` falls in. An outcome
 * counts at the period of the moment it was recorded. Anything before the first meeting counts at the first. With
 * no meeting held yet there is one period, "so far", which ends `now` and has no attendance.
 */
import { type CalendarDate, dayEnds } from "../time/calendar-date.ts";

/** A held meeting as this member took part in it. */
type MeetingPart = { number: number; startsAt: Date; attended: boolean; presented: boolean };

/** An action's dates and state: never its text. `status` other than "open" means an outcome was recorded. */
type ActionDates = { createdAt: Date; meetingNumber: number | null; due: CalendarDate | null; status: string; outcomeAt: Date | null };

/** One member's record: the set's held meetings with their part in each, and their actions' dates. */
export type MemberRecord = { name: string; meetings: MeetingPart[]; actions: ActionDates[] };

/** One meeting's period for one member. `attended`/`presented` are null in the "so far" period (no meeting held). */
type ProgressCell = { attended: boolean | null; presented: boolean | null; agreed: number; outcomes: number; overdue: number };

/** A member's totals: the meetings they attended of those held, presenter turns, actions agreed, outcomes, overdue now. */
type ProgressTotals = { held: number; attended: number; presented: number; agreed: number; outcomes: number; overdue: number };

/** One member's timeline: a cell per column of `ProgressTimelines.columns`, and totals. */
export type MemberTimeline = { name: string; cells: ProgressCell[]; totals: ProgressTotals };

/** A column: a held meeting (its number and start) or, with none held, the "so far" period (number null). */
export type ProgressColumn = { number: number | null; startsAt: Date | null };

/** Every member's timeline over the same columns. */
export type ProgressTimelines = { columns: ProgressColumn[]; members: MemberTimeline[] };

/** The timelines of `records` (each carries the same held meetings, in any order) as at `now`. */
export function progressTimelines(records: MemberRecord[], now: Date): ProgressTimelines {
  const held = [...(records[0]?.meetings ?? [])].sort((a, b) => a.number - b.number);
  const columns: ProgressColumn[] = held.length
    ? held.map((m) => ({ number: m.number, startsAt: m.startsAt }))
    : [{ number: null, startsAt: null }];
  const ends = columns.map((_, i) => held[i + 1]?.startsAt ?? now);
  const columnAt = (t: Date) => {
    let index = 0;
    held.forEach((m, i) => {
      if (m.startsAt <= t) index = i;
    });
    return index;
  };
  const columnOf = (a: ActionDates) => {
    const at = a.meetingNumber === null ? -1 : held.findIndex((m) => m.number === a.meetingNumber);
    return at >= 0 ? at : columnAt(a.createdAt);
  };
  return { columns, members: records.map((r) => timeline(r, columns, ends, columnOf, columnAt, now)) };
}

function timeline(
  record: MemberRecord,
  columns: ProgressColumn[],
  ends: Date[],
  columnOf: (a: ActionDates) => number,
  columnAt: (t: Date) => number,
  now: Date,
): MemberTimeline {
  const part = new Map(record.meetings.map((m) => [m.number, m]));
  const cells: ProgressCell[] = columns.map((c, i) => {
    const m = c.number === null ? undefined : part.get(c.number);
    return {
      attended: c.number === null ? null : (m?.attended ?? false),
      presented: c.number === null ? null : (m?.presented ?? false),
      agreed: 0,
      outcomes: 0,
      overdue: record.actions.filter((a) => overdueAt(a, ends[i]!)).length,
    };
  });
  for (const a of record.actions) {
    cells[columnOf(a)]!.agreed++;
    if (a.status !== "open") cells[columnAt(a.outcomeAt ?? a.createdAt)]!.outcomes++;
  }
  const held = columns.filter((c) => c.number !== null).length;
  return {
    name: record.name,
    cells,
    totals: {
      held,
      attended: cells.filter((c) => c.attended).length,
      presented: cells.filter((c) => c.presented).length,
      agreed: record.actions.length,
      outcomes: record.actions.filter((a) => a.status !== "open").length,
      overdue: record.actions.filter((a) => overdueAt(a, now)).length,
    },
  };
}

/**
 * Whether the action was overdue at `t`: agreed by then, its due day over by then (the day ends in the zone it was
 * given in), and no outcome recorded by then. An outcome without a recorded moment counts from the action's start.
 */
function overdueAt(a: ActionDates, t: Date): boolean {
  if (!a.due || a.createdAt > t || dayEnds(a.due) > t) return false;
  if (a.status === "open") return true;
  return (a.outcomeAt ?? a.createdAt) > t;
}
