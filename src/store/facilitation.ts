/**
 * An advisor's own facilitation log (ILM M5.37): entries private to their author. Every query is scoped to one set
 * and one author, so no one reaches another advisor's entries, and no member reaches any.
 */

import type { FacilitationKind } from "../domain/facilitation/entry-kind.ts";
import type { CalendarDate } from "../domain/time/calendar-date.ts";
import { storedDue } from "./entries.ts";
import type { Db } from "./open-database.ts";

export type FacilitationRow = {
  id: string;
  number: number;
  kind: FacilitationKind;
  text: string;
  meetingId: string | null;
  /** A goal's clients and stakeholders, or who gave the feedback, in the advisor's words. */
  with: string | null;
  /** An improvement's due date, as given, in the zone it was read in. */
  due: CalendarDate | null;
  createdAt: Date;
  editedAt: Date | null;
};

type Stored = Omit<FacilitationRow, "kind" | "due"> & { kind: string; dueDate: string | null; dueTimeZone: string | null };
const asRow = ({ dueDate, dueTimeZone, ...row }: Stored): FacilitationRow => ({
  ...row,
  kind: row.kind as FacilitationKind,
  due: storedDue({ dueDate, dueTimeZone }),
});

/** What an entry holds besides its text; `undefined` leaves a field as it is on edit, `null` clears it. */
export type FacilitationFields = { meetingId?: string | null; with?: string | null; due?: CalendarDate | null };

/** Records an entry under the author's next number in the set (atomic inside the command's transaction). */
export async function createFacilitationEntry(
  db: Db,
  input: { setId: string; authorId: string; kind: FacilitationKind; text: string; now: Date } & FacilitationFields,
): Promise<FacilitationRow> {
  const top = await db.facilitationEntry.aggregate({ where: { setId: input.setId, authorId: input.authorId }, _max: { number: true } });
  const row = await db.facilitationEntry.create({
    data: {
      setId: input.setId,
      authorId: input.authorId,
      number: (top._max.number ?? 0) + 1,
      kind: input.kind,
      text: input.text,
      meetingId: input.meetingId ?? null,
      with: input.with ?? null,
      dueDate: input.due?.date ?? null,
      dueTimeZone: input.due?.zone ?? null,
      createdAt: input.now,
    },
  });
  return asRow(row);
}

/** The author's latest `take` entries in a set, newest first; every entry, oldest first, without `take`. */
export async function listFacilitationEntries(db: Db, setId: string, authorId: string, take?: number): Promise<FacilitationRow[]> {
  const rows = await db.facilitationEntry.findMany({
    where: { setId, authorId },
    orderBy: { number: take === undefined ? "asc" : "desc" },
    ...(take === undefined ? {} : { take }),
  });
  return rows.map(asRow);
}

/** One of the author's own entries by number, or null. */
export async function findOwnFacilitationEntry(db: Db, setId: string, authorId: string, number: number): Promise<FacilitationRow | null> {
  const row = await db.facilitationEntry.findUnique({ where: { setId_authorId_number: { setId, authorId, number } } });
  return row ? asRow(row) : null;
}

/** Changes an entry's text and fields where given, and marks it edited at `now`. */
export async function editFacilitationEntry(db: Db, id: string, change: { text?: string } & FacilitationFields, now: Date): Promise<void> {
  const { due, ...rest } = change;
  const dueColumns = due === undefined ? {} : { dueDate: due?.date ?? null, dueTimeZone: due?.zone ?? null };
  await db.facilitationEntry.update({ where: { id }, data: { ...rest, ...dueColumns, editedAt: now } });
}

export async function deleteFacilitationEntry(db: Db, id: string): Promise<void> {
  await db.facilitationEntry.delete({ where: { id } });
}
