import { rotationSlot } from "../../../commands/index.ts";
import { presentersPerMeeting } from "../../domain/rotation.ts";
import { updateSet } from "../../store/sets.ts";
import { handler } from "../context.ts";
import { toChannel } from "../reply.ts";
import { success } from "../result.ts";

export default handler(rotationSlot, async (ctx, { minutes, allowance }) => {
  const allowanceMinutes = allowance ?? ctx.set.allowanceMinutes;
  await updateSet(ctx.deps.db, ctx.set.id, { slotMinutes: minutes, allowanceMinutes });
  const perTwoHours = presentersPerMeeting(120, minutes, allowanceMinutes);
  return success([
    toChannel({
      text: `Presenter slots are now ${minutes} minutes, with ${allowanceMinutes} minutes for opening and closing: a 2-hour meeting has room for ${perTwoHours} presenters. Turns already announced are kept.`,
    }),
  ]);
});
