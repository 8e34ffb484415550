import type { Db } from "./open-database.ts";
import type { Role } from "./sets.ts";

/**
 * Everything stored about one person in one workspace, for `/log export`. Flat queries (the person's sets
 * and meetings found by relation filters) joined here, so no query's parameters grow with the person's history.
 */
export async function exportPersonalData(db: Db, personId: string) {
  const own = { personId };
  const [person, sets, meetings, memberships, entries, actions, rsvps, attendance, absences, slots] = await Promise.all([
    db.person.findUniqueOrThrow({
      where: { id: personId },
      select: {
        displayName: true,
        externalId: true,
        timeZone: true,
        quietStart: true,
        quietEnd: true,
        nudgesOn: true,
        snoozedUntil: true,
        stoppedNudges: true,
        createdAt: true,
      },
    }),
    db.learningSet.findMany({
      where: { OR: [{ memberships: { some: own } }, { entries: { some: { authorId: personId } } }] },
      select: { id: true, name: true },
    }),
    db.meeting.findMany({
      where: {
        OR: [
          { entries: { some: { authorId: personId } } },
          { rsvps: { some: own } },
          { attendances: { some: own } },
          { slots: { some: own } },
        ],
      },
      select: { id: true, number: true, startsAt: true },
    }),
    db.membership.findMany({
      where: own,
      select: {
        setId: true,
        role: true,
        pairLabel: true,
        sharing: true,
        joinedAt: true,
        leftAt: true,
        registrationNumber: true,
        centreNumber: true,
        centreName: true,
      },
    }),
    db.entry.findMany({
      where: { authorId: personId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        setId: true,
        meetingId: true,
        number: true,
        kind: true,
        text: true,
        createdAt: true,
        editedAt: true,
        goalId: true,
        problemId: true,
        support: true,
        source: true,
        section: true,
        effectiveness: true,
      },
    }),
    db.action.findMany({
      where: { ownerId: personId },
      select: { entryId: true, dueDate: true, dueTimeZone: true, status: true, outcome: true, effectiveness: true, outcomeAt: true },
    }),
    db.rsvp.findMany({ where: own, select: { meetingId: true, answer: true, answeredAt: true } }),
    db.attendance.findMany({ where: own, select: { meetingId: true } }),
    db.absence.findMany({ where: own, select: { startsAt: true, lastDay: true, timeZone: true, endedAt: true, note: true } }),
    db.presenterSlot.findMany({ where: own, select: { meetingId: true, status: true } }),
  ]);
  const setName = new Map(sets.map((s) => [s.id, { name: s.name }]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const meeting = (id: string) => {
    const m = meetingById.get(id);
    return m ? { number: m.number, startsAt: m.startsAt } : null;
  };
  const entryNumber = new Map(entries.map((e) => [e.id, { number: e.number }]));
  return {
    person,
    memberships: memberships.map(({ setId, ...m }) => ({ ...m, set: setName.get(setId) ?? null })),
    entries: entries.map(({ id: _id, setId, meetingId, goalId, problemId, ...e }) => ({
      ...e,
      goal: goalId ? (entryNumber.get(goalId) ?? null) : null,
      problem: problemId ? (entryNumber.get(problemId) ?? null) : null,
      set: setName.get(setId) ?? null,
      meeting: meetingId ? { number: meetingById.get(meetingId)?.number ?? null } : null,
    })),
    actions: actions.map(({ entryId, ...a }) => ({ entry: entryNumber.get(entryId) ?? null, ...a })),
    rsvps: rsvps.map(({ meetingId, ...r }) => ({ ...r, meeting: meeting(meetingId) })),
    attendance: attendance.map((a) => ({ meeting: meeting(a.meetingId) })),
    absences,
    presenterSlots: slots.map(({ meetingId, ...s }) => ({ ...s, meeting: meeting(meetingId) })),
  };
}

/** A set that forgetting a person touches, and their part in it now (null: they left it, but it holds their entries). */
export type SetTouched = {
  setId: string;
  name: string;
  channelId: string;
  role: Role | null;
  /** They are the set's only current advisor: forgetting them would leave it with nobody to run it. */
  soleAdvisor: boolean;
};

/**
 * The sets of the person's workspace that forgetting them changes: those they are in now and those that still
 * hold their entries, oldest first. Three queries, filtered by the person (joins), whatever their history.
 */
export async function setsTouchedByForgetting(db: Db, personId: string): Promise<SetTouched[]> {
  const current = { personId, leftAt: null };
  const [sets, memberships, advisors] = await Promise.all([
    db.learningSet.findMany({
      where: { OR: [{ memberships: { some: current } }, { entries: { some: { authorId: personId } } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, channelId: true },
    }),
    db.membership.findMany({ where: current, select: { setId: true, role: true } }),
    db.membership.groupBy({
      by: ["setId"],
      where: { role: "advisor", leftAt: null, set: { memberships: { some: { ...current, role: "advisor" } } } },
      _count: { _all: true },
    }),
  ]);
  const roleIn = new Map(memberships.map((m) => [m.setId, m.role as Role]));
  const advisorCount = new Map(advisors.map((a) => [a.setId, a._count._all]));
  return sets.map((s) => ({
    setId: s.id,
    name: s.name,
    channelId: s.channelId,
    role: roleIn.get(s.id) ?? null,
    soleAdvisor: roleIn.get(s.id) === "advisor" && advisorCount.get(s.id) === 1,
  }));
}

/** The platform user id a forgotten person's row is given instead of theirs: no platform's ids look like it. */
const FORGOTTEN_PREFIX = "forgotten:";

/**
 * Deletes a person's own content — entries and actions, RSVPs, leave, reminder settings, their registration and
 * centre details, and the reminders addressed to them — in every set of their workspace, and ends their memberships. Attendance and presenter
 * turns stay as part of their sets' facilitation records, on a row that no longer says who they were: no name,
 * no settings, and no platform user id, so the same user coming back is a new person. All or nothing inside a
 * transaction (`inTransaction`).
 */
export async function forgetPerson(db: Db, personId: string, now: Date): Promise<{ entries: number }> {
  const { count: entries } = await db.entry.deleteMany({ where: { authorId: personId } });
  await db.action.deleteMany({ where: { ownerId: personId } });
  await db.rsvp.deleteMany({ where: { personId } });
  await db.absence.deleteMany({ where: { personId } });
  await db.outbox.deleteMany({ where: { personId } });
  await db.membership.updateMany({ where: { personId, leftAt: null }, data: { leftAt: now, sharing: false, pairLabel: null } });
  await db.membership.updateMany({ where: { personId }, data: { registrationNumber: null, centreNumber: null, centreName: null } });
  await db.person.update({
    where: { id: personId },
    data: {
      externalId: `${FORGOTTEN_PREFIX}${personId}`,
      displayName: "a former member",
      timeZone: "UTC",
      quietStart: null,
      quietEnd: null,
      nudgesOn: false,
      snoozedUntil: null,
      stoppedNudges: "",
    },
  });
  return { entries };
}
