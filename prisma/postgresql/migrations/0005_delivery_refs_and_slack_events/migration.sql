-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "platformRef" TEXT;

-- CreateTable
CREATE TABLE "SlackEvent" (
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE INDEX "SlackEvent_receivedAt_idx" ON "SlackEvent"("receivedAt");

