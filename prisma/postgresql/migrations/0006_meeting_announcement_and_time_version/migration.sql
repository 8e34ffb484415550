-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "timeSetAt" TIMESTAMP(3),
ADD COLUMN     "timeVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "PresenterSlot" ADD COLUMN     "plannedAt" TIMESTAMP(3);

