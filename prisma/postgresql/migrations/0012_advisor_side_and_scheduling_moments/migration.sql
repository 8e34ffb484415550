-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "dmChannelId" TEXT;

-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN     "nextDueAt" TIMESTAMP(3),
ADD COLUMN     "reviewEvery" INTEGER DEFAULT 3;

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "advisorId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "authorId" TEXT,
    "about" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FacilitationEntry" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "meetingId" TEXT,
    "with" TEXT,
    "dueDate" TEXT,
    "dueTimeZone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "FacilitationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Review_setId_memberId_createdAt_idx" ON "Review"("setId", "memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_setId_createdAt_idx" ON "Feedback"("setId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FacilitationEntry_setId_authorId_number_key" ON "FacilitationEntry"("setId", "authorId", "number");

-- CreateIndex
CREATE INDEX "LearningSet_nextDueAt_idx" ON "LearningSet"("nextDueAt");

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FacilitationEntry" ADD CONSTRAINT "FacilitationEntry_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

