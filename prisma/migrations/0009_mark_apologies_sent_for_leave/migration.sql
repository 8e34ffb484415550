-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Rsvp" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "absenceId" TEXT,

    PRIMARY KEY ("meetingId", "personId"),
    CONSTRAINT "Rsvp_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rsvp_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rsvp_absenceId_fkey" FOREIGN KEY ("absenceId") REFERENCES "Absence" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Rsvp" ("answer", "answeredAt", "meetingId", "personId") SELECT "answer", "answeredAt", "meetingId", "personId" FROM "Rsvp";
DROP TABLE "Rsvp";
ALTER TABLE "new_Rsvp" RENAME TO "Rsvp";
CREATE INDEX "Rsvp_absenceId_idx" ON "Rsvp"("absenceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill: an apology `/away` sent before this migration is linked to its leave (recorded at the same moment the
-- leave began, for a meeting within it: on or before its last day in its zone, and before an early end).
UPDATE "Rsvp" SET "absenceId" = (
    SELECT a."id" FROM "Absence" a JOIN "Meeting" m ON m."id" = "Rsvp"."meetingId"
    WHERE a."personId" = "Rsvp"."personId" AND a."setId" = m."setId" AND a."startsAt" = "Rsvp"."answeredAt"
      AND m."startsAt" >= a."startsAt" AND (a."endedAt" IS NULL OR m."startsAt" < a."endedAt")
      AND date(als_local_time(m."startsAt", als_known_zone(a."timeZone"))) <= a."lastDay"
    LIMIT 1
) WHERE "answer" = 'no';
