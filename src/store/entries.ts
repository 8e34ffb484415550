import { type CalendarDate, calendarDate } from "../domain/calendar-date.ts";
import { nextNumber } from "./number-counters.ts";
import type { Db } from "./open-database.ts";

export type EntryRow = {
  id: string;
  number: number;
  kind: string;
  text: string;
  meetingId: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** The goal entry it serves or reviews, the problem entry it belongs to (ids of the same author's entries). */
  goalId: string | null;
  problemId: string | null;
  support: string | null;
  source: string | null;
  /** A write-up's draft section ("1.1" … "2.3"); null for every other kind. */
  section: string | null;
  /** An outcome not linked to an action: how effective it was (very, somewhat, not); null otherwise. */
  effectiveness: string | null;
};
/** What an entry may link to or carry besides its text (null or absent: nothing). */
export type EntryLinks = {
  goalId?: string | null;
  problemId?: string | null;
  support?: string | null;
  source?: string | null;
  section?: string | null;
  effectiveness?: string | null;
};
export type ActionStatus = "open" | "done" | "partly" | "dropped";
export type ActionRow = {
  id: string;
  number: number;
  text: string;
  meetingId: string | null;
  createdAt: Date;
  /** The due date as the owner gave it, in the zone it was read in; null when none was given. */
  due: CalendarDate | null;
  status: ActionStatus;
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
  /** The outcome entry that recorded `outcome`, while it stands (deleting it reopens the action). */
  outcomeEntryId: string | null;
};

/**
 * Records an entry under the author's next number, never one a deleted entry had; an `action` entry also creates its Action.
 * Numbering and insert are atomic inside a transaction, as every command runs (`inTransaction`).
 */
export async function createEntry(
  db: Db,
  input: {
    setId: string;
    authorId: string;
    kind: string;
    text: string;
    meetingId: string | null;
    now: Date;
    due?: CalendarDate | null;
  } & EntryLinks,
): Promise<EntryRow> {
  const top = await db.entry.aggregate({ where: { setId: input.setId, authorId: input.authorId }, _max: { number: true } });
  const number = await nextNumber(db, { setId: input.setId, personId: input.authorId, kind: "entry" }, top._max.number ?? 0);
  const entry = await db.entry.create({
    data: {
      setId: input.setId,
      authorId: input.authorId,
      number,
      kind: input.kind,
      text: input.text,
      meetingId: input.meetingId,
      createdAt: input.now,
      goalId: input.goalId ?? null,
      problemId: input.problemId ?? null,
      support: input.support ?? null,
      source: input.source ?? null,
      section: input.section ?? null,
      effectiveness: input.effectiveness ?? null,
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
        dueDate: input.due?.date ?? null,
        dueTimeZone: input.due?.zone ?? null,
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

/**
 * Changes an entry: its text and links where given (`undefined` leaves one as it is, `null` removes it), and an
 * action's due date (`due`, same convention). An outcome entry that closed an action changes that action's outcome
 * with its text. Runs in the command's transaction.
 */
export async function editEntry(
  db: Db,
  entryId: string,
  change: { text?: string; due?: CalendarDate | null } & EntryLinks,
  now: Date,
): Promise<void> {
  const { due, ...fields } = change;
  await db.entry.update({ where: { id: entryId }, data: { ...fields, editedAt: now } });
  if (fields.text !== undefined) await db.action.updateMany({ where: { outcomeEntryId: entryId }, data: { outcome: fields.text } });
  if (due !== undefined)
    await db.action.update({ where: { entryId }, data: { dueDate: due?.date ?? null, dueTimeZone: due?.zone ?? null } });
}

/**
 * The author's `n`th entry of a kind, counting from 1 in entry-number order: what "Goal 2" or "Problem 3" of their
 * draft refers to. Null when they have fewer.
 */
export async function findNthOwnEntry(
  db: Db,
  setId: string,
  authorId: string,
  kind: "goal" | "problem",
  n: number,
): Promise<EntryRow | null> {
  const [row] = await db.entry.findMany({ where: { setId, authorId, kind }, orderBy: { number: "asc" }, skip: n - 1, take: 1 });
  return row ?? null;
}

/** Where an entry stands among the author's entries of its kind (1 for the first), by entry number. */
export async function ordinalOf(db: Db, entry: { id: string; number: number; kind: string }, setId: string, authorId: string) {
  return db.entry.count({ where: { setId, authorId, kind: entry.kind, number: { lte: entry.number } } });
}

export async function deleteEntry(db: Db, entryId: string): Promise<void> {
  await db.entry.delete({ where: { id: entryId } });
}

/** An action's stored due date (ISO day and zone columns) as a calendar date, or null. */
export const storedDue = (a: { dueDate: string | null; dueTimeZone: string | null }): CalendarDate | null =>
  a.dueDate === null ? null : calendarDate(a.dueDate, a.dueTimeZone ?? "UTC");

type ActionFields = {
  id: string;
  entryId: string;
  meetingId: string | null;
  dueDate: string | null;
  dueTimeZone: string | null;
  status: string;
  outcome: string | null;
  effectiveness: string | null;
  outcomeAt: Date | null;
  outcomeEntryId: string | null;
};
const asAction = (a: ActionFields, entry: { number: number; text: string; createdAt: Date }): ActionRow => ({
  id: a.id,
  number: entry.number,
  text: entry.text,
  meetingId: a.meetingId,
  createdAt: entry.createdAt,
  due: storedDue(a),
  status: a.status as ActionStatus,
  outcome: a.outcome,
  effectiveness: a.effectiveness,
  outcomeAt: a.outcomeAt,
  outcomeEntryId: a.outcomeEntryId,
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

/**
 * Records an action's outcome. `outcomeEntryId` is the outcome entry that recorded it (`/log outcome action:N`),
 * null for an outcome given some other way (`/action done text:`), or left as it is when undefined.
 */
export async function recordOutcome(
  db: Db,
  actionId: string,
  input: { status: ActionStatus; outcome: string | null; effectiveness: string | null; now: Date; outcomeEntryId?: string | null },
): Promise<void> {
  await db.action.update({
    where: { id: actionId },
    data: {
      status: input.status,
      outcome: input.outcome,
      effectiveness: input.effectiveness,
      outcomeAt: input.now,
      ...(input.outcomeEntryId !== undefined ? { outcomeEntryId: input.outcomeEntryId } : {}),
    },
  });
}

/** Takes an action's outcome back: open again, with no outcome, effectiveness or outcome entry. */
export async function reopenAction(db: Db, actionId: string): Promise<void> {
  await db.action.update({
    where: { id: actionId },
    data: { status: "open", outcome: null, effectiveness: null, outcomeAt: null, outcomeEntryId: null },
  });
}

/** The action an entry is (an `action` entry's own Action), or null. */
export async function actionOfEntry(db: Db, entry: EntryRow): Promise<ActionRow | null> {
  const action = await db.action.findUnique({ where: { entryId: entry.id } });
  return action ? asAction(action, entry) : null;
}

/** The action whose outcome an outcome entry recorded, or null. */
export async function actionClosedBy(db: Db, outcomeEntryId: string): Promise<ActionRow | null> {
  const action = await db.action.findUnique({ where: { outcomeEntryId }, include: { entry: true } });
  return action ? asAction(action, action.entry) : null;
}

/** An entry by id, or null. */
export async function findEntry(db: Db, entryId: string): Promise<EntryRow | null> {
  return db.entry.findUnique({ where: { id: entryId } });
}

export async function setSharing(db: Db, membershipId: string, sharing: boolean): Promise<void> {
  await db.membership.update({ where: { id: membershipId }, data: { sharing } });
}

/** Every entry of the author in the set, oldest first. */
export async function allEntries(db: Db, setId: string, authorId: string): Promise<EntryRow[]> {
  return db.entry.findMany({ where: { setId, authorId }, orderBy: { number: "asc" } });
}

/** The author's entries of one kind in a set, in entry-number order: index + 1 is "Goal N" / "Problem N". */
export async function listOwnOfKind(db: Db, setId: string, authorId: string, kind: string): Promise<EntryRow[]> {
  return db.entry.findMany({ where: { setId, authorId, kind }, orderBy: { number: "asc" } });
}

/** How many entries of one kind the author has in a set. */
export async function countOwnOfKind(db: Db, setId: string, authorId: string, kind: string): Promise<number> {
  return db.entry.count({ where: { setId, authorId, kind } });
}

/** The author's write-up (`/log write`) for a section and its problem or goal entry, or null. */
export async function findWriteUp(
  db: Db,
  setId: string,
  authorId: string,
  target: { section: string; problemId: string | null; goalId: string | null },
): Promise<EntryRow | null> {
  return db.entry.findFirst({
    where: { setId, authorId, kind: "write", section: target.section, problemId: target.problemId, goalId: target.goalId },
    orderBy: { number: "desc" },
  });
}
