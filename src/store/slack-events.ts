import { Prisma } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/** Slack retries an event for a few minutes; a day of ids is plenty to recognise a retry. */
const KEEP_MS = 24 * 3_600_000;

/**
 * Records a Slack event id; false if any process has already recorded it (a retry, perhaps delivered
 * to another process behind the load balancer). The unique key makes the check and the record one step.
 */
export async function firstSightOfSlackEvent(db: Db, eventId: string, now: Date): Promise<boolean> {
  try {
    await db.slackEvent.create({ data: { eventId, receivedAt: now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
  await db.slackEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - KEEP_MS) } } });
  return true;
}
