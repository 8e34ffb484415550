-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "centreName" TEXT;
ALTER TABLE "Membership" ADD COLUMN "centreNumber" TEXT;
ALTER TABLE "Membership" ADD COLUMN "registrationNumber" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Entry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    "goalId" TEXT,
    "problemId" TEXT,
    "support" TEXT,
    "source" TEXT,
    CONSTRAINT "Entry_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Entry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Entry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Entry_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Entry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Entry" ("authorId", "createdAt", "editedAt", "id", "kind", "meetingId", "number", "setId", "text") SELECT "authorId", "createdAt", "editedAt", "id", "kind", "meetingId", "number", "setId", "text" FROM "Entry";
DROP TABLE "Entry";
ALTER TABLE "new_Entry" RENAME TO "Entry";
CREATE INDEX "Entry_setId_createdAt_idx" ON "Entry"("setId", "createdAt");
CREATE INDEX "Entry_authorId_createdAt_idx" ON "Entry"("authorId", "createdAt");
CREATE INDEX "Entry_goalId_idx" ON "Entry"("goalId");
CREATE INDEX "Entry_problemId_idx" ON "Entry"("problemId");
CREATE UNIQUE INDEX "Entry_setId_authorId_number_key" ON "Entry"("setId", "authorId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

