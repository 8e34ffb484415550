import { earliestLastDayRunningAt, type Leave, leaveEnds } from "../domain/set/leave.ts";
import { numbersInTimeOrder, type Renumbering } from "../domain/set/meeting-numbers.ts";
import type { NewSlot, RotationSlot, SlotStatus } from "../domain/set/rotation-state.ts";
import { type MeetingStatus, meetingStatusOf } from "../domain/set/statuses.ts";
import { type CalendarDate, calendarDate, calendarDateOf } from "../domain/time/calendar-date.ts";
import type { Prisma } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/**
 * A meeting as the store hands one out: these columns of the Meeting table (announcedAt: when its presenters were
 * announced, null while they are a projection; timeVersion: 1 when scheduled, one more at each move; timeSetAt: when
 * the current start time was set, null for meetings stored before this was recorded; cancelledAt: when it was
 * cancelled, null unless cancelled or cancelled before this was recorded), with its status read.
 */
export type MeetingRow = Omit<Prisma.MeetingGetPayload<{ select: typeof MEETING_COLUMNS }>, "status"> & { status: MeetingStatus };
const MEETING_COLUMNS = {
  id: true,
  setId: true,
  number: true,
  seriesId: true,
  startsAt: true,
  durationMinutes: true,
  status: true,
  closedAt: true,
  announcedAt: true,
  timeVersion: true,
  timeSetAt: true,
  cancelledAt: true,
} as const satisfies Prisma.MeetingSelect;
export type SlotRow = RotationSlot;
/** `absenceId`: set when the bot sent this apology because of that leave. */
export type RsvpRow = { meetingId: string; personId: string; answer: "yes" | "no"; absenceId: string | null };
/** A member's leave as stored: its last day is a calendar date in the zone it was read in (see src/domain/set/leave.ts). */
export type AbsenceRow = Leave & { id: string; personId: string; note: string | null };

const asMeeting = (m: Prisma.MeetingGetPayload<{ select: typeof MEETING_COLUMNS }>): MeetingRow => ({
  ...m,
  status: meetingStatusOf(m.status),
});

/** Every meeting of a set, in time order (numbers break ties). */
export async function listMeetings(db: Db, setId: string): Promise<MeetingRow[]> {
  const rows = await db.meeting.findMany({ where: { setId }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] });
  return rows.map(asMeeting);
}

/** How many of the set's meetings are scheduled and have not started by `now`. */
export async function countUpcomingMeetings(db: Db, setId: string, now: Date): Promise<number> {
  return db.meeting.count({ where: { setId, status: "scheduled", startsAt: { gt: now } } });
}

/**
 * Creates meetings, optionally as one recurring series; `now` is when their times were set. Each new meeting takes
 * a number after the set's highest, then the numbers that are not final are put in time order
 * (src/domain/set/meeting-numbers.ts): `created` carries the numbers given, `renumbered` the other meetings whose
 * number changed (with their start, for the reply that tells the set). Numbering and inserts are atomic only
 * inside a transaction, as every command runs (`inTransaction`).
 */
export async function createMeetings(
  db: Db,
  input: {
    setId: string;
    createdById: string;
    durationMinutes: number;
    starts: Date[];
    series?: { rule: string; timeZone: string };
    now: Date;
  },
): Promise<{ created: MeetingRow[]; renumbered: RenumberedMeeting[] }> {
  const top = await db.meeting.aggregate({ where: { setId: input.setId }, _max: { number: true } });
  const series = input.series
    ? await db.meetingSeries.create({
        data: { setId: input.setId, ...input.series, durationMinutes: input.durationMinutes, createdById: input.createdById },
      })
    : null;
  const first = (top._max.number ?? 0) + 1;
  const created: MeetingRow[] = [];
  for (const [i, startsAt] of input.starts.entries()) {
    const row = await db.meeting.create({
      data: {
        setId: input.setId,
        number: first + i,
        seriesId: series?.id ?? null,
        startsAt,
        durationMinutes: input.durationMinutes,
        createdById: input.createdById,
        timeSetAt: input.now,
      },
    });
    created.push(asMeeting(row));
  }
  const changes = await putNumbersInTimeOrder(db, input.setId, input.now);
  const given = new Map(changes.map((c) => [c.id, c.to]));
  const fresh = new Set(created.map((m) => m.id));
  return {
    created: created.map((m) => ({ ...m, number: given.get(m.id) ?? m.number })),
    renumbered: changes.filter((c) => !fresh.has(c.id)),
  };
}

