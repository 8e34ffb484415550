-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "platformRef" TEXT;

-- CreateTable
CREATE TABLE "SlackEvent" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SlackEvent_receivedAt_idx" ON "SlackEvent"("receivedAt");

