import { nudgeOff, nudgeOn } from "../../../commands/index.ts";
import { updateNudgePrefs } from "../../store/people.ts";
import { handlerWithoutSet } from "../context.ts";
import { toActor } from "../reply.ts";
import { success } from "../result.ts";

export const nudgeOnHandler = handlerWithoutSet(nudgeOn, async (ctx) => {
  await updateNudgePrefs(ctx.deps.db, ctx.actor.id, { nudgesOn: true, snoozedUntil: null });
  return success([toActor({ text: "Reminders are on. Quiet hours and time zone: /nudge settings." })]);
});

export const nudgeOffHandler = handlerWithoutSet(nudgeOff, async (ctx) => {
  await updateNudgePrefs(ctx.deps.db, ctx.actor.id, { nudgesOn: false });
  return success([
    toActor({ text: "Reminders are off: you will get none until /nudge on. Your advisors still see meeting dates in the channel." }),
  ]);
});
