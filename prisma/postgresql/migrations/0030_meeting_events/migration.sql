-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN     "eventsRefusedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "platformEventId" TEXT,
ADD COLUMN     "platformEventState" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_platformEventId_key" ON "Meeting"("platformEventId");

