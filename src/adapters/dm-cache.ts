import type { Destination } from "../app/destination.ts";
import type { DmChannel } from "../scheduler/deliver.ts";
import type { Db } from "../store/open-database.ts";
import { findDmChannel, saveDmChannel } from "../store/people.ts";
import type { SendOptions } from "./adapter.ts";

/**
 * The cached DM channel (Person.dmChannelId) of `userId` in the platform's workspace, as the outbox hands one to a
 * reminder: its `id` (null: none yet) and `save` for one opened. So a command's reply by DM opens the channel only
 * the first time, as reminders do. A user the bot has no person for gets no cache: `id` null and `save` a no-op.
 */
async function storedDmChannel(db: Db, platform: string, workspaceId: string, userId: string): Promise<DmChannel> {
  const found = await findDmChannel(db, platform, workspaceId, userId);
  if (!found) return { id: null, save: async () => {} };
  return { id: found.dmChannelId, save: (channelId) => saveDmChannel(db, found.personId, channelId) };
}

/**
 * `options` with the cached DM channel of whoever a send without one goes to by DM: a DM's recipient, or, when
 * `actorToo`, the actor (where Slack sends the actor's files). Options that carry a `dm` (a reminder's) are kept.
 */
export async function withStoredDm<O extends SendOptions>(
  db: Db,
  destination: Destination,
  options: O | undefined,
  actorToo: boolean,
): Promise<O | undefined> {
  if (options?.dm) return options;
  const { to } = destination;
  const userId = to.kind === "dm" ? to.externalId : to.kind === "actor" && actorToo ? to.userId : undefined;
  if (!userId) return options;
  return { ...options, dm: await storedDmChannel(db, destination.platform, destination.workspaceId, userId) } as O;
}
