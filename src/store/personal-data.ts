import type { Db } from "./open-database.ts";

/** Everything stored about one person in one workspace, for `/log export`. */
export async function exportPersonalData(db: Db, personId: string) {
  const [person, memberships, entries, actions, rsvps, attendance, absences, slots] = await Promise.all([
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
    db.membership.findMany({
      where: { personId },
      select: { role: true, pairLabel: true, sharing: true, joinedAt: true, leftAt: true, set: { select: { name: true } } },
    }),
    db.entry.findMany({
      where: { authorId: personId },
      orderBy: { createdAt: "asc" },
      select: {
        number: true,
        kind: true,
        text: true,
        createdAt: true,
        editedAt: true,
        set: { select: { name: true } },
        meeting: { select: { number: true } },
      },
    }),
    db.action.findMany({
      where: { ownerId: personId },
      select: { entry: { select: { number: true } }, dueAt: true, status: true, outcome: true, effectiveness: true, outcomeAt: true },
    }),
    db.rsvp.findMany({
      where: { personId },
      select: { answer: true, answeredAt: true, meeting: { select: { number: true, startsAt: true } } },
    }),
    db.attendance.findMany({ where: { personId }, select: { meeting: { select: { number: true, startsAt: true } } } }),
    db.absence.findMany({ where: { personId }, select: { startsAt: true, endsAt: true, note: true } }),
    db.presenterSlot.findMany({ where: { personId }, select: { status: true, meeting: { select: { number: true, startsAt: true } } } }),
  ]);
  return { person, memberships, entries, actions, rsvps, attendance, absences, presenterSlots: slots };
}

/**
 * Deletes a person's own content — entries and actions, RSVPs, leave, reminder settings and the reminders
 * addressed to them — ends their memberships, and replaces their name. Attendance and presenter turns stay,
 * without a name, as part of their sets' facilitation records. One transaction: all or nothing.
 */
export async function forgetPerson(db: Db, personId: string, now: Date): Promise<{ entries: number }> {
  return db.$transaction(async (tx) => {
    const { count: entries } = await tx.entry.deleteMany({ where: { authorId: personId } });
    await tx.action.deleteMany({ where: { ownerId: personId } });
    await tx.rsvp.deleteMany({ where: { personId } });
    await tx.absence.deleteMany({ where: { personId } });
    await tx.outbox.deleteMany({ where: { personId } });
    await tx.membership.updateMany({ where: { personId, leftAt: null }, data: { leftAt: now, sharing: false, pairLabel: null } });
    await tx.person.update({
      where: { id: personId },
      data: { displayName: "a former member", quietStart: null, quietEnd: null, nudgesOn: false, snoozedUntil: null, stoppedNudges: "" },
    });
    return { entries };
  });
}
