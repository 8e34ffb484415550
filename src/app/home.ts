/**
 * What a person's home page shows (Slack's Home tab, docs/user-guide.md "The Home tab"), as a platform-neutral read
 * model: for each set they are a member of, their next meeting, their open actions and their coverage of the M3.37
 * criteria; for each set they advise, counts and dates only. Reads only: nothing here writes, and someone the bot
 * has never seen is not stored by looking.
 *
 * Privacy: a member's part is built from their own records alone (their actions' words are theirs to see); an
 * advisor's part carries names, counts and dates, never an entry's or an action's text, shared or not, as
 * `/progress` and the advisors' reminders do.
 */
import { readLog, SHORT_NAMES } from "../domain/draft/coach.ts";
import type { Criterion } from "../domain/draft/types.ts";
import { DIGEST_SILENT_DAYS } from "../domain/reminders/advisor-digest.ts";
import { leaveEnds } from "../domain/set/leave.ts";
import { plannedGroups, projectUpcoming } from "../domain/set/rotation-state.ts";
import { type CalendarDate, dayEnds } from "../domain/time/calendar-date.ts";
import { DAY } from "../domain/time/time-units.ts";
import { listActions } from "../store/entries.ts";
import { listAbsences, type MeetingRow } from "../store/meetings.ts";
import { type Database, type Db, inTransaction } from "../store/open-database.ts";
import { findPerson, findWorkspace, type PersonRow } from "../store/people.ts";
import { findSetByChannel, listSetsOfPerson, type SetWithPeople } from "../store/sets.ts";
import type { CommandPlace } from "./destination.ts";
import { loadDraftInput } from "./draft-input.ts";
import { presenterNames } from "./format.ts";
import { loadSetState, type SetState } from "./set-state.ts";

/** The most open actions a member's part lists; the rest are counted, for `/action list`. */
const HOME_ACTIONS_SHOWN = 10;

/** A member's next meeting: when, who presents (stored, or expected by the fair order) and their own answer. */
type HomeNextMeeting = {
  number: number;
  startsAt: Date;
  durationMinutes: number;
  presenters: string;
  /** Whether the presenters are the fair order's expectation rather than announced. */
  expected: boolean;
  /** Whether this person presents at it. */
  presenting: boolean;
  /** Their RSVP, or null when they have not answered. */
  answer: "yes" | "no" | null;
};

/** One criterion as the draft's checklist reads it: its status and the member's words against its target. */
type HomeCriterion = {
  criterion: Criterion;
  /** The criterion in a few words ("strengths and limitations"). */
  name: string;
  status: "covered" | "thin" | "missing";
  words: number;
  target: number;
};

/** A set as one of its members sees it on their home page. */
export type HomeMemberSet = {
  setName: string;
  /** The set's channel: where its buttons run their commands. */
  channelId: string;
  archived: boolean;
  next: HomeNextMeeting | null;
  /** The last day of the leave they are on now, or null. */
  awayUntil: CalendarDate | null;
  /** Their open actions, soonest due first (undated last), at most HOME_ACTIONS_SHOWN. */
  actions: { number: number; text: string; due: CalendarDate | null; overdue: boolean }[];
  /** How many more open actions there are beyond `actions`. */
  moreActions: number;
  coverage: HomeCriterion[];
  /** Their own words in the draft in all. */
  words: number;
};

/** A set as one of its advisors sees it: names, counts and dates only. */
export type HomeAdvisedSet = {
  setName: string;
  channelId: string;
  archived: boolean;
  next: { number: number; startsAt: Date; durationMinutes: number } | null;
  /** Meetings that have ended and are still not closed (attendance and the next date unrecorded). */
  unclosed: { number: number; startsAt: Date }[];
  /** Members with no entry for DIGEST_SILENT_DAYS days: since their last entry, or since joining when they have none. */
  silent: { name: string; since: Date; hasEntries: boolean }[];
  /** Each member's criteria by status, counted. */
  coverage: { name: string; covered: number; thin: number; missing: number }[];
};

/**
 * A person's home page: a welcome for someone who is in no set (never seen, or seen and in none yet), else their
 * sets as a member and as an advisor, by name.
 */
export type Home =
  | { kind: "welcome"; known: boolean }
  | { kind: "sets"; displayName: string; timeZone: string; member: HomeMemberSet[]; advises: HomeAdvisedSet[] };

/** Who is looking: the platform's workspace id and user id. */
export type HomeViewer = { platform: string; workspaceId: string; userId: string };

/** The home page of `viewer` at `now`, read in one read-only transaction. */
export async function loadHome(db: Database, viewer: HomeViewer, now: Date): Promise<Home> {
  return inTransaction(db, async (tx) => {
    const workspace = await findWorkspace(tx, viewer.platform, viewer.workspaceId);
    const person = workspace && (await findPerson(tx, workspace.id, viewer.userId));
    if (!person) return { kind: "welcome", known: false };
    const sets = await listSetsOfPerson(tx, person.id);
    if (sets.length === 0) return { kind: "welcome", known: true };
    const member: HomeMemberSet[] = [];
    const advises: HomeAdvisedSet[] = [];
    for (const set of sets) {
      const role = set.memberships.find((m) => m.person.id === person.id)?.role;
      if (role === "member") member.push(await memberPart(tx, set, person, now));
      else if (role === "advisor") advises.push(await advisorPart(tx, set, now));
    }
    return { kind: "sets", displayName: person.displayName, timeZone: person.timeZone, member, advises };
  });
}

