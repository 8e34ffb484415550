import type { Db } from "../store/open-database.ts";
import { findWorkspace } from "../store/people.ts";
import { findSetByChannel } from "../store/sets.ts";
import { type Outgoing, toActor } from "./reply.ts";

/** Someone who joined a channel, as the platform reports it. */
export type Joined = { platform: string; workspaceId: string; channelId: string; userId: string };

/**
 * The welcome for someone who joined a set's channel and is not in the set: to them alone, what the channel is and
 * how to join. Nothing where the channel has no set or they are already in it. Reads only.
 */
export async function welcomeJoiner(db: Db, joined: Joined): Promise<Outgoing[]> {
  const workspace = await findWorkspace(db, joined.platform, joined.workspaceId);
  const set = workspace && (await findSetByChannel(db, workspace.id, joined.channelId));
  if (!set || set.memberships.some((m) => m.person.externalId === joined.userId)) return [];
  return [
    toActor({
      text: `Welcome! This channel is the action learning set "${set.name}". An advisor adds members with /als set add member:@you; /als help shows what the bot does.`,
    }),
  ];
}
