import { setCreate } from "../../../../commands/index.ts";
import { createSet } from "../../../store/sets.ts";
import { handlerWithoutSet } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

export default handlerWithoutSet(setCreate, async (ctx, { name }) => {
  if (ctx.set)
    return failure(
      "set-exists",
      `This channel already has a set, "${ctx.set.name}". One channel holds one set: create the new set in another channel.`,
    );
  await createSet(ctx.deps.db, {
    workspaceId: ctx.workspace.id,
    channelId: ctx.channelId,
    name,
    timeZone: ctx.actor.timeZone,
    advisorId: ctx.actor.id,
    now: ctx.now,
  });
  return success([
    toChannel({
      text:
        `Created the action learning set "${name}" in this channel. ${ctx.actor.displayName} is its advisor.\n` +
        `Next: add 4–6 members with /set add member:@Name, set the programme with /set programme start:…, ` +
        `then schedule meetings with /meeting schedule.`,
    }),
  ]);
});