/**
 * Gives a meeting a new start time, set at `now`: its time version goes up by one, so its time-bound reminders are
 * planned afresh, and the numbers that are not final are put in time order again. Returns the meetings whose number
 * changed, the moved one included.
 */
export async function moveMeeting(db: Db, meetingId: string, startsAt: Date, now: Date): Promise<RenumberedMeeting[]> {
  const row = await db.meeting.update({ where: { id: meetingId }, data: { startsAt, timeSetAt: now, timeVersion: { increment: 1 } } });
  return putNumbersInTimeOrder(db, row.setId, now);
}

/** A meeting whose number changed from `from` to `to`, with its start time. */
export type RenumberedMeeting = Renumbering & { startsAt: Date };

/**
 * Stores the numbers `numbersInTimeOrder` gives the set's meetings. Each number is unique in its set at every
 * statement, so the meetings renumbered first step aside to negative numbers, never stored otherwise.
 */
async function putNumbersInTimeOrder(db: Db, setId: string, now: Date): Promise<RenumberedMeeting[]> {
  const meetings = (await db.meeting.findMany({ where: { setId }, select: NUMBERING_COLUMNS })).map((m) => ({
    ...m,
    status: meetingStatusOf(m.status),
  }));
  const changes = numbersInTimeOrder(meetings, now);
  for (const c of changes) await db.meeting.update({ where: { id: c.id }, data: { number: -c.to } });
  for (const c of changes) await db.meeting.update({ where: { id: c.id }, data: { number: c.to } });
  const startOf = new Map(meetings.map((m) => [m.id, m.startsAt]));
  return changes.map((c) => ({ ...c, startsAt: startOf.get(c.id)! }));
}
const NUMBERING_COLUMNS = {
  id: true,
  number: true,
  startsAt: true,
  status: true,
  announcedAt: true,
} as const satisfies Prisma.MeetingSelect;

/**
 * Marks a meeting's presenters announced at `now`, unless they already are. Returns whether this call did it:
 * of two processes announcing the same meeting at once, exactly one gets true and stores the turns.
 */
export async function markAnnounced(db: Db, meetingId: string, now: Date): Promise<boolean> {
  const { count } = await db.meeting.updateMany({ where: { id: meetingId, announcedAt: null }, data: { announcedAt: now } });
  return count === 1;
}

/**
 * Sets with a scheduled meeting that starts in (now, until] and is not announced yet (at most `limit` sets,
 * earliest meeting first): the sets whose presenters the scheduler must announce.
 */
