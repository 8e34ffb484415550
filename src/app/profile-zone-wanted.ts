import { wantsProfileZone } from "../domain/time/zone-source.ts";
import { findPerson, findWorkspace } from "../store/people.ts";
import type { Deps } from "./context.ts";

/**
 * Whether an adapter should read a user's profile zone before running their command: they are not stored yet, or
 * their zone is still the default (src/domain/time/zone-source.ts). Two point reads outside any transaction; it
 * writes nothing, so a read-only command that follows stays read-only.
 */
export async function profileZoneWanted(deps: Deps, where: { platform: string; workspaceId: string; userId: string }): Promise<boolean> {
  const workspace = await findWorkspace(deps.db, where.platform, where.workspaceId);
  if (!workspace) return true;
  const person = await findPerson(deps.db, workspace.id, where.userId);
  return wantsProfileZone(person);
}
