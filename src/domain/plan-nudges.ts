/**
 * The nudge planner (docs/architecture.md, "Domain rules"; the README's "Reminders"): which reminders a set's state implies, to whom, and when.
 *
 * Pure: no I/O, no clock (times are always passed in). It only *plans*: the outbox stores each nudge under its
 * deterministic `key` with a unique constraint, which is what makes sending exactly-once.
 *
 * Conventions:
 * - "Meeting" means a non-cancelled meeting (scheduled or closed); cancelled meetings are ignored everywhere. Closed
 *   meetings keep producing their (by then stale) candidates, so a catch-up window never loses track of them.
 * - "The next meeting" after A is the first non-cancelled meeting that starts after A.
 * - Whether a nudge exists depends only on facts up to its `dueAt` (plus current membership, opt-out and the
 *   current status of an action for action-due), so the candidates stay stable as time passes.
 * - A meeting's time-bound reminders (presenter-prep, meeting-post, outcome-due) are keyed by its time version
 *   (1 when scheduled, one more at each move): a moved meeting is reminded for its new time, once more.
 * - A reminder whose moment had passed when its fact became known (a meeting scheduled or moved at short notice,
 *   a turn given late) is not sent, except the presenter DM, which is sent late: `LATE_DELAY_MS` after the fact.
 */
import { DateTime } from "luxon";
import { type CalendarDate, dayEnds } from "./calendar-date.ts";
import { SET_SIZE } from "./compliance.ts";
import { type Leave, leaveEnds } from "./leave.ts";
import { planAllAwayAlerts, planUnclosedAlerts } from "./plan-meeting-alerts.ts";
import { planAdvisorDigests, planSetReviews } from "./plan-set-reviews.ts";
import { zoneOf } from "./zone-offsets.ts";

export type NudgeKind =
  | "presenter-prep" // DM each presenter, `presenterPrepHours` before the meeting (or late, when told of the turn after that): prepare and /log problem
  | "meeting-post" // channel post `meetingPostHours` before the meeting: date, presenters, RSVP buttons
  | "log-action" // DM each attendee of a closed meeting who has logged no action since it started (at each of `logActionHours` after closing; the later ones are follow-ups)
  | "log-problem" // DM each presenter of a closed meeting who has logged no problem for it, at the first `logActionHours` (instead of that log-action)
  | "midpoint-outcome" // halfway between closed meeting A and the next meeting B: DM members with actions lacking an outcome
  | "outcome-due" // `outcomeDueHours` before the meeting B that follows a closed meeting: DM members with actions lacking an outcome
  | "action-due" // an open action's due date is over (the end of that day in its zone): DM its owner
  | "advisor-silent" // to each advisor: a member with no entry for `silentDays` days (count and date only, never text)
  | "advisor-set-size" // to each advisor: the member count is below 4 or above 8
  | "advisor-all-away" // to each advisor: every member is away for a meeting (plan-meeting-alerts.ts)
  | "meeting-unclosed" // channel post a day after a meeting ended without being closed (plan-meeting-alerts.ts)
  | "advisor-unclosed" // to each advisor: a day after that, if the meeting is still not closed (plan-meeting-alerts.ts)
  | "set-review" // DM each member when closing a meeting opens a set learning review (every `reviewEvery` meetings held; plan-set-reviews.ts)
  | "advisor-digest"; // to each advisor, weekly (Monday 09:00 in their zone): meetings, silences, overdue actions, reviews due, new feedback (plan-set-reviews.ts)

/** How long a set may stay out of the 4–8 range (e.g. while being formed) before its advisors are told. */
const SIZE_GRACE_MS = 24 * 3_600_000;

/** How long after the fact a late reminder is due: the next tick's, so a tick that read the state just before the change still sends it. */
export const LATE_DELAY_MS = 60_000;

/** The kinds whose subject is a meeting at one of its times, and are keyed by its time version. */
const TIME_BOUND_KINDS: NudgeKind[] = ["presenter-prep", "meeting-post", "outcome-due"];

/**
 * How to find a meeting's time-bound reminders for its current time in the outbox: their kinds and the end of
 * their keys (`…:${meetingId}:${timeVersion}`). Moving or cancelling the meeting drops those still waiting.
 */
export function meetingTimeReminders(m: { id: string; timeVersion: number }): { kinds: string[]; keySuffix: string } {
  return { kinds: [...TIME_BOUND_KINDS], keySuffix: `:${m.id}:${m.timeVersion}` };
}

