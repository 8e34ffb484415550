-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "outcomeEntryId" TEXT,
    CONSTRAINT "Action_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_outcomeEntryId_fkey" FOREIGN KEY ("outcomeEntryId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Action_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("createdAt", "dueDate", "dueTimeZone", "effectiveness", "entryId", "id", "meetingId", "outcome", "outcomeAt", "ownerId", "setId", "status") SELECT "createdAt", "dueDate", "dueTimeZone", "effectiveness", "entryId", "id", "meetingId", "outcome", "outcomeAt", "ownerId", "setId", "status" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE UNIQUE INDEX "Action_entryId_key" ON "Action"("entryId");
CREATE UNIQUE INDEX "Action_outcomeEntryId_key" ON "Action"("outcomeEntryId");
CREATE INDEX "Action_setId_status_idx" ON "Action"("setId", "status");
CREATE INDEX "Action_ownerId_status_idx" ON "Action"("ownerId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: an outcome recorded by `/log outcome action:N` before this migration is linked to the entry that
-- recorded it (same member and set, same text, same moment).
UPDATE "Action" SET "outcomeEntryId" = (
    SELECT e."id" FROM "Entry" e
    WHERE e."setId" = "Action"."setId" AND e."authorId" = "Action"."ownerId" AND e."kind" = 'outcome'
      AND e."text" = "Action"."outcome" AND e."createdAt" = "Action"."outcomeAt"
    ORDER BY e."number" DESC
    LIMIT 1
) WHERE "outcome" IS NOT NULL;
