-- CreateTable
CREATE TABLE "KeptText" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeptText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeptText_personId_idx" ON "KeptText"("personId");

-- CreateIndex
CREATE INDEX "KeptText_createdAt_idx" ON "KeptText"("createdAt");