/** Local quiet hours, "22:00" to "08:00"; may wrap midnight; start === end (or a malformed time) means none. */
export type QuietHours = { start: string; end: string };
/** `stopped`: kinds of reminder this person stopped one by one (`optedOut` stops them all). */
export type NudgePerson = {
  id: string;
  timeZone: string;
  quiet: QuietHours | null;
  optedOut: boolean;
  snoozedUntil: Date | null;
  stopped?: readonly NudgeKind[];
};
export type NudgeMeeting = {
  id: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: "scheduled" | "closed" | "cancelled";
  closedAt: Date | null;
  presenterIds: string[];
  attendeeIds: string[];
  /** 1 when scheduled, one more at each move: the occurrence of the meeting's time-bound reminders (default 1). */
  timeVersion?: number;
  /** When the current start time was set (scheduled or moved); unknown or null: long before any reminder. */
  timeSetAt?: Date | null;
  /** When each presenter's turn was stored (announced, swapped in, given to a replacement); missing: long before. */
  presenterSince?: Record<string, Date>;
};
export type NudgeAction = {
  id: string;
  ownerId: string;
  createdAt: Date;
  /** The due date as given: the action-due DM falls due when this day is over in its zone. */
  due: CalendarDate | null;
  status: "open" | "done" | "partly" | "dropped";
  outcomeAt: Date | null;
};
type NudgeRules = {
  presenterPrepHours: number;
  meetingPostHours: number;
  logActionHours: number[];
  outcomeDueHours: number;
  silentDays: number;
};
const DEFAULT_RULES: NudgeRules = {
  presenterPrepHours: 48,
  meetingPostHours: 24,
  logActionHours: [2, 24],
  outcomeDueHours: 72,
  silentDays: 30,
};
export type NudgeSet = {
  id: string;
  /** current members (advisors are not members); only they are nudged as presenters, attendees or owners */
  memberIds: string[];
  advisorIds: string[];
  /** any order; cancelled ones are ignored */
  meetings: NudgeMeeting[];
  actions: NudgeAction[];
  /** per member: the times of their entries (any kind) and, separately, of their `action` entries */
  entryTimes: Record<string, Date[]>;
  actionEntryTimes: Record<string, Date[]>;
  /** per member: their `problem` entries (time and meeting); none given means none recorded */
  problemEntries?: Record<string, { at: Date; meetingId: string | null }[]>;
  /** when each current member joined (silence counts from here if they have no entry) */
  memberSince: Record<string, Date>;
  /** a person is away from `startsAt` (inclusive) to the leave's end (exclusive, see `leaveEnds`) */
  absences: (Leave & { personId: string })[];
  /** when the member count last changed */
  sizeChangedAt: Date;
  rules?: Partial<NudgeRules>;
  /** an archived set gets no reminders at all */
  archived?: boolean;
  /** a set learning review every this many meetings held; null or absent: none (the store passes the set's setting) */
  reviewEvery?: number | null;
  /** closed meetings of the set older than those in `meetings` (so meetings held are counted from the first) */
  heldBefore?: number;
};
/** `people` should hold everyone nudged; someone missing is treated as UTC, no quiet hours, not opted out. */
export type NudgeState = { sets: NudgeSet[]; people: Record<string, NudgePerson> };
type NudgeTarget = { kind: "person"; personId: string } | { kind: "channel" };
export type PlannedNudge = {
  /** `${kind}:${setId}:${personId or "channel"}:${subjectId}:${occurrence}`: the outbox's unique key */
  key: string;
  kind: NudgeKind;
  setId: string;
  to: NudgeTarget;
  /** meeting id (midpoint-outcome: the closed meeting A; outcome-due: the coming meeting B; the all-away and unclosed alerts and set-review: that meeting), action id, member id (advisor-silent), set id (advisor-set-size, advisor-digest) */
  subjectId: string;
  /** "1", "2"… (presenter-prep, meeting-post, outcome-due: the meeting's time version); advisor-silent: the UTC ISO day of the last entry (or join); advisor-set-size: the member count; advisor-digest: the ISO week in the advisor's zone ("2027-W03") */
  occurrence: string;
  /** when the rule says */
  dueAt: Date;
  /** dueAt moved past the recipient's snooze, then out of their quiet hours (channel posts: dueAt) */
  sendAt: Date;
  /** from this instant on it is no longer worth sending */
  staleAt: Date;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Room on top of the quiet hours' length for a clock change: outOfQuietHours moves a time by less than the sum. */
const CLOCK_CHANGE_ROOM = 2 * HOUR;

/** Every nudge the state implies, due or not (the candidates), in sendAt order (then key). */
export function candidateNudges(state: NudgeState): PlannedNudge[] {
  const out: PlannedNudge[] = [];
  collect(state, { maxBase: Infinity, minSend: -Infinity }, (n) => out.push(n));
  return sorted(out);
}

/**
 * The nudges whose sendAt is in (since, now]: `due` if now < staleAt, else `stale` (to be recorded as skipped).
 * Both in sendAt order. Candidates that cannot fall in the window are pruned before the time-zone work.
 */
export function planNudges(state: NudgeState, window: { since: Date; now: Date }): { due: PlannedNudge[]; stale: PlannedNudge[] } {
  const since = window.since.getTime();
  const now = window.now.getTime();
  const due: PlannedNudge[] = [];
  const stale: PlannedNudge[] = [];
  collect(state, { maxBase: now, minSend: since }, (n) => {
    const send = n.sendAt.getTime();
    if (send > since && send <= now) (now < n.staleAt.getTime() ? due : stale).push(n);
  });
  return { due: sorted(due), stale: sorted(stale) };
}

/** The earliest sendAt strictly after `after`, or null: lets a simulated clock jump from event to event. */
export function nextNudgeAt(state: NudgeState, after: Date): Date | null {
  // Once a candidate is found, anything that cannot be sent before it is skipped unbuilt.
  const bounds = { maxBase: Infinity, minSend: after.getTime() };
  collect(state, bounds, (n) => {
    const send = n.sendAt.getTime();
    if (send > bounds.minSend && send < bounds.maxBase) bounds.maxBase = send;
  });
  return bounds.maxBase === Infinity ? null : new Date(bounds.maxBase);
}

/**
 * The moment `at` moved out of the person's quiet hours, in their zone; `at` itself if not quiet (the end
 * minute is not quiet). DST-correct: the result is the first instant whose local wall clock reads the end time
 * (a non-existent end time moves forward by the gap). An unknown zone or malformed quiet hours leave `at` as is.
 */
export function outOfQuietHours(at: Date, person: Pick<NudgePerson, "timeZone" | "quiet">): Date {
  const quiet = quietMinutes(person.quiet);
  if (!quiet) return at;
  const local = DateTime.fromJSDate(at, { zone: zoneOf(person.timeZone) });
  if (!local.isValid) return at;
  const [start, end] = quiet;
  const minute = local.hour * 60 + local.minute;
  const isQuiet = start < end ? start <= minute && minute < end : minute >= start || minute < end;
  if (!isQuiet) return at;
  // Without a clock change in between, the end is this many wall-clock milliseconds away.
  const wall = ((((end - minute) % 1440) + 1440) % 1440) * 60_000 - local.second * 1000 - local.millisecond;
  const simple = DateTime.fromMillis(at.getTime() + wall, { zone: zoneOf(person.timeZone) });
  if (simple.hour * 60 + simple.minute === end) return simple.toJSDate();
  const day = minute >= end ? local.plus({ days: 1 }) : local;
  return day.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 }).toJSDate();
}

