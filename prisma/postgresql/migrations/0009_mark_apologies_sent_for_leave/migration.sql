-- AlterTable
ALTER TABLE "Rsvp" ADD COLUMN     "absenceId" TEXT;

-- CreateIndex
CREATE INDEX "Rsvp_absenceId_idx" ON "Rsvp"("absenceId");

-- AddForeignKey
ALTER TABLE "Rsvp" ADD CONSTRAINT "Rsvp_absenceId_fkey" FOREIGN KEY ("absenceId") REFERENCES "Absence"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: an apology `/away` sent before this migration is linked to its leave (recorded at the same moment the
-- leave began, for a meeting within it: on or before its last day in its zone, and before an early end).
UPDATE "Rsvp" SET "absenceId" = (
    SELECT a."id" FROM "Absence" a JOIN "Meeting" m ON m."id" = "Rsvp"."meetingId"
    WHERE a."personId" = "Rsvp"."personId" AND a."setId" = m."setId" AND a."startsAt" = "Rsvp"."answeredAt"
      AND m."startsAt" >= a."startsAt" AND (a."endedAt" IS NULL OR m."startsAt" < a."endedAt")
      AND to_char((m."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE a."timeZone", 'YYYY-MM-DD') <= a."lastDay"
    LIMIT 1
) WHERE "answer" = 'no';
