import type { Db } from "./open-database.ts";

/** Where one installation is kept: an org-wide (Enterprise Grid) install by its enterprise id, else by team id. */
export function installationKey(q: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!id) throw new Error("a Slack installation needs a team or enterprise id");
  return `${q.isEnterpriseInstall ? "E" : "T"}:${id}`;
}

export async function saveSlackInstallation(db: Db, key: string, installation: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(installation);
  await db.slackInstallation.upsert({
    where: { id: key },
    create: { id: key, installation: json, installedAt: now },
    update: { installation: json, installedAt: now },
  });
}

export async function findSlackInstallation(db: Db, key: string): Promise<unknown | null> {
  const row = await db.slackInstallation.findUnique({ where: { id: key } });
  return row ? JSON.parse(row.installation) : null;
}

export async function deleteSlackInstallation(db: Db, key: string): Promise<void> {
  await db.slackInstallation.deleteMany({ where: { id: key } });
}
