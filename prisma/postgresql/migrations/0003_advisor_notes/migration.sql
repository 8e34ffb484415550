-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL;

-- CreateTable
CREATE TABLE "AdvisorNote" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdvisorNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdvisorNote_setId_createdAt_idx" ON "AdvisorNote"("setId", "createdAt");

-- AddForeignKey
ALTER TABLE "AdvisorNote" ADD CONSTRAINT "AdvisorNote_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

