-- AlterTable
ALTER TABLE "Person" ADD COLUMN "timeZoneSource" TEXT;
ALTER TABLE "Person" ADD COLUMN "timeZoneAskedAt" DATETIME;
