import { Prisma } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/** Slack retries an event for a few minutes; a day of ids is plenty to recognise a retry. */
const KEEP_MS = 24 * 3_600_000;

/** Thrown by `recordSlackEvent` for an event id some process has already recorded (a retry). */
export class SlackEventSeenBefore extends Error {
  constructor(readonly eventId: string) {
    super(`Slack event ${eventId} was seen before`);
  }
}

/**
 * Records a Slack event id, and forgets those older than a day. Throws SlackEventSeenBefore if any process has
 * already recorded it (a retry, perhaps delivered to another process behind the load balancer): the unique key makes
 * the check and the record one step. Throwing, not answering false, lets a transaction it runs in roll back (on
 * PostgreSQL a refused insert ends the transaction's use).
 */
export async function recordSlackEvent(db: Db, eventId: string, now: Date): Promise<void> {
  try {
    await db.slackEvent.create({ data: { eventId, receivedAt: now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new SlackEventSeenBefore(eventId);
    throw error;
  }
  await db.slackEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
}
