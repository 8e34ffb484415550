-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "outcomeEntryId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Action_outcomeEntryId_key" ON "Action"("outcomeEntryId");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_outcomeEntryId_fkey" FOREIGN KEY ("outcomeEntryId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: an outcome recorded by `/log outcome action:N` before this migration is linked to the entry that
-- recorded it (same member and set, same text, same moment).
UPDATE "Action" SET "outcomeEntryId" = (
    SELECT e."id" FROM "Entry" e
    WHERE e."setId" = "Action"."setId" AND e."authorId" = "Action"."ownerId" AND e."kind" = 'outcome'
      AND e."text" = "Action"."outcome" AND e."createdAt" = "Action"."outcomeAt"
    ORDER BY e."number" DESC
    LIMIT 1
) WHERE "outcome" IS NOT NULL;
