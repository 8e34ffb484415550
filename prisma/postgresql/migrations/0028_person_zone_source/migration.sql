-- CreateEnum
CREATE TYPE "TimeZoneSource" AS ENUM ('default', 'profile', 'person');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "timeZoneSource" "TimeZoneSource",
ADD COLUMN     "timeZoneAskedAt" TIMESTAMP(3);
