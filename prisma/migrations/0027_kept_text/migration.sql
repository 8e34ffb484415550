-- CreateTable
CREATE TABLE "KeptText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "KeptText_personId_idx" ON "KeptText"("personId");

-- CreateIndex
CREATE INDEX "KeptText_createdAt_idx" ON "KeptText"("createdAt");

