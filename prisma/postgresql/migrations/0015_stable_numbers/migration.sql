-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "number" INTEGER;

-- CreateTable
CREATE TABLE "NumberCounter" (
    "setId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "NumberCounter_pkey" PRIMARY KEY ("setId","personId","kind")
);

-- AddForeignKey
ALTER TABLE "NumberCounter" ADD CONSTRAINT "NumberCounter_setId_fkey" FOREIGN KEY ("setId") REFERENCES "LearningSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing reviews keep the numbers /review list showed: their position among the member's reviews in the set.
UPDATE "Review" SET "number" = (
    SELECT COUNT(*) FROM "Review" AS "earlier"
    WHERE "earlier"."setId" = "Review"."setId" AND "earlier"."memberId" = "Review"."memberId"
      AND ("earlier"."createdAt" < "Review"."createdAt" OR ("earlier"."createdAt" = "Review"."createdAt" AND "earlier"."id" <= "Review"."id"))
);
