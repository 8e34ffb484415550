/**
 * The rows the nudge planner reads (src/store/nudge-state.ts assembles them), in raw statements whose set ids travel as
 * ONE JSON parameter: Prisma's own queries bound each id of a batch and were compiled anew for every batch, a large
 * share of a busy tick's planning (docs/scaling.md, "Limit 2"). Each statement has the shape of the query Prisma wrote
 * for it (the same table, join, filter and order), so SQLite answers in the same order as before and the planner's
 * outputs stay the same; rows a statement does not sort come, on PostgreSQL, in the order its plan gives, as before.
 * The SQL is shared by SQLite and PostgreSQL except for the id list and the times.
 */
import { earliestLastDayRunningAt } from "../domain/set/leave.ts";
import { Prisma } from "./generated/client.ts";
import { type Db, providerOf } from "./open-database.ts";
import { sqlTime } from "./outbox.ts";

/** Which sets: the ids of a batch, or null for every set. */
type SetIds = readonly string[] | null;

/** Raw rows: DateTime columns arrive as Date; aggregates (MAX of a time, COUNT) as text or bigint, read by `timeOf`, `Number`. */
type Aggregate = Date | string | null;

type SetRow = {
  id: string;
  name: string;
  channelId: string;
  workspaceId: string;
  archivedAt: Date | null;
  reviewEvery: number | null;
  timeZone: string;
  programmeStart: string | null;
  programmeEnd: string | null;
};
type WorkspaceRow = { id: string; platform: string; externalId: string };
type MembershipRow = { setId: string; role: string; joinedAt: Date; personId: string };
type LeaverRow = { setId: string; lastLeftAt: Date | null };
type MeetingRow = {
  id: string;
  setId: string;
  number: number;
  startsAt: Date;
  durationMinutes: number;
  status: string;
  closedAt: Date | null;
  timeVersion: number;
  timeSetAt: Date | null;
};
type SlotRow = { meetingId: string; personId: string; position: number; plannedAt: Date | null };
type AttendanceRow = { meetingId: string; personId: string; noActionsAt: Date | null };
type ActionRow = {
  id: string;
  entryId: string;
  setId: string;
  ownerId: string;
  meetingId: string | null;
  createdAt: Date;
  dueDate: string | null;
  dueTimeZone: string | null;
  status: string;
  outcomeAt: Date | null;
};
/** An action's entry: its number and text. */
type ActionTextRow = { id: string; number: number; text: string };
type EntryStatRow = { setId: string; authorId: string; lastAt: Date | null; count: number };
type ActionEntryRow = { setId: string; authorId: string; createdAt: Date; kind: string; meetingId: string | null };
type AbsenceRow = { setId: string; personId: string; startsAt: Date; lastDay: string; timeZone: string; endedAt: Date | null };
type HeldBeforeRow = { setId: string; count: number };
type ReviewedRow = { setId: string; memberId: string; lastAt: Date | null };
type FeedbackRow = { setId: string; about: string; createdAt: Date };
/** A goal entry; reviewed: a `review` entry or a written 2.3 section is linked to it. */
type GoalRow = { setId: string; authorId: string; number: number; text: string; reviewed: boolean };

/** Every row kind the planner reads, for the sets asked. */
export type NudgeRows = {
  workspaces: WorkspaceRow[];
  sets: SetRow[];
  memberships: MembershipRow[];
  leavers: LeaverRow[];
  meetings: MeetingRow[];
  slots: SlotRow[];
  attendance: AttendanceRow[];
  actions: ActionRow[];
  actionTexts: ActionTextRow[];
  entryStats: EntryStatRow[];
  actionEntries: ActionEntryRow[];
  absences: AbsenceRow[];
  heldBefore: HeldBeforeRow[];
  reviewed: ReviewedRow[];
  feedback: FeedbackRow[];
  goals: GoalRow[];
};

/** How far back the planner's feedback reaches, and its horizon either side of `now`: the caller's (nudge-state.ts). */
export type NudgeWindow = { from: Date; to: Date; feedbackFrom: Date };

/**
 * Loads the rows of the sets `setIds` (null: every set) in sixteen statements, however many sets: each binds the ids as
 * one JSON parameter and a few times, so no statement's parameters grow with the batch.
 */
