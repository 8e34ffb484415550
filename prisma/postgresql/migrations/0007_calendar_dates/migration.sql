-- Calendar dates are stored as calendar dates (ISO YYYY-MM-DD) with the zone they are read in, no longer as
-- instants. Existing rows keep their meaning:
-- - programme days were stored as UTC midnight of the day: that UTC day;
-- - a due date was stored as the start of the next day in the owner's zone: the day before the nearest local
--   midnight, read in the owner's zone;
-- - a leave's end was the start of the day after its last day in the member's zone: that last day; an end that is
--   not a local midnight was an early return (/away off): its local day, and the end kept as "endedAt".
-- A zone PostgreSQL does not know reads as UTC.
-- The zone each person's dates are read in.
CREATE TEMPORARY TABLE "_person_zone" ON COMMIT DROP AS
SELECT p."id", CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n."name" = p."timeZone") THEN p."timeZone" ELSE 'UTC' END AS "zone"
FROM "Person" p;

-- AlterTable
ALTER TABLE "LearningSet" ALTER COLUMN "programmeStart" SET DATA TYPE TEXT USING to_char("programmeStart", 'YYYY-MM-DD'),
ALTER COLUMN "programmeEnd" SET DATA TYPE TEXT USING to_char("programmeEnd", 'YYYY-MM-DD');

-- AlterTable
ALTER TABLE "Absence" ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "lastDay" TEXT,
ADD COLUMN     "timeZone" TEXT;
UPDATE "Absence" a SET "timeZone" = z."zone" FROM "_person_zone" z WHERE z."id" = a."personId";
UPDATE "Absence" a
SET "lastDay" = to_char(CASE WHEN l."t" = date_trunc('day', l."t") THEN l."t" - interval '1 day' ELSE l."t" END, 'YYYY-MM-DD'),
    "endedAt" = CASE WHEN l."t" = date_trunc('day', l."t") THEN NULL ELSE a."endsAt" END
FROM (SELECT "id", ("endsAt" AT TIME ZONE 'UTC') AT TIME ZONE "timeZone" AS "t" FROM "Absence") l
WHERE l."id" = a."id";
ALTER TABLE "Absence" DROP COLUMN "endsAt",
ALTER COLUMN "lastDay" SET NOT NULL,
ALTER COLUMN "timeZone" SET NOT NULL;

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "dueDate" TEXT,
ADD COLUMN     "dueTimeZone" TEXT;
UPDATE "Action" a SET "dueTimeZone" = z."zone" FROM "_person_zone" z WHERE z."id" = a."ownerId" AND a."dueAt" IS NOT NULL;
UPDATE "Action"
SET "dueDate" = to_char(((("dueAt" AT TIME ZONE 'UTC') AT TIME ZONE "dueTimeZone") + interval '12 hours')::date - 1, 'YYYY-MM-DD')
WHERE "dueAt" IS NOT NULL;
ALTER TABLE "Action" DROP COLUMN "dueAt";
