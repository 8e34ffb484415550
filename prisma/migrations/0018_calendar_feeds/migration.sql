-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "cancelledAt" DATETIME;

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "setId" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "CalendarFeed_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CalendarFeed_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_setId_idx" ON "CalendarFeed"("setId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_personId_setId_key" ON "CalendarFeed"("personId", "setId");

