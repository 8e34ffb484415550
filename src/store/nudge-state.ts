import type { CoachReading } from "../domain/draft/coach.ts";
import { readStopped } from "../domain/reminders/catalog.ts";
import { quietHoursOf } from "../domain/reminders/quiet-hours.ts";
import type { NudgeAction, NudgeMeeting, NudgePerson, NudgeSet, NudgeState } from "../domain/reminders/types.ts";
import { leaveEnds } from "../domain/set/leave.ts";
import { groupByPosition } from "../domain/set/rotation-state.ts";
import { actionStatusOf, type MeetingStatus, meetingStatusOf } from "../domain/set/statuses.ts";
import { type CalendarDate, calendarDate } from "../domain/time/calendar-date.ts";
import { DAY } from "../domain/time/time-units.ts";
import { storedDue } from "./entries.ts";
import type { Prisma } from "./generated/client.ts";
import { absenceWhereNotOverBy, asLeave } from "./meetings.ts";
import { type Db, providerOf } from "./open-database.ts";
import type { PersonRow } from "./people.ts";

/** An action as a reminder's message shows it. */
export type ViewAction = {
  setId: string;
  ownerId: string;
  number: number;
  text: string;
  meetingId: string | null;
  due: CalendarDate | null;
  open: boolean;
};

/** A set as a reminder is addressed and named. */
export type ViewSet = { name: string; channelId: string; platform: string; workspaceExternalId: string };
/** A meeting as a reminder's message shows it; presenterGroups: who presents, pair partners together, in slot order. */
export type ViewMeeting = {
  setId: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  presenterGroups: string[][];
  status: MeetingStatus;
};

/** What rendering a nudge needs beyond the planner's state: names, channels, meeting and action details. */
export type NudgeView = {
  sets: Map<string, ViewSet>;
  people: Map<string, { externalId: string; displayName: string; timeZone: string }>;
  meetings: Map<string, ViewMeeting>;
  actions: Map<string, ViewAction>;
  /** `${setId}:${ownerId}` → that member's actions in the set. */
  actionsByOwner: Map<string, ViewAction[]>;
  /** setId → its meetings in time order. */
  meetingsBySet: Map<string, { number: number; startsAt: Date }[]>;
  /** `${setId}:${personId}` → how many entries and when the last was made. */
  entryStats: Map<string, { count: number; lastAt: Date }>;
  /** setId → its current members (advisors are not members) and when each joined, in no particular order. */
  membersBySet: Map<string, { id: string; joinedAt: Date }[]>;
  /** setId → its members' leaves (from the start, inclusive, to the end, exclusive), for words that depend on who is away. */
  leavesBySet: Map<string, { personId: string; startsAt: Date; endsAt: Date }[]>;
  /** `${setId}:${memberId}` → the member's goal entries (number and text), for the goal-review DMs (to that member alone). */
  goals: Map<string, { number: number; text: string }[]>;
  /** `${setId}:${memberId}` → when the member was last reviewed by an advisor (`/review`). */
  lastReviewed: Map<string, Date>;
  /** setId → feedback given in the last `FEEDBACK_LOOKBACK_MS`: what it was about and when; never who gave it, nor its text. */
  recentFeedback: Map<string, { about: string; createdAt: Date }[]>;
  /**
   * `${setId}:${memberId}` → that member's log as coaching reads it, for the coaching DMs being rendered: filled by
   * the tick for those only (src/app/coach-readings.ts), not by this load.
   */
  coaching?: Map<string, CoachReading>;
  /** setId → the readings of the members who share their log, for an advisor digest being rendered (counts only are shown). */
  sharedReadings?: Map<string, CoachReading[]>;
};

/** How far back the view holds feedback: more than the week a digest covers. */
const FEEDBACK_LOOKBACK_MS = 8 * DAY;

/** How far back and ahead a tick looks: wider than any reminder rule's reach (the rules are in src/domain/reminders/rules/). */
const HORIZON_MS = 120 * DAY;

/** Which sets to load: `setIds` only (the scheduler passes a bounded batch), or every set when no filter is given. */
export type NudgeStateFilter = { setIds: readonly string[] };

/**
 * Loads everything the nudge planner needs at `now`, for every set or for the sets of `filter`, in a fixed
 * number of queries (sixteen, however many sets and people there are): the planner then works in memory.
 * Queries are flat and joined here, because Prisma loads an included relation in chunks of 999 keys on SQLite,
 * which would make the count grow with the data. With a filter, each query binds its set ids, so a query's
 * parameters grow with the batch, never with the data.
 */
