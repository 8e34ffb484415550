-- AlterTable
ALTER TABLE "Person" ADD COLUMN "dmChannelId" TEXT;

-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN "nextDueAt" DATETIME;
ALTER TABLE "LearningSet" ADD COLUMN "reviewEvery" INTEGER DEFAULT 3;

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "advisorId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    "reply" TEXT,
    "repliedAt" DATETIME,
    CONSTRAINT "Review_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "authorId" TEXT,
    "about" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Feedback_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FacilitationEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "with" TEXT,
    "dueDate" TEXT,
    "dueTimeZone" TEXT,
    "createdAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    CONSTRAINT "FacilitationEntry_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Review_setId_memberId_createdAt_idx" ON "Review"("setId", "memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_setId_createdAt_idx" ON "Feedback"("setId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FacilitationEntry_setId_authorId_number_key" ON "FacilitationEntry"("setId", "authorId", "number");

-- CreateIndex
CREATE INDEX "LearningSet_nextDueAt_idx" ON "LearningSet"("nextDueAt");

