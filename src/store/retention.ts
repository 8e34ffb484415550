import { Prisma } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/**
 * Claims a periodic job for this run, across every process on the database: true for exactly one caller
 * once `everyMs` has passed since the job last ran (or it never has). The job's last run is a
 * SchedulerState row; one conditional UPDATE (or the row's first INSERT) decides who wins.
 */
export async function claimPeriodicJob(db: Db, job: string, now: Date, everyMs: number): Promise<boolean> {
  const { count } = await db.schedulerState.updateMany({
    where: { id: job, lastTickAt: { lte: new Date(now.getTime() - everyMs) } },
    data: { lastTickAt: now },
  });
  if (count === 1) return true;
  try {
    await db.schedulerState.create({ data: { id: job, lastTickAt: now } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/**
 * Deletes settled outbox rows whose moment (`sendAt`) lies before the cut-offs: sent and skipped rows
 * before `settledBefore`, failed rows before `failedBefore`. Pending and in-flight rows are never
 * touched. A pruned reminder cannot come back: the planner only plans moments after the last tick,
 * and a row's moment was already behind the tick that recorded it. Two statements; returns the counts.
 */
export async function pruneOutbox(
  db: Db,
  cutoffs: { settledBefore: Date; failedBefore: Date },
): Promise<{ settled: number; failed: number }> {
  const settled = await db.outbox.deleteMany({ where: { status: { in: ["sent", "skipped"] }, sendAt: { lt: cutoffs.settledBefore } } });
  const failed = await db.outbox.deleteMany({ where: { status: "failed", sendAt: { lt: cutoffs.failedBefore } } });
  return { settled: settled.count, failed: failed.count };
}
