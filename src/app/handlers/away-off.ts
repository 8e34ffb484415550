import { awayOff } from "../../../commands/index.ts";
import { endAbsences } from "../../store/meetings.ts";
import { resolveAwayMember } from "../access.ts";
import { handler } from "../context.ts";
import { toChannel } from "../reply.ts";
import { failure, success } from "../result.ts";
import { announcePresenters } from "../set-state.ts";

export default handler(awayOff, async (ctx, { member }) => {
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const ended = await endAbsences(ctx.deps.db, ctx.set.id, who.value.id, ctx.now);
  if (ended === 0) return failure("conflict", `${who.value.displayName} is not marked as away.`);
  await announcePresenters(ctx.deps.db, ctx.set, ctx.now);
  return success([
    toChannel({
      text: `Welcome back, ${who.value.displayName}: back in the rotation. Apologies already sent stay as they are; change them with /meeting rsvp answer:yes meeting:N.`,
    }),
  ]);
});
