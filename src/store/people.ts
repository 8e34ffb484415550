import type { Prisma } from "./generated/client.ts";
import type { Db } from "./open-database.ts";

/**
 * A person as the store hands one out: these columns of the Person table (`stoppedNudges`: kinds of reminder stopped
 * one by one, space-separated, see src/domain/reminders/catalog.ts). The type comes from Prisma's, so it follows the schema.
 */
export type PersonRow = Prisma.PersonGetPayload<{
  select: {
    id: true;
    workspaceId: true;
    externalId: true;
    displayName: true;
    timeZone: true;
    quietStart: true;
    quietEnd: true;
    nudgesOn: true;
    snoozedUntil: true;
    stoppedNudges: true;
    timeZoneSource: true;
  };
}>;
/** A workspace (a Slack team, a Discord guild, the console) as the store hands one out. */
export type WorkspaceRow = Prisma.WorkspaceGetPayload<{ select: { id: true; platform: true; externalId: true } }>;

/** The workspace for a platform's team/guild id, created on first sight. */
export async function ensureWorkspace(db: Db, platform: string, externalId: string): Promise<WorkspaceRow> {
  return db.workspace.upsert({
    where: { platform_externalId: { platform, externalId } },
    create: { platform, externalId },
    update: {},
  });
}

/** The workspace for a platform's team/guild id, or null: never creates one. */
export async function findWorkspace(db: Db, platform: string, externalId: string): Promise<WorkspaceRow | null> {
  return db.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
}

/**
 * The person for a platform user id within one workspace, created on first sight with `timeZone`, which came from
 * `source` (default: DEFAULT_TIME_ZONE, src/domain/time/zone-source.ts).
 */
export async function ensurePerson(
  db: Db,
  workspaceId: string,
  user: { externalId: string; displayName: string },
  timeZone: string,
  source: TimeZoneSource = "default",
): Promise<PersonRow> {
  return db.person.upsert({
    where: { workspaceId_externalId: { workspaceId, externalId: user.externalId } },
    create: { workspaceId, externalId: user.externalId, displayName: user.displayName, timeZone, timeZoneSource: source },
    update: {},
  });
}

/** Where a stored person's time zone may come from (src/domain/time/zone-source.ts). */
export type TimeZoneSource = "default" | "profile" | "person";

/** Records a person's time zone and where it came from. */
export async function saveTimeZone(db: Db, personId: string, timeZone: string, source: TimeZoneSource): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { timeZone, timeZoneSource: source } });
}

/**
 * Of `personIds`, those whose zone is still the default and who were never asked for it, with their zone: one
 * statement (the ids are a reminder batch's recipients).
 */
export async function peopleToAskZone(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db.person.findMany({
    where: { id: { in: [...personIds] }, timeZoneSource: "default", timeZoneAskedAt: null },
    select: { id: true, timeZone: true },
  });
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}

/**
 * Records that a person was asked for their zone, unless someone else recorded it first: true when this call did
 * (so one of two processes planning at once asks).
 */
export async function markZoneAsked(db: Db, personId: string, at: Date): Promise<boolean> {
  const { count } = await db.person.updateMany({ where: { id: personId, timeZoneAskedAt: null }, data: { timeZoneAskedAt: at } });
  return count === 1;
}

/** Takes back `markZoneAsked` for a person whose question was not stored after all (its reminder was planned before). */
export async function unmarkZoneAsked(db: Db, personId: string, at: Date): Promise<void> {
  await db.person.updateMany({ where: { id: personId, timeZoneAskedAt: at }, data: { timeZoneAskedAt: null } });
}

/** The person with this platform user id in this workspace, or null: never creates one. */
export async function findPerson(db: Db, workspaceId: string, externalId: string): Promise<PersonRow | null> {
  return db.person.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId } } });
}

/** Reminder preferences and time zone of one person. */
export async function updateNudgePrefs(
  db: Db,
  personId: string,
  data: Partial<{
    timeZone: string;
    timeZoneSource: TimeZoneSource;
    quietStart: string | null;
    quietEnd: string | null;
    nudgesOn: boolean;
    snoozedUntil: Date | null;
    stoppedNudges: string;
  }>,
): Promise<void> {
  await db.person.update({ where: { id: personId }, data });
}

/**
 * Records the platform's direct-message channel with a person (opened, or re-opened after the cached one went
 * stale), so their next reminder is one platform call. A person deleted meanwhile is no error: nothing changes.
 */
export async function saveDmChannel(db: Db, personId: string, channelId: string): Promise<void> {
  await db.person.updateMany({ where: { id: personId }, data: { dmChannelId: channelId } });
}

/**
 * The person with platform user id `userId` in the platform's workspace `workspaceId` (a Slack team, a Discord
 * guild), with their cached direct-message channel (null: none yet); null when the bot has no such person.
 */
export async function findDmChannel(
  db: Db,
  platform: string,
  workspaceId: string,
  userId: string,
): Promise<{ personId: string; dmChannelId: string | null } | null> {
  const person = await db.person.findFirst({
    where: { externalId: userId, workspace: { platform, externalId: workspaceId } },
    select: { id: true, dmChannelId: true },
  });
  return person ? { personId: person.id, dmChannelId: person.dmChannelId } : null;
}

/** A person whose DM channel on their platform is not opened yet: their row id, platform user id and workspace. */
export type DmToOpen = { personId: string; userId: string; platform: string; workspaceId: string };

/**
 * Up to `limit` people on `platforms` with no cached DM channel who may get a reminder: reminders on, a member of
 * a set that is not archived. `except` (row ids, tried already) are left out.
 */
export async function dmsToOpen(db: Db, platforms: readonly string[], except: readonly string[], limit: number): Promise<DmToOpen[]> {
  if (platforms.length === 0 || limit <= 0) return [];
  const people = await db.person.findMany({
    where: {
      dmChannelId: null,
      nudgesOn: true,
      ...(except.length ? { id: { notIn: [...except] } } : {}),
      workspace: { platform: { in: [...platforms] } },
      memberships: { some: { leftAt: null, set: { archivedAt: null } } },
    },
    select: { id: true, externalId: true, workspace: { select: { platform: true, externalId: true } } },
    orderBy: { id: "asc" },
    take: limit,
  });
  return people.map((p) => ({ personId: p.id, userId: p.externalId, platform: p.workspace.platform, workspaceId: p.workspace.externalId }));
}
