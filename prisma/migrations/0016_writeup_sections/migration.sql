-- AlterTable
ALTER TABLE "Entry" ADD COLUMN "section" TEXT;
ALTER TABLE "Entry" ADD COLUMN "effectiveness" TEXT;
