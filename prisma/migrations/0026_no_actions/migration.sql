-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN "noActionsAt" DATETIME;

