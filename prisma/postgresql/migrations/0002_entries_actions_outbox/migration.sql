-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "nudgesOn" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "quietEnd" TEXT,
ADD COLUMN     "quietStart" TEXT,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "sharing" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Entry" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "Entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "meetingId" TEXT,
    "dueAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "effectiveness" TEXT,
    "outcomeAt" TIMESTAMP(3),

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "personId" TEXT,
    "payload" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "staleAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "reason" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchedulerState" (
    "id" TEXT NOT NULL,
    "lastTickAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchedulerState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Entry_setId_createdAt_idx" ON "Entry"("setId", "createdAt");

-- CreateIndex
CREATE INDEX "Entry_authorId_createdAt_idx" ON "Entry"("authorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Entry_setId_authorId_number_key" ON "Entry"("setId", "authorId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Action_entryId_key" ON "Action"("entryId");

-- CreateIndex
CREATE INDEX "Action_setId_status_idx" ON "Action"("setId", "status");

-- CreateIndex
CREATE INDEX "Action_ownerId_status_idx" ON "Action"("ownerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_key_key" ON "Outbox"("key");

-- CreateIndex
CREATE INDEX "Outbox_status_sendAt_idx" ON "Outbox"("status", "sendAt");

-- CreateIndex
CREATE INDEX "Outbox_setId_status_idx" ON "Outbox"("setId", "status");

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outbox" ADD CONSTRAINT "Outbox_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

