import { rotationSkip } from "../../../../commands/index.ts";
import { projectUpcoming } from "../../../domain/set/rotation-state.ts";
import { insertSlots, setSlotStatus } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { presenterNames } from "../../format.ts";
import { at, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { announcePresenters, loadSetState } from "../../set-state.ts";

export default handler(rotationSkip, async (ctx) => {
  const { db } = ctx.deps;
  const state = await loadSetState(db, ctx.set, ctx.now);
  const plan = projectUpcoming(state).find((p) => p.groups.some((g) => g.includes(ctx.actor.id)));
  if (!plan) return failure("conflict", "You have no turn coming up to skip. See /rotation show.");
  const meeting = state.upcoming.find((m) => m.id === plan.meetingId)!;
  const stored = state.slots.filter((s) => s.meetingId === meeting.id && s.personId === ctx.actor.id && s.status === "planned");
  if (stored.length > 0)
    await setSlotStatus(
      db,
      stored.map((s) => s.id),
      "skipped",
    );
  else await insertSlots(db, [{ meetingId: meeting.id, personId: ctx.actor.id, position: 0, status: "skipped", swapped: false }], ctx.now);
  const announcement = (await announcePresenters(db, ctx.set, ctx.now)).find((a) => a.meeting.id === meeting.id);
  const taker = announcement?.added.length ? ` ${presenterNames(ctx.set, announcement.added)} presents instead.` : "";
  return success([
    toChannel({
      text: `${ctx.actor.displayName} will not present at meeting ${meeting.number} (${at(meeting.startsAt)}) and is owed the next turn.${taker}`,
    }),
  ]);
});