/**
 * The platform user ids whose home page a change made in `place` may alter: the actor, and the current members and
 * advisors of the channel's set (an RSVP, a move or a close shows on each of theirs). Reads only.
 */
export async function homeAudience(db: Database, place: CommandPlace): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const workspace = await findWorkspace(tx, place.platform, place.workspaceId);
    const set = workspace && (await findSetByChannel(tx, workspace.id, place.channelId));
    return [...new Set([place.userId, ...(set?.memberships.map((m) => m.person.externalId) ?? [])])];
  });
}

async function memberPart(db: Db, set: SetWithPeople, person: PersonRow, now: Date): Promise<HomeMemberSet> {
  const [state, actions, input, away] = await Promise.all([
    loadSetState(db, set, now),
    listActions(db, set.id, person.id),
    loadDraftInput(db, set, person, now),
    awayUntil(db, set.id, person.id, now),
  ]);
  const reading = readLog(input);
  const open = actions
    .filter((a) => a.status === "open")
    .map((a) => ({ number: a.number, text: a.text, due: a.due, overdue: a.due !== null && dayEnds(a.due) <= now }))
    .sort((x, y) => dueOrder(x.due) - dueOrder(y.due) || x.number - y.number);
  return {
    setName: set.name,
    channelId: set.channelId,
    archived: set.archivedAt !== null,
    next: nextFor(state, person.id),
    awayUntil: away,
    actions: open.slice(0, HOME_ACTIONS_SHOWN),
    moreActions: Math.max(0, open.length - HOME_ACTIONS_SHOWN),
    coverage: reading.criteria.map((c) => ({
      criterion: c.criterion,
      name: SHORT_NAMES[c.criterion],
      status: c.status,
      words: c.words,
      target: c.target,
    })),
    words: reading.words,
  };
}

const dueOrder = (due: CalendarDate | null) => (due ? dayEnds(due).getTime() : Number.POSITIVE_INFINITY);

/** The last day of the leave the person is on at `now` (the latest, should two overlap), or null. */
async function awayUntil(db: Db, setId: string, personId: string, now: Date): Promise<CalendarDate | null> {
  const current = (await listAbsences(db, setId, now)).filter((a) => a.personId === personId && a.startsAt <= now && now < leaveEnds(a));
  return current.map((a) => a.lastDay).sort((x, y) => dayEnds(y).getTime() - dayEnds(x).getTime())[0] ?? null;
}

function nextFor(state: SetState, personId: string): HomeNextMeeting | null {
  const next = state.upcoming[0];
  if (!next) return null;
  const { groups, expected } = presentersOf(state, next);
  const answer = state.rsvps.find((r) => r.meetingId === next.id && r.personId === personId)?.answer ?? null;
  return {
    number: next.number,
    startsAt: next.startsAt,
    durationMinutes: next.durationMinutes,
    presenters: presenterNames(state.set, groups),
    expected,
    presenting: groups.some((g) => g.includes(personId)),
    answer,
  };
}

/** A meeting's presenters as stored (announced) or, before it is announced, as the fair order expects (src/app/format.ts). */
function presentersOf(state: SetState, m: MeetingRow): { groups: string[][]; expected: boolean } {
  const stored = plannedGroups(state, m.id);
  if (m.announcedAt !== null || m.status !== "scheduled") return { groups: stored, expected: false };
  const plan = projectUpcoming(state).find((p) => p.meetingId === m.id);
  return plan ? { groups: plan.groups, expected: true } : { groups: stored, expected: false };
}

async function advisorPart(db: Db, set: SetWithPeople, now: Date): Promise<HomeAdvisedSet> {
  const state = await loadSetState(db, set, now);
  const ended = (m: MeetingRow) => m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime();
  const silent: HomeAdvisedSet["silent"] = [];
  const coverage: HomeAdvisedSet["coverage"] = [];
  for (const m of set.memberships.filter((x) => x.role === "member")) {
    const input = await loadDraftInput(db, set, m.person, now);
    const last = input.entries.reduce<Date | null>((max, e) => (!max || e.createdAt > max ? e.createdAt : max), null);
    const since = last ?? m.joinedAt;
    if (now.getTime() - since.getTime() >= DIGEST_SILENT_DAYS * DAY)
      silent.push({ name: m.person.displayName, since, hasEntries: last !== null });
    const { criteria } = readLog(input);
    const count = (status: HomeCriterion["status"]) => criteria.filter((c) => c.status === status).length;
    coverage.push({ name: m.person.displayName, covered: count("covered"), thin: count("thin"), missing: count("missing") });
  }
  const next = state.upcoming[0];
  return {
    setName: set.name,
    channelId: set.channelId,
    archived: set.archivedAt !== null,
    next: next ? { number: next.number, startsAt: next.startsAt, durationMinutes: next.durationMinutes } : null,
    unclosed: state.meetings.filter((m) => m.status === "scheduled" && ended(m)).map((m) => ({ number: m.number, startsAt: m.startsAt })),
    silent,
    coverage,
  };
}
