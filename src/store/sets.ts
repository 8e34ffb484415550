import type { Db } from "./open-database.ts";
import type { PersonRow } from "./people.ts";

export type Role = "member" | "advisor";
export type MembershipRow = { id: string; role: Role; pairLabel: string | null; sharing: boolean; joinedAt: Date; person: PersonRow };
export type SetRow = {
  id: string;
  workspaceId: string;
  channelId: string;
  name: string;
  timeZone: string;
  programmeStart: Date | null;
  programmeEnd: Date | null;
  slotMinutes: number;
  allowanceMinutes: number;
  /** When an advisor archived the set; null while it is active. */
  archivedAt: Date | null;
};
/** A set with its current (not left) memberships, in join order. */
export type SetWithPeople = SetRow & { memberships: MembershipRow[] };

/** The set bound to a channel of a workspace, with its current members and advisors; null if none. */
export async function findSetByChannel(db: Db, workspaceId: string, channelId: string): Promise<SetWithPeople | null> {
  const set = await db.learningSet.findUnique({
    where: { workspaceId_channelId: { workspaceId, channelId } },
    include: {
      memberships: { where: { leftAt: null }, include: { person: true }, orderBy: [{ joinedAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!set) return null;
  return { ...set, memberships: set.memberships.map((m) => ({ ...m, role: m.role as Role })) };
}

export async function createSet(
  db: Db,
  input: { workspaceId: string; channelId: string; name: string; timeZone: string; advisorId: string; now: Date },
): Promise<SetRow> {
  return db.learningSet.create({
    data: {
      workspaceId: input.workspaceId,
      channelId: input.channelId,
      name: input.name,
      timeZone: input.timeZone,
      memberships: { create: { personId: input.advisorId, role: "advisor", joinedAt: input.now } },
    },
  });
}

export async function addMembership(
  db: Db,
  input: { setId: string; personId: string; role: Role; pairLabel?: string | null; now: Date },
): Promise<void> {
  await db.membership.create({
    data: { setId: input.setId, personId: input.personId, role: input.role, pairLabel: input.pairLabel ?? null, joinedAt: input.now },
  });
}

/** Ends a current membership (the row is kept for the records). */
export async function endMembership(db: Db, membershipId: string, now: Date): Promise<void> {
  await db.membership.update({ where: { id: membershipId }, data: { leftAt: now } });
}

export async function updateSet(
  db: Db,
  setId: string,
  data: Partial<Pick<SetRow, "name" | "programmeStart" | "programmeEnd" | "slotMinutes" | "allowanceMinutes" | "archivedAt">>,
): Promise<void> {
  await db.learningSet.update({ where: { id: setId }, data });
}

/** A member's pair label (null: not in a pair). */
export async function setPairLabel(db: Db, membershipId: string, pairLabel: string | null): Promise<void> {
  await db.membership.update({ where: { id: membershipId }, data: { pairLabel } });
}
