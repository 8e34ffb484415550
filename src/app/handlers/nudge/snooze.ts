import { nudgeSnooze } from "../../../../commands/index.ts";
import { updateNudgePrefs } from "../../../store/people.ts";
import { handlerWithoutSet } from "../../context.ts";
import { at, toActor } from "../../reply.ts";
import { success } from "../../result.ts";

export default handlerWithoutSet(nudgeSnooze, async (ctx, { for: minutes }) => {
  const until = new Date(ctx.now.getTime() + minutes * 60_000);
  await updateNudgePrefs(ctx.deps.db, ctx.actor.id, { snoozedUntil: until });
  return success([toActor({ text: `Reminders snoozed until ${at(until)}; any due before then arrive after it.` })]);
});
