import type { Db } from "./open-database.ts";

export type PersonRow = {
  id: string;
  workspaceId: string;
  externalId: string;
  displayName: string;
  timeZone: string;
  quietStart: string | null;
  quietEnd: string | null;
  nudgesOn: boolean;
  snoozedUntil: Date | null;
  /** Kinds of reminder stopped one by one, space-separated (src/domain/reminders/catalog.ts). */
  stoppedNudges: string;
};
export type WorkspaceRow = { id: string; platform: string; externalId: string };

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

/** The person for a platform user id within one workspace, created on first sight with `timeZone`. */
export async function ensurePerson(
  db: Db,
  workspaceId: string,
  user: { externalId: string; displayName: string },
  timeZone: string,
): Promise<PersonRow> {
  return db.person.upsert({
    where: { workspaceId_externalId: { workspaceId, externalId: user.externalId } },
    create: { workspaceId, externalId: user.externalId, displayName: user.displayName, timeZone },
    update: {},
  });
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
