-- CreateTable
CREATE TABLE "AdvisorNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "AdvisorNote_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AdvisorNote_setId_createdAt_idx" ON "AdvisorNote"("setId", "createdAt");