/** [start, end] in minutes after local midnight, or null for none. */
function quietMinutes(quiet: QuietHours | null): [number, number] | null {
  if (!quiet) return null;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  return start === null || end === null || start === end ? null : [start, end];
}

/** An upper bound on how far outOfQuietHours can move a time for these quiet hours. */
function maxQuietShift(quiet: QuietHours | null): number {
  const q = quietMinutes(quiet);
  return q ? ((((q[1] - q[0]) % 1440) + 1440) % 1440) * 60_000 + CLOCK_CHANGE_ROOM : 0;
}

function clockMinutes(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/**
 * Which candidates are worth building: those whose sendAt could be in (minSend, maxBase]. The planner only ever
 * moves a nudge later (snooze, quiet hours), so anything due after `maxBase` is skipped before any time-zone work.
 */
type Bounds = { maxBase: number; minSend: number };

function collect(state: NudgeState, bounds: Bounds, found: (n: PlannedNudge) => void): void {
  for (const set of state.sets) planSet(set, state.people, bounds, found);
}

function sorted(nudges: PlannedNudge[]): PlannedNudge[] {
  return nudges.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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

const DEFAULT_PERSON: Omit<NudgePerson, "id"> = { timeZone: "UTC", quiet: null, optedOut: false, snoozedUntil: null };

/** All candidates of one set (within `bounds`), each passed to `found`. Work is linear in the set's own lists. */
function planSet(set: NudgeSet, people: Record<string, NudgePerson>, bounds: Bounds, found: (n: PlannedNudge) => void): void {
  if (set.archived) return;
  const rules = rulesOf(set);
  const members = new Set(set.memberIds);
  const seen = new Set<string>();

  const leaves = set.absences.map((a) => ({ personId: a.personId, startsAt: a.startsAt, endsAt: leaveEnds(a) }));
  const away = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of leaves) pushTo(away, a.personId, a);
  const isAway = (personId: string, t: number) =>
    (away.get(personId) ?? []).some((a) => a.startsAt.getTime() <= t && t < a.endsAt.getTime());

  const emit = (
    kind: NudgeKind,
    to: NudgeTarget,
    subjectId: string,
    occurrence: string,
    dueAt: number,
    sendAt: number,
    staleAt: number,
  ) => {
    const key = `${kind}:${set.id}:${to.kind === "person" ? to.personId : "channel"}:${subjectId}:${occurrence}`;
    if (seen.has(key)) return;
    seen.add(key);
    found({
      key,
      kind,
      setId: set.id,
      to,
      subjectId,
      occurrence,
      dueAt: new Date(dueAt),
      sendAt: new Date(sendAt),
      staleAt: new Date(staleAt),
    });
  };

  const personOf = (personId: string): NudgePerson => people[personId] ?? { id: personId, ...DEFAULT_PERSON };
  /** When a DM due at `dueAt` goes: after any snooze, then out of quiet hours. */
  const sendTime = (person: NudgePerson, dueAt: number): number =>
    outOfQuietHours(new Date(Math.max(dueAt, person.snoozedUntil?.getTime() ?? Number.NEGATIVE_INFINITY)), person).getTime();

  /**
   * A DM, unless opted out (of all reminders or of this kind) or away at dueAt; sent after any snooze, then out of quiet hours. The rule's own
   * condition (`when`) is checked last, only for nudges that could fall within the bounds.
   */
  const toPerson = (
    kind: NudgeKind,
    personId: string,
    subjectId: string,
    occurrence: string,
    dueAt: number,
    staleAt: number,
    when?: () => boolean,
  ) => {
    if (dueAt > bounds.maxBase) return;
    const person = personOf(personId);
    if (person.optedOut || person.stopped?.includes(kind)) return;
    const base = Math.max(dueAt, person.snoozedUntil?.getTime() ?? -Infinity);
    if (base > bounds.maxBase || base + DAY + CLOCK_CHANGE_ROOM <= bounds.minSend) return;
    if (base + maxQuietShift(person.quiet) <= bounds.minSend) return;
    if (isAway(personId, dueAt) || (when && !when())) return;
    emit(kind, { kind: "person", personId }, subjectId, occurrence, dueAt, sendTime(person, dueAt), staleAt);
  };

  const toChannel = (kind: NudgeKind, subjectId: string, occurrence: string, dueAt: number, staleAt: number) => {
    if (dueAt > bounds.maxBase || dueAt <= bounds.minSend) return;
    emit(kind, { kind: "channel" }, subjectId, occurrence, dueAt, dueAt, staleAt);
  };

  const actionsByOwner = new Map<string, NudgeAction[]>();
  for (const a of set.actions) if (members.has(a.ownerId)) pushTo(actionsByOwner, a.ownerId, a);
  /** Whether the member owns an action created before `t` that has no outcome at `t`. */
  const lacksOutcome = (id: string, t: number) =>
    (actionsByOwner.get(id) ?? []).some((a) => a.createdAt.getTime() < t && (a.outcomeAt === null || a.outcomeAt.getTime() > t));
  /** Whether the member logged an action in [from, to]. */
  const loggedAction = (id: string, from: number, to: number) =>
    (set.actionEntryTimes[id] ?? []).some((t) => t.getTime() >= from && t.getTime() <= to);

  const meetings = set.meetings.filter((m) => m.status !== "cancelled").sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  meetings.forEach((m, i) => {
    const start = m.startsAt.getTime();
    const prev = meetings[i - 1];
    const next = meetings[i + 1];
    const version = String(m.timeVersion ?? 1);
    const timeSet = m.timeSetAt?.getTime() ?? Number.NEGATIVE_INFINITY;

    // A presenter told of the turn (or of the meeting's time) after the 48-hour moment is told late, once.
    const prep = start - rules.presenterPrepHours * HOUR;
    for (const p of m.presenterIds) {
      if (!members.has(p)) continue;
      const known = Math.max(timeSet, m.presenterSince?.[p]?.getTime() ?? Number.NEGATIVE_INFINITY);
      const due = known >= prep ? known + LATE_DELAY_MS : prep;
      if (due < start) toPerson("presenter-prep", p, m.id, version, due, start);
    }
    // "Meeting N is tomorrow" only when that was still ahead once the meeting had this time.
    const post = start - rules.meetingPostHours * HOUR;
    if (timeSet <= post) toChannel("meeting-post", m.id, version, post, start);

    const outcomeDue = start - rules.outcomeDueHours * HOUR;
    if (prev?.status === "closed" && prev.closedAt && timeSet <= outcomeDue) {
      for (const id of set.memberIds) toPerson("outcome-due", id, m.id, version, outcomeDue, start, () => lacksOutcome(id, outcomeDue));
    }

    if (m.status !== "closed" || !m.closedAt) return;
    const closed = m.closedAt.getTime();
    // A presenter's problem: one recorded for this meeting, or after the previous meeting ended, up to `due`.
    const after = prev ? prev.startsAt.getTime() + prev.durationMinutes * 60_000 : -Infinity;
    const lacksProblem = (id: string, due: number) =>
      m.presenterIds.includes(id) &&
      !(set.problemEntries?.[id] ?? []).some((p) => p.at.getTime() <= due && (p.meetingId === m.id || p.at.getTime() > after));
    const stale = (due: number) => (next ? next.startsAt.getTime() : due + 7 * DAY);
    rules.logActionHours.forEach((hours, k) => {
      const due = closed + hours * HOUR;
      const later = rules.logActionHours[k + 1];
      const laterDue = later === undefined ? null : closed + later * HOUR;
      for (const id of m.attendeeIds) {
        if (!members.has(id)) continue;
        // A snooze or quiet hours can bring a reminder and its follow-up to the same moment: then only the
        // follow-up (which stands alone) is sent. Send times only ever grow with the due time.
        const repeatedLater = () =>
          laterDue !== null &&
          !isAway(id, laterDue) &&
          !loggedAction(id, start, laterDue) &&
          sendTime(personOf(id), laterDue) <= sendTime(personOf(id), due);
        // A presenter with no problem logged is asked for it (and their actions) instead of the first log-action.
        if (k === 0) toPerson("log-problem", id, m.id, "1", due, stale(due), () => lacksProblem(id, due));
        toPerson(
          "log-action",
          id,
          m.id,
          String(k + 1),
          due,
          stale(due),
          () => !loggedAction(id, start, due) && !repeatedLater() && !(k === 0 && lacksProblem(id, due)),
        );
      }
    });
    if (next && next.startsAt.getTime() > closed) {
      const due = closed + Math.floor((next.startsAt.getTime() - closed) / 2);
      const stale = next.startsAt.getTime() - rules.outcomeDueHours * HOUR;
      for (const id of set.memberIds) toPerson("midpoint-outcome", id, m.id, "1", due, stale, () => lacksOutcome(id, due));
    }
  });

  planAllAwayAlerts(set, meetings, { toPerson, toChannel });
  planUnclosedAlerts(set, meetings, { toPerson, toChannel });
  planSetReviews(set, meetings, toPerson);
  planAdvisorDigests(set, people, { from: bounds.minSend, to: bounds.maxBase }, toPerson);

  for (const a of set.actions) {
    if (a.status !== "open" || !a.due || !members.has(a.ownerId)) continue;
    const passed = dayEnds(a.due).getTime();
    toPerson("action-due", a.ownerId, a.id, "1", passed, passed + 7 * DAY);
  }

  // Silence counts from the later of the last entry and joining; each silence alerts once (keyed by that day).
  for (const id of set.memberIds) {
    const last = (set.entryTimes[id] ?? []).reduce((max, t) => Math.max(max, t.getTime()), set.memberSince[id]?.getTime() ?? -Infinity);
    if (last === -Infinity) continue;
    // A member away when the silence falls due is reported when they are back, if still silent.
    const silentFrom = last + rules.silentDays * DAY;
    const due = leaves
      .filter((a) => a.personId === id && a.startsAt.getTime() <= silentFrom && silentFrom < a.endsAt.getTime())
      .reduce((t, a) => Math.max(t, a.endsAt.getTime()), silentFrom);
    const day = new Date(last).toISOString().slice(0, 10);
    for (const advisor of set.advisorIds) toPerson("advisor-silent", advisor, id, day, due, due + 7 * DAY);
  }

  const size = set.memberIds.length;
  if (size < SET_SIZE.min || size > SET_SIZE.max) {
    // A day's grace: a set being formed one member at a time is not out of range yet.
    const due = set.sizeChangedAt.getTime() + SIZE_GRACE_MS;
    for (const advisor of set.advisorIds) toPerson("advisor-set-size", advisor, set.id, String(size), due, due + 7 * DAY);
  }
}
