-- Status and role columns become enums. Each column is converted in place (USING), keeping its rows and indexes.
CREATE TYPE "Role" AS ENUM ('member', 'advisor');
CREATE TYPE "MeetingStatus" AS ENUM ('scheduled', 'closed', 'cancelled');
CREATE TYPE "SlotStatus" AS ENUM ('planned', 'presented', 'skipped', 'missed', 'released');
CREATE TYPE "ActionStatus" AS ENUM ('open', 'done', 'partly', 'dropped');
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'skipped');

ALTER TABLE "Membership" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";

ALTER TABLE "Meeting" ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "MeetingStatus" USING "status"::"MeetingStatus",
  ALTER COLUMN "status" SET DEFAULT 'scheduled';

ALTER TABLE "PresenterSlot" ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "SlotStatus" USING "status"::"SlotStatus",
  ALTER COLUMN "status" SET DEFAULT 'planned';

ALTER TABLE "Action" ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "ActionStatus" USING "status"::"ActionStatus",
  ALTER COLUMN "status" SET DEFAULT 'open';

ALTER TABLE "Outbox" ALTER COLUMN "status" TYPE "OutboxStatus" USING "status"::"OutboxStatus";
