import type { Db } from "./open-database.ts";

/** A member's own details for the M3.37 header, exactly as they gave them; null when not given. Private to them. */
export type MemberDetails = { registration: string | null; centreNumber: string | null; centreName: string | null };

/** The details kept on a membership (the member's place in one set). */
export async function memberDetails(db: Db, membershipId: string): Promise<MemberDetails> {
  const m = await db.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { registrationNumber: true, centreNumber: true, centreName: true },
  });
  return { registration: m.registrationNumber, centreNumber: m.centreNumber, centreName: m.centreName };
}

/** Sets the details given (`undefined` leaves one as it is) and returns them all. */
export async function saveMemberDetails(db: Db, membershipId: string, change: Partial<MemberDetails>): Promise<MemberDetails> {
  const m = await db.membership.update({
    where: { id: membershipId },
    data: { registrationNumber: change.registration, centreNumber: change.centreNumber, centreName: change.centreName },
    select: { registrationNumber: true, centreNumber: true, centreName: true },
  });
  return { registration: m.registrationNumber, centreNumber: m.centreNumber, centreName: m.centreName };
}
