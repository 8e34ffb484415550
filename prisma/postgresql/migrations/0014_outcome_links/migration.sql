-- CreateTable
CREATE TABLE "OutcomeLink" (
    "entryId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,

    CONSTRAINT "OutcomeLink_pkey" PRIMARY KEY ("entryId")
);

-- CreateIndex
CREATE INDEX "OutcomeLink_actionId_idx" ON "OutcomeLink"("actionId");

-- AddForeignKey
ALTER TABLE "OutcomeLink" ADD CONSTRAINT "OutcomeLink_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeLink" ADD CONSTRAINT "OutcomeLink_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Each outcome entry that closed an action keeps its link to it.
INSERT INTO "OutcomeLink" ("entryId", "actionId") SELECT "outcomeEntryId", "id" FROM "Action" WHERE "outcomeEntryId" IS NOT NULL;
