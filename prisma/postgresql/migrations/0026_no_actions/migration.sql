-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "noActionsAt" TIMESTAMP(3);

