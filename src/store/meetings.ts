import type { MeetingStatus, NewSlot, RotationSlot, SlotStatus } from "../domain/rotation-state.ts";
import type { Db } from "./open-database.ts";

export type MeetingRow = {
  id: string;
  setId: string;
  number: number;
  seriesId: string | null;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  closedAt: Date | null;
  /** When its presenters were announced; null while they are a projection. */
  announcedAt: Date | null;
  /** 1 when scheduled, one more at each move. */
  timeVersion: number;
  /** When the current start time was set; null for meetings stored before this was recorded. */
  timeSetAt: Date | null;
};
export type SlotRow = RotationSlot;
export type RsvpRow = { meetingId: string; personId: string; answer: "yes" | "no" };
export type AbsenceRow = { id: string; personId: string; startsAt: Date; endsAt: Date; note: string | null };

const asMeeting = (m: { status: string } & Omit<MeetingRow, "status">): MeetingRow => ({ ...m, status: m.status as MeetingStatus });

/** Every meeting of a set, in time order (numbers break ties). */
export async function listMeetings(db: Db, setId: string): Promise<MeetingRow[]> {
  const rows = await db.meeting.findMany({ where: { setId }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] });
  return rows.map(asMeeting);
}

/** Creates meetings numbered after the set's highest number, optionally as one recurring series; `now` is when their times were set. */
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
): Promise<MeetingRow[]> {
  return db.$transaction(async (tx) => {
    const top = await tx.meeting.aggregate({ where: { setId: input.setId }, _max: { number: true } });
    const series = input.series
      ? await tx.meetingSeries.create({
          data: { setId: input.setId, ...input.series, durationMinutes: input.durationMinutes, createdById: input.createdById },
        })
      : null;
    const first = (top._max.number ?? 0) + 1;
    const created: MeetingRow[] = [];
    for (const [i, startsAt] of input.starts.entries()) {
      const row = await tx.meeting.create({
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
    return created;
  });
}

/** Gives a meeting a new start time, set at `now`: its time version goes up by one, so its time-bound reminders are planned afresh. */
export async function moveMeeting(db: Db, meetingId: string, startsAt: Date, now: Date): Promise<void> {
  await db.meeting.update({ where: { id: meetingId }, data: { startsAt, timeSetAt: now, timeVersion: { increment: 1 } } });
}

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

export async function setMeetingStatus(db: Db, meetingId: string, status: MeetingStatus, now: Date): Promise<void> {
  await db.meeting.update({ where: { id: meetingId }, data: { status, ...(status === "closed" ? { closedAt: now } : {}) } });
}

/** Slots of the given meetings. */
export async function listSlots(db: Db, meetingIds: string[]): Promise<SlotRow[]> {
  const rows = await db.presenterSlot.findMany({ where: { meetingId: { in: meetingIds } }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((s) => ({ ...s, status: s.status as SlotStatus }));
}

/** Stores turns, planned at `now` (a presenter told of a turn late gets their reminder late). */
export async function insertSlots(db: Db, slots: NewSlot[], now: Date): Promise<void> {
  if (slots.length > 0) await db.presenterSlot.createMany({ data: slots.map((s) => ({ ...s, plannedAt: now })) });
}

export async function setSlotStatus(db: Db, slotIds: string[], status: SlotStatus): Promise<void> {
  if (slotIds.length > 0) await db.presenterSlot.updateMany({ where: { id: { in: slotIds } }, data: { status } });
}

export async function listRsvps(db: Db, meetingIds: string[]): Promise<RsvpRow[]> {
  const rows = await db.rsvp.findMany({ where: { meetingId: { in: meetingIds } } });
  return rows.map((r) => ({ ...r, answer: r.answer as "yes" | "no" }));
}

export async function saveRsvp(db: Db, meetingId: string, personId: string, answer: "yes" | "no", now: Date): Promise<void> {
  await db.rsvp.upsert({
    where: { meetingId_personId: { meetingId, personId } },
    create: { meetingId, personId, answer, answeredAt: now },
    update: { answer, answeredAt: now },
  });
}

export async function saveAttendance(db: Db, meetingId: string, personIds: string[]): Promise<void> {
  await db.attendance.deleteMany({ where: { meetingId } });
  if (personIds.length > 0) await db.attendance.createMany({ data: personIds.map((personId) => ({ meetingId, personId })) });
}

export async function listAttendance(db: Db, meetingIds: string[]): Promise<{ meetingId: string; personId: string }[]> {
  return db.attendance.findMany({ where: { meetingId: { in: meetingIds } } });
}

/** Absences of the set that have not ended before `from`. */
export async function listAbsences(db: Db, setId: string, from: Date): Promise<AbsenceRow[]> {
  return db.absence.findMany({ where: { setId, endsAt: { gt: from } }, orderBy: { startsAt: "asc" } });
}

export async function addAbsence(
  db: Db,
  input: { setId: string; personId: string; startsAt: Date; endsAt: Date; note: string | null },
): Promise<void> {
  await db.absence.create({ data: input });
}

/** Ends every absence of a person in a set that is still running at `now`; returns how many. */
export async function endAbsences(db: Db, setId: string, personId: string, now: Date): Promise<number> {
  const { count } = await db.absence.updateMany({ where: { setId, personId, endsAt: { gt: now } }, data: { endsAt: now } });
  return count;
}

/** The closed meetings a person attended in a set, with their lengths. */
export async function attendedMeetings(
  db: Db,
  setId: string,
  personId: string,
): Promise<{ meetingId: string; durationMinutes: number; startsAt: Date }[]> {
  const rows = await db.attendance.findMany({ where: { personId, meeting: { setId, status: "closed" } }, include: { meeting: true } });
  return rows.map((r) => ({ meetingId: r.meetingId, durationMinutes: r.meeting.durationMinutes, startsAt: r.meeting.startsAt }));
}
