-- CreateTable
CREATE TABLE "OutcomeLink" (
    "entryId" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    CONSTRAINT "OutcomeLink_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeLink_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OutcomeLink_actionId_idx" ON "OutcomeLink"("actionId");


-- Each outcome entry that closed an action keeps its link to it.
INSERT INTO "OutcomeLink" ("entryId", "actionId") SELECT "outcomeEntryId", "id" FROM "Action" WHERE "outcomeEntryId" IS NOT NULL;
