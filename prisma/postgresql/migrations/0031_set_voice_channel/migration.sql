-- AlterTable
ALTER TABLE "LearningSet" ADD COLUMN     "voiceChannelId" TEXT;