export async function loadNudgeState(db: Db, now: Date, filter?: NudgeStateFilter): Promise<{ state: NudgeState; view: NudgeView }> {
  const from = new Date(now.getTime() - HORIZON_MS);
  const to = new Date(now.getTime() + HORIZON_MS);
  const ids = filter ? { in: [...filter.setIds] } : undefined;
  /** The set filter for a model with a `setId` column ({} = every set). */
  const inSets = ids ? { setId: ids } : {};
  const actionFilter = { OR: [{ status: "open" as const }, { outcomeAt: { gte: from } }] };
  const [
    workspaces,
    sets,
    memberships,
    persons,
    leavers,
    meetings,
    slots,
    attendance,
    actions,
    actionTexts,
    entryStats,
    actionEntries,
    absences,
    heldBefore,
    reviewed,
    feedback,
    goals,
  ] = await Promise.all([
    db.workspace.findMany({ where: ids ? { sets: { some: { id: ids } } } : {}, select: { id: true, platform: true, externalId: true } }),
    db.learningSet.findMany({
      where: ids ? { id: ids } : {},
      select: {
        id: true,
        name: true,
        channelId: true,
        workspaceId: true,
        archivedAt: true,
        reviewEvery: true,
        timeZone: true,
        programmeStart: true,
        programmeEnd: true,
      },
    }),
    db.membership.findMany({ where: { leftAt: null, ...inSets }, select: { setId: true, role: true, joinedAt: true, personId: true } }),
    filter
      ? peopleOfSets(db, filter.setIds)
      : db.person.findMany({ where: { memberships: { some: { leftAt: null } } }, select: PERSON_COLUMNS }),
    db.membership.groupBy({ by: ["setId"], where: { leftAt: { not: null }, ...inSets }, _max: { leftAt: true } }),
    db.meeting.findMany({
      where: { status: { not: "cancelled" }, startsAt: { gte: from, lte: to }, ...inSets },
      orderBy: { startsAt: "asc" },
    }),
    db.presenterSlot.findMany({
      where: {
        status: { in: ["planned", "presented"] },
        meeting: { status: { not: "cancelled" }, startsAt: { gte: from, lte: to }, ...inSets },
      },
      select: { meetingId: true, personId: true, position: true, plannedAt: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    db.attendance.findMany({ where: { meeting: { status: "closed", startsAt: { gte: from, lte: to }, ...inSets } } }),
    db.action.findMany({
      where: { ...actionFilter, ...inSets },
      select: {
        id: true,
        entryId: true,
        setId: true,
        ownerId: true,
        meetingId: true,
        createdAt: true,
        dueDate: true,
        dueTimeZone: true,
        status: true,
        outcomeAt: true,
      },
    }),
    db.entry.findMany({ where: { action: { is: actionFilter }, ...inSets }, select: { id: true, number: true, text: true } }),
    db.entry.groupBy({ by: ["setId", "authorId"], where: inSets, _max: { createdAt: true }, _count: { _all: true } }),
    db.entry.findMany({
      where: { kind: { in: ["action", "problem"] }, createdAt: { gte: from }, ...inSets },
      select: { setId: true, authorId: true, createdAt: true, kind: true, meetingId: true },
    }),
    db.absence.findMany({
      where: { ...absenceWhereNotOverBy(from), ...inSets },
      select: { setId: true, personId: true, startsAt: true, lastDay: true, timeZone: true, endedAt: true },
    }),
    db.meeting.groupBy({ by: ["setId"], where: { status: "closed", startsAt: { lt: from }, ...inSets }, _count: { _all: true } }),
    db.review.groupBy({ by: ["setId", "memberId"], where: inSets, _max: { createdAt: true } }),
    db.feedback.findMany({
      where: { createdAt: { gte: new Date(now.getTime() - FEEDBACK_LOOKBACK_MS) }, ...inSets },
      select: { setId: true, about: true, createdAt: true },
    }),
    // A goal is reviewed by a `review` entry or a written 2.3 section linked to it.
    db.entry.findMany({
      where: { kind: "goal", ...inSets },
      select: {
        setId: true,
        authorId: true,
        number: true,
        text: true,
        servedBy: { where: { kind: { in: ["review", "write"] } }, select: { id: true }, take: 1 },
      },
    }),
  ]);

  const view: NudgeView = {
    sets: new Map(),
    people: new Map(),
    meetings: new Map(),
    actions: new Map(),
    actionsByOwner: new Map(),
    meetingsBySet: new Map(),
    entryStats: new Map(),
    membersBySet: new Map(),
    leavesBySet: new Map(),
    goals: new Map(),
    lastReviewed: new Map(),
    recentFeedback: new Map(),
  };
  const bySet = new Map<string, NudgeSet>();
  const workspaceById = new Map(workspaces.map((w) => [w.id, w]));
  for (const s of sets) {
    const workspace = workspaceById.get(s.workspaceId);
    // Every set's workspace is loaded (the set filter selects workspaces by their sets); one missing is skipped.
    if (!workspace) continue;
    view.sets.set(s.id, { name: s.name, channelId: s.channelId, platform: workspace.platform, workspaceExternalId: workspace.externalId });
    bySet.set(s.id, {
      id: s.id,
      memberIds: [],
      advisorIds: [],
      meetings: [],
      actions: [],
      entryTimes: {},
      actionEntryTimes: {},
      problemEntries: {},
      memberSince: {},
      absences: [],
      sizeChangedAt: new Date(0),
      archived: s.archivedAt !== null,
      reviewEvery: s.reviewEvery,
      programmeStart: s.programmeStart === null ? null : calendarDate(s.programmeStart, s.timeZone),
      programmeEnd: s.programmeEnd === null ? null : calendarDate(s.programmeEnd, s.timeZone),
    });
  }
  const people: Record<string, NudgePerson> = {};
  for (const p of persons) {
    people[p.id] = {
      id: p.id,
      timeZone: p.timeZone,
      quiet: quietHoursOf(p),
      optedOut: !p.nudgesOn,
      snoozedUntil: p.snoozedUntil,
      stopped: readStopped(p.stoppedNudges),
    };
    view.people.set(p.id, { externalId: p.externalId, displayName: p.displayName, timeZone: p.timeZone });
  }
  for (const m of memberships) {
    const set = bySet.get(m.setId);
    if (!set) continue;
    if (m.role === "advisor") set.advisorIds.push(m.personId);
    else {
      set.memberIds.push(m.personId);
      set.memberSince[m.personId] = m.joinedAt;
      push(view.membersBySet, m.setId, { id: m.personId, joinedAt: m.joinedAt });
      if (m.joinedAt > set.sizeChangedAt) set.sizeChangedAt = m.joinedAt;
    }
  }
  for (const l of leavers) {
    const set = bySet.get(l.setId);
    if (set && l._max.leftAt && l._max.leftAt > set.sizeChangedAt) set.sizeChangedAt = l._max.leftAt;
  }

  const slotsByMeeting = new Map<string, { position: number; personId: string; plannedAt: Date | null }[]>();
  for (const s of slots) push(slotsByMeeting, s.meetingId, s);
  const attendees = groupBy(
    attendance,
    (a) => a.meetingId,
    (a) => a.personId,
  );
  const saidNone = groupBy(
    attendance.filter((a) => a.noActionsAt !== null),
    (a) => a.meetingId,
    (a) => a.personId,
  );
  for (const m of meetings) {
    const meetingSlots = slotsByMeeting.get(m.id) ?? [];
    const presenterGroups = groupByPosition(meetingSlots);
    const presenterSince: Record<string, Date> = {};
    for (const s of meetingSlots) if (s.plannedAt) presenterSince[s.personId] = s.plannedAt;
    const meeting: NudgeMeeting = {
      id: m.id,
      number: m.number,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      status: meetingStatusOf(m.status),
      closedAt: m.closedAt,
      presenterIds: presenterGroups.flat(),
      attendeeIds: attendees.get(m.id) ?? [],
      noActionIds: saidNone.get(m.id) ?? [],
      timeVersion: m.timeVersion,
      timeSetAt: m.timeSetAt,
      presenterSince,
    };
    bySet.get(m.setId)?.meetings.push(meeting);
    view.meetings.set(m.id, {
      setId: m.setId,
      number: m.number,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      presenterGroups,
      status: meeting.status,
    });
    push(view.meetingsBySet, m.setId, { number: m.number, startsAt: m.startsAt });
  }
  const textOf = new Map(actionTexts.map((e) => [e.id, e]));
  for (const a of actions) {
    const entry = textOf.get(a.entryId);
    // An action's entry matches the same filter, so it is loaded; one missing is skipped.
    if (!entry) continue;
    const due = storedDue(a);
    const action: NudgeAction = {
      id: a.id,
      ownerId: a.ownerId,
      createdAt: a.createdAt,
      due,
      status: actionStatusOf(a.status),
      outcomeAt: a.outcomeAt,
    };
    bySet.get(a.setId)?.actions.push(action);
    const viewAction = {
      setId: a.setId,
      ownerId: a.ownerId,
      number: entry.number,
      text: entry.text,
      meetingId: a.meetingId,
      due,
      open: a.status === "open",
    };
    view.actions.set(a.id, viewAction);
    push(view.actionsByOwner, `${a.setId}:${a.ownerId}`, viewAction);
  }
  for (const e of entryStats) {
    const set = bySet.get(e.setId);
    if (!set || !e._max.createdAt) continue;
    set.entryTimes[e.authorId] = [e._max.createdAt];
    view.entryStats.set(`${e.setId}:${e.authorId}`, { count: e._count._all, lastAt: e._max.createdAt });
  }
  for (const e of actionEntries) {
    const set = bySet.get(e.setId);
    if (!set) continue;
    if (e.kind === "action") set.actionEntryTimes[e.authorId] = [...(set.actionEntryTimes[e.authorId] ?? []), e.createdAt];
    else {
      const problems = set.problemEntries ?? {};
      problems[e.authorId] = [...(problems[e.authorId] ?? []), { at: e.createdAt, meetingId: e.meetingId }];
      set.problemEntries = problems;
    }
  }
  for (const g of goals) {
    const set = bySet.get(g.setId);
    if (!set) continue;
    const own = set.goals ?? {};
    own[g.authorId] = [...(own[g.authorId] ?? []), { number: g.number, reviewed: g.servedBy.length > 0 }];
    set.goals = own;
    push(view.goals, `${g.setId}:${g.authorId}`, { number: g.number, text: g.text });
  }
  for (const a of absences) {
    const leave = asLeave(a);
    bySet.get(a.setId)?.absences.push({ personId: a.personId, ...leave });
    push(view.leavesBySet, a.setId, { personId: a.personId, startsAt: leave.startsAt, endsAt: leaveEnds(leave) });
  }
  for (const h of heldBefore) {
    const set = bySet.get(h.setId);
    if (set) set.heldBefore = h._count._all;
  }
  for (const r of reviewed) if (r._max.createdAt) view.lastReviewed.set(`${r.setId}:${r.memberId}`, r._max.createdAt);
  for (const f of feedback) push(view.recentFeedback, f.setId, { about: f.about, createdAt: f.createdAt });
  return { state: { sets: [...bySet.values()], people }, view };
}

/** The Person columns the planner and the renderer read. */
const PERSON_COLUMNS = {
  id: true,
  externalId: true,
  displayName: true,
  timeZone: true,
  quietStart: true,
  quietEnd: true,
  nudgesOn: true,
  snoozedUntil: true,
  stoppedNudges: true,
} as const satisfies Prisma.PersonSelect;
/** A person row (src/store/people.ts) without its workspace, which the planner does not need. */
type PlannerPersonRow = Omit<PersonRow, "workspaceId" | "timeZoneSource">;

/**
 * The current members and advisors of the sets `setIds`, each once, in one statement whose set ids travel as ONE JSON
 * parameter. Raw SQL because Prisma writes "has a current membership in these sets" as a correlated EXISTS, which
 * SQLite answers by scanning every person of every set for each batch; `IN (SELECT …)` reads only the batch's memberships.
 */
function peopleOfSets(db: Db, setIds: readonly string[]): Promise<PlannerPersonRow[]> {
  const json = JSON.stringify(setIds);
  return providerOf(db) === "postgresql"
    ? db.$queryRaw<
        PlannerPersonRow[]
      >`SELECT p."id", p."externalId", p."displayName", p."timeZone", p."quietStart", p."quietEnd", p."nudgesOn", p."snoozedUntil", p."stoppedNudges"
        FROM "Person" p WHERE p."id" IN (SELECT m."personId" FROM "Membership" m
          WHERE m."leftAt" IS NULL AND m."setId" IN (SELECT json_array_elements_text(${json}::json)))`
    : db.$queryRaw<
        PlannerPersonRow[]
      >`SELECT p."id", p."externalId", p."displayName", p."timeZone", p."quietStart", p."quietEnd", p."nudgesOn", p."snoozedUntil", p."stoppedNudges"
        FROM "Person" p WHERE p."id" IN (SELECT m."personId" FROM "Membership" m
          WHERE m."leftAt" IS NULL AND m."setId" IN (SELECT j.value FROM json_each(${json}) AS j))`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) push(out, key(r), value(r));
  return out;
}
