-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "centreName" TEXT,
ADD COLUMN     "centreNumber" TEXT,
ADD COLUMN     "registrationNumber" TEXT;

-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "goalId" TEXT,
ADD COLUMN     "problemId" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "support" TEXT;

-- CreateIndex
CREATE INDEX "Entry_goalId_idx" ON "Entry"("goalId");

-- CreateIndex
CREATE INDEX "Entry_problemId_idx" ON "Entry"("problemId");

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Entry" ADD CONSTRAINT "Entry_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Entry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

