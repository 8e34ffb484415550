-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "stoppedNudges" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN     "archivedAt" TIMESTAMP(3);

