import type { Db } from "./open-database.ts";
import type { Role } from "./sets.ts";

/**
 * Everything stored about one person in one workspace, for `/log export`: every row of every table that names
 * them (test/integration/export-complete.test.ts derives those tables from prisma/schema.prisma and fails when
 * one is missing here). Flat queries (the person's sets and meetings found by relation filters) joined here, so
 * no query's parameters grow with the person's history.
 */
export async function exportPersonalData(db: Db, personId: string) {
  const own = { personId };
  const review = { setId: true, text: true, createdAt: true, editedAt: true, reply: true, repliedAt: true } as const;
  const [person, sets, meetings, memberships, entries, actions, rsvps, attendance, absences, slots, feeds] = await Promise.all([
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
      where: {
        OR: [
          { memberships: { some: own } },
          { entries: { some: { authorId: personId } } },
          { reviews: { some: { OR: [{ memberId: personId }, { advisorId: personId }] } } },
          { feedback: { some: { authorId: personId } } },
          { facilitation: { some: { authorId: personId } } },
          { notes: { some: { authorId: personId } } },
        ],
      },
      select: { id: true, name: true },
    }),
    db.meeting.findMany({
      where: {
        OR: [
          { entries: { some: { authorId: personId } } },
          { rsvps: { some: own } },
          { attendances: { some: own } },
          { slots: { some: own } },
          { createdById: personId },
        ],
      },
      select: {
        id: true,
        number: true,
        startsAt: true,
        durationMinutes: true,
        status: true,
        createdById: true,
        createdAt: true,
        closedAt: true,
        announcedAt: true,
        timeSetAt: true,
      },
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
      select: {
        entryId: true,
        createdAt: true,
        dueDate: true,
        dueTimeZone: true,
        status: true,
        outcome: true,
        effectiveness: true,
        outcomeAt: true,
      },
    }),
    db.rsvp.findMany({ where: own, select: { meetingId: true, answer: true, answeredAt: true } }),
    db.attendance.findMany({ where: own, select: { meetingId: true, noActionsAt: true } }),
    db.absence.findMany({
      where: own,
      select: { startsAt: true, lastDay: true, timeZone: true, endedAt: true, note: true, createdAt: true },
    }),
    db.presenterSlot.findMany({
      where: own,
      select: { meetingId: true, position: true, status: true, swapped: true, plannedAt: true, updatedAt: true },
    }),
    // A subscription's token is stored only as a hash, so there is no address to export: which feeds, and since when.
    db.calendarFeed.findMany({ where: own, select: { setId: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const [reviewsOfYou, reviewsWritten, feedback, facilitation, notes, series, reminders, counters, kept] = await Promise.all([
    db.review.findMany({ where: { memberId: personId }, orderBy: { createdAt: "asc" }, select: review }),
    db.review.findMany({ where: { advisorId: personId }, orderBy: { createdAt: "asc" }, select: { ...review, memberId: true } }),
    db.feedback.findMany({
      where: { authorId: personId },
      orderBy: { createdAt: "asc" },
      select: { setId: true, about: true, text: true, createdAt: true },
    }),
    db.facilitationEntry.findMany({
      where: { authorId: personId },
      orderBy: { createdAt: "asc" },
      select: {
        setId: true,
        number: true,
        kind: true,
        text: true,
        meetingId: true,
        with: true,
        dueDate: true,
        dueTimeZone: true,
        createdAt: true,
        editedAt: true,
      },
    }),
    db.advisorNote.findMany({
      where: { authorId: personId },
      orderBy: { createdAt: "asc" },
      select: { setId: true, text: true, createdAt: true },
    }),
    db.meetingSeries.findMany({
      where: { createdById: personId },
      select: { setId: true, rule: true, timeZone: true, durationMinutes: true, createdAt: true },
    }),
    db.outbox.findMany({
      where: own,
      orderBy: { sendAt: "asc" },
      select: {
        kind: true,
        setId: true,
        payload: true,
        sendAt: true,
        staleAt: true,
        status: true,
        sentAt: true,
        reason: true,
        lastError: true,
        createdAt: true,
        nextAttemptAt: true,
        platformRef: true,
      },
    }),
    // The highest number each log of theirs has given out, so that numbers are never reused.
    db.numberCounter.findMany({ where: own, select: { setId: true, kind: true, last: true } }),
    // The words of refused commands, kept a week for their form button (src/store/kept-texts.ts).
    db.keptText.findMany({ where: own, orderBy: { createdAt: "asc" }, select: { key: true, raw: true, channelId: true, createdAt: true } }),
  ]);
  const [names, facilitationMeetings] = await Promise.all([
    db.person.findMany({
      where: { id: { in: [...new Set(reviewsWritten.map((r) => r.memberId))] } },
      select: { id: true, displayName: true },
    }),
    db.meeting.findMany({
      where: { id: { in: [...new Set(facilitation.flatMap((f) => (f.meetingId ? [f.meetingId] : [])))] } },
      select: { id: true, number: true, startsAt: true },
    }),
  ]);
  const nameOf = new Map(names.map((p) => [p.id, p.displayName]));
  const setName = new Map(sets.map((s) => [s.id, { name: s.name }]));
  const meetingById = new Map<string, { number: number; startsAt: Date }>([...facilitationMeetings, ...meetings].map((m) => [m.id, m]));
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
    attendance: attendance.map((a) => ({ meeting: meeting(a.meetingId), ...(a.noActionsAt ? { noActionsAgreedAt: a.noActionsAt } : {}) })),
    absences,
    presenterSlots: slots.map(({ meetingId, ...s }) => ({ ...s, meeting: meeting(meetingId) })),
    numbering: counters.map(({ setId, ...c }) => ({ ...c, set: setName.get(setId) ?? null })),
    calendarSubscriptions: feeds.map((f) => ({
      allMySets: f.setId === null,
      set: f.setId === null ? null : (setName.get(f.setId) ?? null),
      createdAt: f.createdAt,
    })),
    reviewsOfYou: reviewsOfYou.map(({ setId, ...r }) => ({ ...r, set: setName.get(setId) ?? null })),
    reviewsYouWrote: reviewsWritten.map(({ setId, memberId, ...r }) => ({
      ...r,
      member: nameOf.get(memberId) ?? null,
      set: setName.get(setId) ?? null,
    })),
    feedbackYouGave: feedback.map(({ setId, ...f }) => ({ ...f, set: setName.get(setId) ?? null })),
    facilitationEntries: facilitation.map(({ setId, meetingId, ...f }) => ({
      ...f,
      set: setName.get(setId) ?? null,
      meeting: meetingId ? meeting(meetingId) : null,
    })),
    advisorNotes: notes.map(({ setId, ...n }) => ({ ...n, set: setName.get(setId) ?? null })),
    meetingsYouScheduled: meetings.filter((m) => m.createdById === personId).map(({ id: _id, createdById: _by, ...m }) => m),
    meetingSeriesYouCreated: series.map(({ setId, ...s }) => ({ ...s, set: setName.get(setId) ?? null })),
    remindersToYou: reminders.map(({ setId, ...r }) => ({ ...r, set: setName.get(setId) ?? null })),
    wordsKeptFromRefusedCommands: kept.map(({ key, ...k }) => ({ command: `/${key}`, ...k })),
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
 * The sets of the person's workspace that forgetting them changes: those they are or were in and those that still
 * hold their words, oldest first. Three queries, filtered by the person (joins), whatever their history.
 */
export async function setsTouchedByForgetting(db: Db, personId: string): Promise<SetTouched[]> {
  const current = { personId, leftAt: null };
  const [sets, memberships, advisors] = await Promise.all([
    db.learningSet.findMany({
      where: {
        OR: [
          { memberships: { some: { personId } } },
          { entries: { some: { authorId: personId } } },
          { reviews: { some: { OR: [{ memberId: personId }, { advisorId: personId }] } } },
          { feedback: { some: { authorId: personId } } },
        ],
      },
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

/** Whether the person's row holds reminder settings of their own (quiet hours, snooze, stopped kinds). */
export async function holdsSettings(db: Db, personId: string): Promise<boolean> {
  const p = await db.person.findUnique({ where: { id: personId } });
  return !!p && (p.quietStart !== null || !p.nudgesOn || p.snoozedUntil !== null || p.stoppedNudges !== "");
}

/** The platform user id a forgotten person's row is given instead of theirs: no platform's ids look like it. */
const FORGOTTEN_PREFIX = "forgotten:";

/**
 * Deletes everything a person wrote and everything written about them, in every set of their workspace
 * (docs/user-guide.md, "Your data"): entries and actions, RSVPs, leave, reminder settings, their registration and
 * centre details, the reminders addressed to them, their calendar subscriptions, the feedback they gave under their name, their facilitation
 * entries and notes, the words of their refused commands kept for a form, and every review they are part of, as its member (what an advisor wrote about them, with their
 * reply) or as its advisor (their words, with the member's reply to them). It ends their memberships. Anonymous
 * feedback stays: nothing records who gave it. Attendance, presenter turns and the meetings they scheduled stay as
 * part of their sets' records, on a row that no longer says who they were: no name, no settings, and no platform
 * user id, so the same user coming back is a new person. All or nothing inside a transaction (`inTransaction`).
 */
export async function forgetPerson(db: Db, personId: string, now: Date): Promise<{ entries: number }> {
  const { count: entries } = await db.entry.deleteMany({ where: { authorId: personId } });
  await db.action.deleteMany({ where: { ownerId: personId } });
  await db.rsvp.deleteMany({ where: { personId } });
  await db.absence.deleteMany({ where: { personId } });
  await db.outbox.deleteMany({ where: { personId } });
  await db.calendarFeed.deleteMany({ where: { personId } });
  await db.feedback.deleteMany({ where: { authorId: personId } });
  await db.review.deleteMany({ where: { OR: [{ memberId: personId }, { advisorId: personId }] } });
  await db.facilitationEntry.deleteMany({ where: { authorId: personId } });
  await db.advisorNote.deleteMany({ where: { authorId: personId } });
  await db.keptText.deleteMany({ where: { personId } });
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
