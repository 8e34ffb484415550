import type { Db } from "./open-database.ts";

export type MeetingStatus = "scheduled" | "closed" | "cancelled";
export type MeetingRow = {
  id: string;
  setId: string;
  number: number;
  seriesId: string | null;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  closedAt: Date | null;
};
export type SlotStatus = "planned" | "presented" | "missed" | "skipped" | "released";
export type SlotRow = { id: string; meetingId: string; personId: string; position: number; status: SlotStatus; swapped: boolean };
export type RsvpRow = { meetingId: string; personId: string; answer: "yes" | "no" };
export type AbsenceRow = { id: string; personId: string; startsAt: Date; endsAt: Date; note: string | null };

const asMeeting = (m: { status: string } & Omit<MeetingRow, "status">): MeetingRow => ({ ...m, status: m.status as MeetingStatus });

/** Every meeting of a set, in time order (numbers break ties). */
export async function listMeetings(db: Db, setId: string): Promise<MeetingRow[]> {
  const rows = await db.meeting.findMany({ where: { setId }, orderBy: [{ startsAt: "asc" }, { number: "asc" }] });
  return rows.map(asMeeting);
}

/** Creates meetings numbered after the set's highest number, optionally as one recurring series. */
export async function createMeetings(
  db: Db,
  input: {
    setId: string;
    createdById: string;
    durationMinutes: number;
    starts: Date[];
    series?: { rule: string; timeZone: string };
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
        },
      });
      created.push(asMeeting(row));
    }
    return created;
  });
}

export async function moveMeeting(db: Db, meetingId: string, startsAt: Date): Promise<void> {
  await db.meeting.update({ where: { id: meetingId }, data: { startsAt } });
}

export async function setMeetingStatus(db: Db, meetingId: string, status: MeetingStatus, now: Date): Promise<void> {
  await db.meeting.update({ where: { id: meetingId }, data: { status, ...(status === "closed" ? { closedAt: now } : {}) } });
}

/** Slots of the given meetings. */
export async function listSlots(db: Db, meetingIds: string[]): Promise<SlotRow[]> {
  const rows = await db.presenterSlot.findMany({ where: { meetingId: { in: meetingIds } }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map((s) => ({ ...s, status: s.status as SlotStatus }));
}

export async function insertSlots(db: Db, slots: Omit<SlotRow, "id">[]): Promise<void> {
  if (slots.length > 0) await db.presenterSlot.createMany({ data: slots });
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

/** Slots grouped by position, in position order: each group presents together. */
export function groupByPosition(slots: Pick<SlotRow, "position" | "personId">[]): string[][] {
  const byPosition = new Map<number, string[]>();
  for (const s of slots) byPosition.set(s.position, [...(byPosition.get(s.position) ?? []), s.personId]);
  return [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
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

/** Cancels every scheduled meeting of the set that starts after `now` (one statement); returns how many. */
export async function cancelUpcomingMeetings(db: Db, setId: string, now: Date): Promise<number> {
  const { count } = await db.meeting.updateMany({
    where: { setId, status: "scheduled", startsAt: { gt: now } },
    data: { status: "cancelled" },
  });
  return count;
}
