-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "section" TEXT,
ADD COLUMN     "effectiveness" TEXT;