export async function loadNudgeRows(db: Db, setIds: SetIds, { from, to, feedbackFrom }: NudgeWindow): Promise<NudgeRows> {
  const pg = providerOf(db) === "postgresql";
  const json = setIds === null ? null : JSON.stringify(setIds);
  /**
   * `AND <column> IN (the batch's ids)`, or nothing for every set. On PostgreSQL as `= ANY(ARRAY(…))`: the array is
   * computed once and read like a list of values, so the planner looks the sets up by index; with `IN (SELECT …)` it
   * guesses the id count and hash-joins against whole tables (a quarter of a second a batch for the presenter slots).
   */
  const inSets = (column: string) => {
    if (json === null) return Prisma.empty;
    return pg
      ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(ARRAY(SELECT json_array_elements_text(${json}::json)))`
      : Prisma.sql`AND ${Prisma.raw(column)} IN (SELECT j.value FROM json_each(${json}) AS j)`;
  };
  /** A time as a parameter, compared with stored times: SQLite's stored text form, or PostgreSQL's column type (UTC). */
  const at = (d: Date) => (pg ? Prisma.sql`${sqlTime(d)}::timestamp(3)` : Prisma.sql`${sqlTime(d)}`);
  const q = <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql);
  const [
    workspaces,
    sets,
    memberships,
    leavers,
    meetings,
    slots,
    attendance,
    actions,
    actionTexts,
    entryStats,
    actionEntries,
    absences,
    heldBefore,
    reviewed,
    feedback,
    goals,
  ] = await Promise.all([
    q<WorkspaceRow>(Prisma.sql`SELECT w."id", w."platform", w."externalId" FROM "Workspace" w
      WHERE EXISTS (SELECT t."workspaceId" FROM "LearningSet" t WHERE TRUE ${inSets(`t."id"`)} AND w."id" = t."workspaceId")`),
    q<SetRow>(Prisma.sql`SELECT s."id", s."name", s."channelId", s."workspaceId", s."archivedAt", s."reviewEvery", s."timeZone",
        s."programmeStart", s."programmeEnd"
      FROM "LearningSet" s WHERE TRUE ${inSets(`s."id"`)}`),
    q<MembershipRow>(Prisma.sql`SELECT m."setId", m."role", m."joinedAt", m."personId" FROM "Membership" m
      WHERE m."leftAt" IS NULL ${inSets(`m."setId"`)}`),
    q<{ setId: string; lastLeftAt: Aggregate }>(Prisma.sql`SELECT MAX(m."leftAt") AS "lastLeftAt", m."setId" FROM "Membership" m
      WHERE m."leftAt" IS NOT NULL ${inSets(`m."setId"`)} GROUP BY m."setId"`),
    q<MeetingRow>(Prisma.sql`SELECT m."id", m."setId", m."number", m."startsAt", m."durationMinutes", m."status", m."closedAt",
        m."timeVersion", m."timeSetAt"
      FROM "Meeting" m WHERE m."status" <> 'cancelled' AND m."startsAt" >= ${at(from)} AND m."startsAt" <= ${at(to)} ${inSets(`m."setId"`)}
      ORDER BY m."startsAt" ASC`),
    q<SlotRow>(Prisma.sql`SELECT p."meetingId", p."personId", p."position", p."plannedAt"
      FROM "PresenterSlot" p LEFT JOIN "Meeting" j ON j."id" = p."meetingId"
      WHERE p."status" IN ('planned', 'presented') AND j."status" <> 'cancelled' AND j."startsAt" >= ${at(from)} AND j."startsAt" <= ${at(to)}
        ${inSets(`j."setId"`)} AND j."id" IS NOT NULL
      ORDER BY p."position" ASC, p."id" ASC`),
    q<AttendanceRow>(Prisma.sql`SELECT a."meetingId", a."personId", a."noActionsAt"
      FROM "Attendance" a LEFT JOIN "Meeting" j ON j."id" = a."meetingId"
      WHERE j."status" = 'closed' AND j."startsAt" >= ${at(from)} AND j."startsAt" <= ${at(to)} ${inSets(`j."setId"`)} AND j."id" IS NOT NULL`),
    q<ActionRow>(Prisma.sql`SELECT a."id", a."entryId", a."setId", a."ownerId", a."meetingId", a."createdAt", a."dueDate", a."dueTimeZone",
        a."status", a."outcomeAt"
      FROM "Action" a WHERE (a."status" = 'open' OR a."outcomeAt" >= ${at(from)}) ${inSets(`a."setId"`)}`),
    // The entries of those actions, for their numbers and texts: a statement of its own (a join would change the actions' order).
    q<ActionTextRow>(Prisma.sql`SELECT e."id", e."number", e."text" FROM "Entry" e LEFT JOIN "Action" j ON j."entryId" = e."id"
      WHERE (j."status" = 'open' OR j."outcomeAt" >= ${at(from)}) AND j."id" IS NOT NULL ${inSets(`e."setId"`)}`),
    q<{ setId: string; authorId: string; lastAt: Aggregate; count: bigint | number }>(Prisma.sql`SELECT MAX(e."createdAt") AS "lastAt",
        COUNT(*) AS "count", e."setId", e."authorId"
      FROM "Entry" e WHERE TRUE ${inSets(`e."setId"`)} GROUP BY e."setId", e."authorId"`),
    q<ActionEntryRow>(Prisma.sql`SELECT e."setId", e."authorId", e."createdAt", e."kind", e."meetingId" FROM "Entry" e
      WHERE e."kind" IN ('action', 'problem') AND e."createdAt" >= ${at(from)} ${inSets(`e."setId"`)}`),
    // Absences that may still run at `from` (src/store/meetings.ts, absenceWhereNotOverBy).
    q<AbsenceRow>(Prisma.sql`SELECT b."setId", b."personId", b."startsAt", b."lastDay", b."timeZone", b."endedAt" FROM "Absence" b
      WHERE b."lastDay" >= ${earliestLastDayRunningAt(from)} AND (b."endedAt" IS NULL OR b."endedAt" > ${at(from)}) ${inSets(`b."setId"`)}`),
    q<{ setId: string; count: bigint | number }>(Prisma.sql`SELECT COUNT(*) AS "count", m."setId" FROM "Meeting" m
      WHERE m."status" = 'closed' AND m."startsAt" < ${at(from)} ${inSets(`m."setId"`)} GROUP BY m."setId"`),
    q<{ setId: string; memberId: string; lastAt: Aggregate }>(Prisma.sql`SELECT MAX(r."createdAt") AS "lastAt", r."setId", r."memberId"
      FROM "Review" r WHERE TRUE ${inSets(`r."setId"`)} GROUP BY r."setId", r."memberId"`),
    q<FeedbackRow>(Prisma.sql`SELECT f."setId", f."about", f."createdAt" FROM "Feedback" f
      WHERE f."createdAt" >= ${at(feedbackFrom)} ${inSets(`f."setId"`)}`),
    q<{ setId: string; authorId: string; number: number; text: string; reviewed: number | bigint }>(Prisma.sql`SELECT g."setId",
        g."authorId", g."number", g."text",
        CASE WHEN EXISTS (SELECT 1 FROM "Entry" r WHERE r."goalId" = g."id" AND r."kind" IN ('review', 'write')) THEN 1 ELSE 0 END AS "reviewed"
      FROM "Entry" g WHERE g."kind" = 'goal' ${inSets(`g."setId"`)}`),
  ]);
  return {
    workspaces,
    sets,
    memberships,
    leavers: leavers.map((l) => ({ setId: l.setId, lastLeftAt: timeOf(l.lastLeftAt) })),
    meetings,
    slots,
    attendance,
    actions,
    actionTexts,
    entryStats: entryStats.map((e) => ({ setId: e.setId, authorId: e.authorId, lastAt: timeOf(e.lastAt), count: Number(e.count) })),
    actionEntries,
    absences,
    heldBefore: heldBefore.map((h) => ({ setId: h.setId, count: Number(h.count) })),
    reviewed: reviewed.map((r) => ({ setId: r.setId, memberId: r.memberId, lastAt: timeOf(r.lastAt) })),
    feedback,
    goals: goals.map((g) => ({ setId: g.setId, authorId: g.authorId, number: g.number, text: g.text, reviewed: Number(g.reviewed) > 0 })),
  };
}

/** A MAX of a time column: PostgreSQL types it (a Date); SQLite gives the stored text, ISO 8601 with its offset. */
const timeOf = (v: Aggregate): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));
