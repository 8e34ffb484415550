import type { Db } from "./open-database.ts";

export type EntryRow = {
  id: string;
  number: number;
  kind: string;
  text: string;
  meetingId: string | null;
  createdAt: Date;
  editedAt: Date | null;
};
export type ActionStatus = "open" | "done" | "partly" | "dropped";
export type ActionRow = {
  id: string;
  number: number;
  text: string;
  meetingId: string | null;
  createdAt: Date;
  dueAt: Date | null;
  status: ActionStatus;
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
};

/**
 * Records an entry under the author's next number; an `action` entry also creates its Action.
 * Numbering and insert are atomic inside a transaction, as every command runs (`inTransaction`).
 */
export async function createEntry(
  db: Db,
  input: { setId: string; authorId: string; kind: string; text: string; meetingId: string | null; now: Date; dueAt?: Date | null },
): Promise<EntryRow> {
  const top = await db.entry.aggregate({ where: { setId: input.setId, authorId: input.authorId }, _max: { number: true } });
  const entry = await db.entry.create({
    data: {
      setId: input.setId,
      authorId: input.authorId,
      number: (top._max.number ?? 0) + 1,
      kind: input.kind,
      text: input.text,
      meetingId: input.meetingId,
      createdAt: input.now,
    },
  });
  if (input.kind === "action") {
    await db.action.create({
      data: {
        entryId: entry.id,
        setId: input.setId,
        ownerId: input.authorId,
        meetingId: input.meetingId,
        createdAt: input.now,
        dueAt: input.dueAt ?? null,
      },
    });
  }
  return entry;
}

/** The author's entries in a set, newest first. */
export async function listEntries(db: Db, setId: string, authorId: string, take: number): Promise<EntryRow[]> {
  return db.entry.findMany({ where: { setId, authorId }, orderBy: { number: "desc" }, take });
}

/** One of the author's own entries by number: scoped to the author, so nobody reaches another's. */
export async function findOwnEntry(db: Db, setId: string, authorId: string, number: number): Promise<EntryRow | null> {
  return db.entry.findUnique({ where: { setId_authorId_number: { setId, authorId, number } } });
}

export async function editEntry(db: Db, entryId: string, text: string, now: Date): Promise<void> {
  await db.entry.update({ where: { id: entryId }, data: { text, editedAt: now } });
}

export async function deleteEntry(db: Db, entryId: string): Promise<void> {
  await db.entry.delete({ where: { id: entryId } });
}

type ActionFields = {
  id: string;
  entryId: string;
  meetingId: string | null;
  dueAt: Date | null;
  status: string;
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
};
const asAction = (a: ActionFields, entry: { number: number; text: string; createdAt: Date }): ActionRow => ({
  id: a.id,
  number: entry.number,
  text: entry.text,
  meetingId: a.meetingId,
  createdAt: entry.createdAt,
  dueAt: a.dueAt,
  status: a.status as ActionStatus,
  outcome: a.outcome,
  effectiveness: a.effectiveness,
  outcomeAt: a.outcomeAt,
});

/**
 * The owner's actions in a set, oldest first. Two flat queries joined here: Prisma loads an included
 * relation with the parent ids as parameters, which would grow with the member's actions.
 */
export async function listActions(db: Db, setId: string, ownerId: string): Promise<ActionRow[]> {
  const [actions, entries] = await Promise.all([
    db.action.findMany({ where: { setId, ownerId } }),
    db.entry.findMany({
      where: { setId, authorId: ownerId, action: { isNot: null } },
      orderBy: { number: "asc" },
      select: { id: true, number: true, text: true, createdAt: true },
    }),
  ]);
  const byEntry = new Map(actions.map((a) => [a.entryId, a]));
  return entries.flatMap((e) => {
    const action = byEntry.get(e.id);
    return action ? [asAction(action, e)] : [];
  });
}

/** The owner's action whose entry has this number, or null. */
export async function findOwnAction(db: Db, setId: string, ownerId: string, number: number): Promise<ActionRow | null> {
  const entry = await db.entry.findUnique({ where: { setId_authorId_number: { setId, authorId: ownerId, number } } });
  const action = entry && (await db.action.findUnique({ where: { entryId: entry.id } }));
  return entry && action ? asAction(action, entry) : null;
}

export async function recordOutcome(
  db: Db,
  actionId: string,
  input: { status: ActionStatus; outcome: string | null; effectiveness: string | null; now: Date },
): Promise<void> {
  await db.action.update({
    where: { id: actionId },
    data: { status: input.status, outcome: input.outcome, effectiveness: input.effectiveness, outcomeAt: input.now },
  });
}

export async function setSharing(db: Db, membershipId: string, sharing: boolean): Promise<void> {
  await db.membership.update({ where: { id: membershipId }, data: { sharing } });
}

/** Every entry of the author in the set, oldest first. */
export async function allEntries(db: Db, setId: string, authorId: string): Promise<EntryRow[]> {
  return db.entry.findMany({ where: { setId, authorId }, orderBy: { number: "asc" } });
}
