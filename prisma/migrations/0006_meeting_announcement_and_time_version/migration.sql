-- AlterTable
ALTER TABLE "PresenterSlot" ADD COLUMN "plannedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "seriesId" TEXT,
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "createdById" TEXT NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "announcedAt" DATETIME,
    "timeVersion" INTEGER NOT NULL DEFAULT 1,
    "timeSetAt" DATETIME,
    CONSTRAINT "Meeting_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "MeetingSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("closedAt", "createdAt", "createdById", "durationMinutes", "id", "number", "seriesId", "setId", "startsAt", "status") SELECT "closedAt", "createdAt", "createdById", "durationMinutes", "id", "number", "seriesId", "setId", "startsAt", "status" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_setId_status_startsAt_idx" ON "Meeting"("setId", "status", "startsAt");
CREATE UNIQUE INDEX "Meeting_setId_number_key" ON "Meeting"("setId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

