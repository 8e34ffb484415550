import type { Db } from "./open-database.ts";

/** A stored calendar subscription: whose it is, and which set (null: all the person's sets). */
export type CalendarFeedRow = { personId: string; setId: string | null; createdAt: Date };

/** A subscription with the name and zone of the person it belongs to. */
export type CalendarFeedOwner = CalendarFeedRow & { person: { displayName: string; timeZone: string } };

/**
 * The subscription whose token hashes to `tokenHash`, with its person, or null: one look-up by a unique index,
 * whatever the hash.
 */
export async function findCalendarFeed(db: Db, tokenHash: string): Promise<CalendarFeedOwner | null> {
  return db.calendarFeed.findUnique({
    where: { tokenHash },
    select: { personId: true, setId: true, createdAt: true, person: { select: { displayName: true, timeZone: true } } },
  });
}

/** The person's subscriptions to this set and to all their sets (setId null), whichever exist. */
export async function listCalendarFeeds(db: Db, personId: string, setId: string): Promise<CalendarFeedRow[]> {
  return db.calendarFeed.findMany({
    where: { personId, OR: [{ setId }, { setId: null }] },
    select: { personId: true, setId: true, createdAt: true },
  });
}

/**
 * Stores a subscription under `tokenHash`, replacing the person's earlier one of the same scope (this set, or
 * all their sets when `setId` is null): the earlier token stops working in the same transaction.
 */
export async function replaceCalendarFeed(
  db: Db,
  input: { personId: string; setId: string | null; tokenHash: string; now: Date },
): Promise<void> {
  await db.calendarFeed.deleteMany({ where: { personId: input.personId, setId: input.setId } });
  await db.calendarFeed.create({
    data: { personId: input.personId, setId: input.setId, tokenHash: input.tokenHash, createdAt: input.now },
  });
}

/** Deletes the person's subscriptions to this set and to all their sets; returns how many there were. */
export async function deleteCalendarFeeds(db: Db, personId: string, setId: string): Promise<number> {
  const { count } = await db.calendarFeed.deleteMany({ where: { personId, OR: [{ setId }, { setId: null }] } });
  return count;
}
