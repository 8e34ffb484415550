-- Calendar dates are stored as calendar dates (ISO YYYY-MM-DD) with the zone they are read in, no longer as
-- instants. Existing rows keep their meaning:
-- - programme days were stored as UTC midnight of the day: that UTC day;
-- - a due date was stored as the start of the next day in the owner's zone: the day before the nearest local
--   midnight, read in the owner's zone;
-- - a leave's end was the start of the day after its last day in the member's zone: that last day; an end that is
--   not a local midnight was an early return (/away off): its local day, and the end kept as "endedAt".
-- als_local_time() and als_known_zone() are provided by migrateSqlite (src/store/migrate.ts): SQLite has no zones.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LearningSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "programmeStart" TEXT,
    "programmeEnd" TEXT,
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "allowanceMinutes" INTEGER NOT NULL DEFAULT 30,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LearningSet_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LearningSet" ("allowanceMinutes", "channelId", "createdAt", "id", "name", "programmeEnd", "programmeStart", "slotMinutes", "timeZone", "workspaceId") SELECT "allowanceMinutes", "channelId", "createdAt", "id", "name", substr(als_local_time("programmeEnd", 'UTC'), 1, 10), substr(als_local_time("programmeStart", 'UTC'), 1, 10), "slotMinutes", "timeZone", "workspaceId" FROM "LearningSet";
DROP TABLE "LearningSet";
ALTER TABLE "new_LearningSet" RENAME TO "LearningSet";
CREATE UNIQUE INDEX "LearningSet_workspaceId_channelId_key" ON "LearningSet"("workspaceId", "channelId");
CREATE TABLE "new_Absence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "lastDay" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "endedAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Absence_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Absence" ("createdAt", "id", "note", "personId", "setId", "startsAt", "lastDay", "timeZone", "endedAt")
SELECT "createdAt", "id", "note", "personId", "setId", "startsAt",
    CASE WHEN substr("localEnd", 12) = '00:00:00.000' THEN date("localEnd", '-1 day') ELSE substr("localEnd", 1, 10) END,
    "zone",
    CASE WHEN substr("localEnd", 12) = '00:00:00.000' THEN NULL ELSE "endsAt" END
FROM (
    SELECT a.*, z."zone", als_local_time(a."endsAt", z."zone") AS "localEnd"
    FROM "Absence" a
    JOIN (SELECT "id", als_known_zone("timeZone") AS "zone" FROM "Person") z ON z."id" = a."personId"
);
DROP TABLE "Absence";
ALTER TABLE "new_Absence" RENAME TO "Absence";
CREATE INDEX "Absence_setId_personId_idx" ON "Absence"("setId", "personId");
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "dueDate" TEXT,
    "dueTimeZone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "effectiveness" TEXT,
    "outcomeAt" DATETIME,
    CONSTRAINT "Action_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("createdAt", "effectiveness", "entryId", "id", "meetingId", "outcome", "outcomeAt", "ownerId", "setId", "status", "dueDate", "dueTimeZone")
SELECT a."createdAt", a."effectiveness", a."entryId", a."id", a."meetingId", a."outcome", a."outcomeAt", a."ownerId", a."setId", a."status",
    date(als_local_time(a."dueAt", als_known_zone(p."timeZone")), '+12 hours', '-1 day'),
    CASE WHEN a."dueAt" IS NULL THEN NULL ELSE als_known_zone(p."timeZone") END
FROM "Action" a LEFT JOIN "Person" p ON p."id" = a."ownerId";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE UNIQUE INDEX "Action_entryId_key" ON "Action"("entryId");
CREATE INDEX "Action_setId_status_idx" ON "Action"("setId", "status");
CREATE INDEX "Action_ownerId_status_idx" ON "Action"("ownerId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

