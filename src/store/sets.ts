import { type CalendarDate, calendarDate } from "../domain/time/calendar-date.ts";
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
  /** The programme's first and last days (the last included), read in the set's time zone. */
  programmeStart: CalendarDate | null;
  programmeEnd: CalendarDate | null;
  slotMinutes: number;
  allowanceMinutes: number;
  /** When an advisor archived the set; null while it is active. */
  archivedAt: Date | null;
  /** The voice channel its meetings' events are held in (`/set voice`); null: external events. */
  voiceChannelId: string | null;
};
type StoredSet = Omit<SetRow, "programmeStart" | "programmeEnd"> & { programmeStart: string | null; programmeEnd: string | null };

/** A set row as the rest of the program sees it: programme days as calendar dates in the set's zone. */
function asSet<S extends StoredSet>(row: S): Omit<S, "programmeStart" | "programmeEnd"> & Pick<SetRow, "programmeStart" | "programmeEnd"> {
  const day = (iso: string | null) => (iso === null ? null : calendarDate(iso, row.timeZone));
  return { ...row, programmeStart: day(row.programmeStart), programmeEnd: day(row.programmeEnd) };
}

/** A set with its current (not left) memberships, in join order. */
export type SetWithPeople = SetRow & { memberships: MembershipRow[] };

const withPeople = {
  memberships: { where: { leftAt: null }, include: { person: true }, orderBy: [{ joinedAt: "asc" as const }, { id: "asc" as const }] },
};

/** The set bound to a channel of a workspace, with its current members and advisors; null if none. */
export async function findSetByChannel(db: Db, workspaceId: string, channelId: string): Promise<SetWithPeople | null> {
  const set = await db.learningSet.findUnique({ where: { workspaceId_channelId: { workspaceId, channelId } }, include: withPeople });
  if (!set) return null;
  return { ...asSet(set), memberships: set.memberships.map((m) => ({ ...m, role: m.role as Role })) };
}

/** A set by its id, with its current members and advisors; null if none. */
export async function findSetById(db: Db, setId: string): Promise<SetWithPeople | null> {
  const set = await db.learningSet.findUnique({ where: { id: setId }, include: withPeople });
  if (!set) return null;
  return { ...asSet(set), memberships: set.memberships.map((m) => ({ ...m, role: m.role as Role })) };
}

export async function createSet(
  db: Db,
  input: { workspaceId: string; channelId: string; name: string; timeZone: string; advisorId: string; now: Date },
): Promise<SetRow> {
  const row = await db.learningSet.create({
    data: {
      workspaceId: input.workspaceId,
      channelId: input.channelId,
      name: input.name,
      timeZone: input.timeZone,
      memberships: { create: { personId: input.advisorId, role: "advisor", joinedAt: input.now } },
    },
  });
  return asSet(row);
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
  const { programmeStart, programmeEnd, ...rest } = data;
  const day = (d: CalendarDate | null | undefined) => (d === undefined ? undefined : (d?.date ?? null));
  await db.learningSet.update({
    where: { id: setId },
    data: { ...rest, programmeStart: day(programmeStart), programmeEnd: day(programmeEnd) },
  });
}

/** A member's pair label (null: not in a pair). */
export async function setPairLabel(db: Db, membershipId: string, pairLabel: string | null): Promise<void> {
  await db.membership.update({ where: { id: membershipId }, data: { pairLabel } });
}

/** The sets a person is currently in (as a member or an advisor), with their people, by name. */
export async function listSetsOfPerson(db: Db, personId: string): Promise<SetWithPeople[]> {
  const sets = await db.learningSet.findMany({
    where: { memberships: { some: { personId, leftAt: null } } },
    include: withPeople,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return sets.map((set) => ({ ...asSet(set), memberships: set.memberships.map((m) => ({ ...m, role: m.role as Role })) }));
}

/** The sets of a workspace a person currently advises, with their people, by name. */
export async function listAdvisedSets(db: Db, workspaceId: string, personId: string): Promise<SetWithPeople[]> {
  const sets = await db.learningSet.findMany({
    where: { workspaceId, memberships: { some: { personId, role: "advisor", leftAt: null } } },
    include: withPeople,
    orderBy: { name: "asc" },
  });
  return sets.map((set) => ({ ...asSet(set), memberships: set.memberships.map((m) => ({ ...m, role: m.role as Role })) }));
}
