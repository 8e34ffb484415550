import { awayOff } from "../../../../commands/index.ts";
import { endAbsences, withdrawLeaveApologies } from "../../../store/meetings.ts";
import { resolveAwayMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { at, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { announcePresenters } from "../../set-state.ts";

/** Ends a leave early: back in the rotation, and the apologies the bot sent for the leave's remaining meetings withdrawn. */
export default handler(awayOff, async (ctx, { member }) => {
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const ended = await endAbsences(ctx.deps.db, ctx.set.id, who.value.id, ctx.now);
  if (ended === 0) return failure("conflict", `${who.value.displayName} is not marked as away.`);
  const withdrawn = await withdrawLeaveApologies(ctx.deps.db, ctx.set.id, who.value.id, ctx.now);
  await announcePresenters(ctx.deps.db, ctx.set, ctx.now);
  const apologies = withdrawn.length
    ? ` The apologies sent for the leave are withdrawn: ${withdrawn.map((m) => `meeting ${m.number} (${at(m.startsAt)})`).join(", ")}. ` +
      "Send one again with /meeting rsvp answer:no meeting:N if you still cannot come."
    : "";
  return success([toChannel({ text: `Welcome back, ${who.value.displayName}: back in the rotation.${apologies}` })]);
});
