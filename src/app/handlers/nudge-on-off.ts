import { nudgeOff, nudgeOn } from "../../../commands/index.ts";
import { readStopped, reminderName, writeStopped } from "../../domain/reminders/catalog.ts";
import { withdrawPending } from "../../store/outbox.ts";
import { updateNudgePrefs } from "../../store/people.ts";
import { handlerWithoutSet } from "../context.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

/** `/nudge on`: every reminder again (stopped kinds included); `kind:` turns one stopped kind back on. */
export const nudgeOnHandler = handlerWithoutSet(nudgeOn, async (ctx, { kind }) => {
  const stopped = readStopped(ctx.actor.stoppedNudges);
  if (kind) {
    if (!stopped.includes(kind)) return failure("conflict", `You had not stopped the "${kind}" reminders (${reminderName(kind)}).`);
    await updateNudgePrefs(ctx.deps.db, ctx.actor.id, { stoppedNudges: writeStopped(stopped.filter((k) => k !== kind)) });
    const stillOff = ctx.actor.nudgesOn ? "" : " All your reminders are still off, though: /nudge on turns them all on.";
    return success([toActor({ text: `The "${kind}" reminders are back on (${reminderName(kind)}).${stillOff}` })]);
  }
  await updateNudgePrefs(ctx.deps.db, ctx.actor.id, { nudgesOn: true, snoozedUntil: null, stoppedNudges: "" });
  const again = stopped.length ? ` That includes the kinds you had stopped: ${stopped.join(", ")}.` : "";
  return success([toActor({ text: `Reminders are on.${again} Quiet hours and time zone: /nudge settings.` })]);
});

/**
 * `/nudge off`: no reminders at all until `/nudge on`; `kind:` stops one kind only (the reminders' "Stop these"
 * button), undone by `/nudge on kind:`. Reminders already planned and waiting (a retry) are withdrawn too.
 */
export const nudgeOffHandler = handlerWithoutSet(nudgeOff, async (ctx, { kind }) => {
  const { db } = ctx.deps;
  if (kind) {
    const stopped = readStopped(ctx.actor.stoppedNudges);
    if (stopped.includes(kind))
      return failure("conflict", `The "${kind}" reminders are already stopped. /nudge on kind:${kind} turns them back on.`);
    await updateNudgePrefs(db, ctx.actor.id, { stoppedNudges: writeStopped([...stopped, kind]) });
    await withdrawPending(db, { personId: ctx.actor.id, kinds: [kind] }, "the person stopped this kind of reminder");
    return success([
      toActor({
        text: `Stopped: you will get no more "${kind}" reminders (${reminderName(kind)}). Your other reminders still come; /nudge off stops them all.`,
        buttons: [{ id: `nudge-on-${kind}`, label: "Undo", command: `/nudge on kind:${kind}` }],
      }),
    ]);
  }
  await updateNudgePrefs(db, ctx.actor.id, { nudgesOn: false });
  await withdrawPending(db, { personId: ctx.actor.id }, "the person turned reminders off");
  return success([
    toActor({ text: "Reminders are off: you will get none until /nudge on. Your advisors still see meeting dates in the channel." }),
  ]);
});
