-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN "eventsRefusedAt" DATETIME;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "platformEventId" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "platformEventState" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_platformEventId_key" ON "Meeting"("platformEventId");