export async function setsToAnnounce(db: Db, now: Date, until: Date, limit: number): Promise<string[]> {
  const rows = await db.meeting.findMany({
    where: { status: "scheduled", announcedAt: null, startsAt: { gt: now, lte: until } },
    select: { setId: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    distinct: ["setId"],
    take: limit,
  });
  return rows.map((r) => r.setId);
}

/** The earliest start after `after` of a scheduled meeting not yet announced, or null. */
export async function nextUnannouncedStart(db: Db, after: Date): Promise<Date | null> {
  const row = await db.meeting.findFirst({
    where: { status: "scheduled", announcedAt: null, startsAt: { gt: after } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true },
  });
  return row?.startsAt ?? null;
}

/** Records a meeting's new status at `now`: a closed meeting gets `closedAt`, a cancelled one `cancelledAt`. */
export async function setMeetingStatus(db: Db, meetingId: string, status: MeetingStatus, now: Date): Promise<void> {
  const at = status === "closed" ? { closedAt: now } : status === "cancelled" ? { cancelledAt: now } : {};
  await db.meeting.update({ where: { id: meetingId }, data: { status, ...at } });
}

/** Every presenter slot of the set's meetings: one query, filtered by set (a join), however many meetings it has. */
export async function listSlots(db: Db, setId: string): Promise<SlotRow[]> {
  const rows = await db.presenterSlot.findMany({ where: { meeting: { setId } }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((s) => ({ ...s, status: s.status as SlotStatus }));
}

/** Stores turns, planned at `now` (a presenter told of a turn late gets their reminder late). */
export async function insertSlots(db: Db, slots: NewSlot[], now: Date): Promise<void> {
  if (slots.length > 0) await db.presenterSlot.createMany({ data: slots.map((s) => ({ ...s, plannedAt: now })) });
}

/** Sets the status of some slots of one meeting (a meeting has a handful: the ids never grow with the set's history). */
export async function setSlotStatus(db: Db, slotIds: string[], status: SlotStatus): Promise<void> {
  if (slotIds.length > 0) await db.presenterSlot.updateMany({ where: { id: { in: slotIds } }, data: { status } });
}

/** Every RSVP to the set's meetings (filtered by set, a join). */
export async function listRsvps(db: Db, setId: string): Promise<RsvpRow[]> {
  const rows = await db.rsvp.findMany({ where: { meeting: { setId } } });
  return rows.map((r) => ({ ...r, answer: r.answer as "yes" | "no" }));
}

/**
 * A person's answer for a meeting, replacing any earlier one. `absenceId` marks an apology the bot sends because
 * of that leave; without it the answer is the person's own.
 */
export async function saveRsvp(
  db: Db,
  meetingId: string,
  personId: string,
  answer: "yes" | "no",
  now: Date,
  absenceId: string | null = null,
): Promise<void> {
  await db.rsvp.upsert({
    where: { meetingId_personId: { meetingId, personId } },
    create: { meetingId, personId, answer, answeredAt: now, absenceId },
    update: { answer, answeredAt: now, absenceId },
  });
}

/**
 * Withdraws the apologies the bot sent because of a person's leave in a set, for meetings still to come
 * (scheduled, starting after `now`): they have no answer again. Returns those meetings, in time order.
 */
export async function withdrawLeaveApologies(
  db: Db,
  setId: string,
  personId: string,
  now: Date,
): Promise<{ number: number; startsAt: Date }[]> {
  const where = { personId, absenceId: { not: null }, meeting: { setId, status: "scheduled" as const, startsAt: { gt: now } } };
  const meetings = await db.meeting.findMany({
    where: { rsvps: { some: where } },
    orderBy: { startsAt: "asc" },
    select: { number: true, startsAt: true },
  });
  await db.rsvp.deleteMany({ where });
  return meetings;
}

export async function saveAttendance(db: Db, meetingId: string, personIds: string[]): Promise<void> {
  await db.attendance.deleteMany({ where: { meetingId } });
  if (personIds.length > 0) await db.attendance.createMany({ data: personIds.map((personId) => ({ meetingId, personId })) });
}

/**
 * Records that an attendee agreed no actions at a closed meeting (`/action none`); false when they are not recorded
 * as attending it.
 */
export async function markNoActions(db: Db, meetingId: string, personId: string, now: Date): Promise<boolean> {
  const { count } = await db.attendance.updateMany({ where: { meetingId, personId }, data: { noActionsAt: now } });
  return count > 0;
}

/** Who attended each of the set's meetings (filtered by set, a join). */
export async function listAttendance(db: Db, setId: string): Promise<{ meetingId: string; personId: string }[]> {
  return db.attendance.findMany({ where: { meeting: { setId } }, select: { meetingId: true, personId: true } });
}

/**
 * The absences that may still run at `t` (a superset: check each with `leaveEnds`): last day late enough in any
 * zone, and not ended early before `t`.
 */
const absenceWhereNotOverBy = (t: Date) => ({
  lastDay: { gte: earliestLastDayRunningAt(t) },
  OR: [{ endedAt: null }, { endedAt: { gt: t } }],
});

/** A stored absence's leave: its last day as a calendar date in its zone. */
export const asLeave = (a: { startsAt: Date; lastDay: string; timeZone: string; endedAt: Date | null }): Leave => ({
  startsAt: a.startsAt,
  lastDay: calendarDate(a.lastDay, a.timeZone),
  endedAt: a.endedAt,
});

/** Absences of the set that are not over by `from` (their end is after it). */
export async function listAbsences(db: Db, setId: string, from: Date): Promise<AbsenceRow[]> {
  const rows = await db.absence.findMany({ where: { setId, ...absenceWhereNotOverBy(from) }, orderBy: { startsAt: "asc" } });
  return rows.map((a) => ({ id: a.id, personId: a.personId, note: a.note, ...asLeave(a) })).filter((a) => leaveEnds(a) > from);
}

/** Records a leave from `startsAt` to the end of `lastDay` (in the zone it was read in); returns its id. */
export async function addAbsence(
  db: Db,
  input: { setId: string; personId: string; startsAt: Date; lastDay: CalendarDate; note: string | null },
): Promise<string> {
  const { lastDay, ...rest } = input;
  return (await db.absence.create({ data: { ...rest, lastDay: lastDay.date, timeZone: lastDay.zone }, select: { id: true } })).id;
}

/** A leave `/away off` ended: its first and last days in the zone it was booked in, and whether it had not begun yet. */
export type EndedLeave = { firstDay: CalendarDate; lastDay: CalendarDate; ahead: boolean };

/**
 * Ends, at `now`, every absence of a person in a set that is still running or booked ahead (a leave not yet begun is
 * thereby cancelled: it ends before it starts); returns them, soonest first. Leaves already over are left as they
 * were: a leave ends at the sooner of `endedAt` and the end of its last day.
 */
export async function endAbsences(db: Db, setId: string, personId: string, now: Date): Promise<EndedLeave[]> {
  const where = { setId, personId, ...absenceWhereNotOverBy(now) };
  const candidates = await db.absence.findMany({ where, orderBy: { startsAt: "asc" } });
  const ended = candidates.filter((a) => leaveEnds(asLeave(a)) > now);
  if (ended.length > 0) await db.absence.updateMany({ where: { id: { in: ended.map((a) => a.id) } }, data: { endedAt: now } });
  return ended.map((a) => ({
    firstDay: calendarDateOf(a.startsAt, a.timeZone),
    lastDay: calendarDate(a.lastDay, a.timeZone),
    ahead: a.startsAt > now,
  }));
}

/** The closed meetings a person attended in a set, with their lengths. */
export async function attendedMeetings(
  db: Db,
  setId: string,
  personId: string,
): Promise<{ meetingId: string; durationMinutes: number; startsAt: Date }[]> {
  const rows = await db.meeting.findMany({
    where: { setId, status: "closed", attendances: { some: { personId } } },
    orderBy: { startsAt: "asc" },
    select: { id: true, durationMinutes: true, startsAt: true },
  });
  return rows.map((m) => ({ meetingId: m.id, durationMinutes: m.durationMinutes, startsAt: m.startsAt }));
}

/** The ids of the set's meetings at which the person presented (their presenter turns). */
export async function presentedMeetingIds(db: Db, setId: string, personId: string): Promise<string[]> {
  const rows = await db.presenterSlot.findMany({
    where: { personId, status: "presented", meeting: { setId } },
    select: { meetingId: true },
  });
  return rows.map((r) => r.meetingId);
}

/** Cancels every scheduled meeting of the set that starts after `now` (one statement); returns how many. */
export async function cancelUpcomingMeetings(db: Db, setId: string, now: Date): Promise<number> {
  const { count } = await db.meeting.updateMany({
    where: { setId, status: "scheduled", startsAt: { gt: now } },
    data: { status: "cancelled", cancelledAt: now },
  });
  return count;
}
