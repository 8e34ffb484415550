import { rotationSwap } from "../../../../commands/index.ts";
import { swapTurns } from "../../../domain/set/rotation.ts";
import { projectUpcoming, unavailableAt } from "../../../domain/set/rotation-state.ts";
import { insertSlots, setSlotStatus } from "../../../store/meetings.ts";
import { findPerson } from "../../../store/people.ts";
import { handler } from "../../context.ts";
import { nameOf } from "../../format.ts";
import { at, toChannel } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";
import { announcePresenters, loadSetState } from "../../set-state.ts";

const reasons = {
  "a-not-scheduled": "You have no turn coming up to swap.",
  "b-not-scheduled": "has no turn coming up to swap with.",
  "same-meeting": "You both present at the same meeting already: nothing to swap.",
} as const;

export default handler(rotationSwap, async (ctx, { with: other }) => {
  const { db } = ctx.deps;
  const person = await findPerson(db, ctx.workspace.id, other.externalId);
  const partner = person && ctx.set.memberships.find((m) => m.person.id === person.id && m.role === "member");
  if (!partner) return failure("not-found", `${other.displayName} is not a member of this set.`);
  if (partner.person.id === ctx.actor.id) return optionFailure("bad-option", "with", "name another member, not yourself.");
  const state = await loadSetState(db, ctx.set, ctx.now);
  const plans = projectUpcoming(state);
  const swapped = swapTurns(plans, ctx.actor.id, partner.person.id);
  if (!swapped.ok) {
    const reason =
      swapped.reason === "b-not-scheduled" ? `${partner.person.displayName} ${reasons[swapped.reason]}` : reasons[swapped.reason];
    return failure("conflict", reason);
  }
  for (const meetingId of swapped.changed) {
    const meeting = state.upcoming.find((m) => m.id === meetingId)!;
    const arriving = swapped.plans.find((p) => p.meetingId === meetingId)!.groups.flat();
    const blocked = arriving.find((id) => unavailableAt(state, meeting).has(id));
    if (blocked) {
      return failure(
        "conflict",
        `${nameOf(ctx.set, blocked)} is away or has sent apologies for meeting ${meeting.number} (${at(meeting.startsAt)}), so the swap can't be made.`,
      );
    }
  }
  for (const meetingId of swapped.changed) {
    const before = plans.find((p) => p.meetingId === meetingId)!.groups;
    const after = swapped.plans.find((p) => p.meetingId === meetingId)!.groups;
    const leaving = before.flat().filter((id) => !after.flat().includes(id));
    const arriving = after.filter((g) => g.every((id) => !before.flat().includes(id)));
    const stored = state.slots.filter((s) => s.meetingId === meetingId);
    const leavingSlot = stored.find((s) => s.status === "planned" && leaving.includes(s.personId));
    await setSlotStatus(
      db,
      stored.filter((s) => s.status === "planned" && leaving.includes(s.personId)).map((s) => s.id),
      "released",
    );
    const position = leavingSlot?.position ?? Math.max(0, ...stored.map((s) => s.position)) + 1;
    await insertSlots(
      db,
      arriving.flat().map((personId) => ({ meetingId, personId, position, status: "planned" as const, swapped: true })),
      ctx.now,
    );
  }
  await announcePresenters(db, ctx.set, ctx.now);
  const [first, second] = swapped.changed.map((id) => state.upcoming.find((m) => m.id === id)!);
  const mine = swapped.plans.find((p) => p.groups.flat().includes(ctx.actor.id) && swapped.changed.includes(p.meetingId));
  const myMeeting = state.upcoming.find((m) => m.id === mine?.meetingId)!;
  const theirMeeting = myMeeting === first ? second! : first!;
  return success([
    toChannel({
      text:
        `${nameOf(ctx.set, ctx.actor.id)} and ${partner.person.displayName} swapped turns: ` +
        `${nameOf(ctx.set, ctx.actor.id)} now presents at meeting ${myMeeting.number} (${at(myMeeting.startsAt)}), ` +
        `${partner.person.displayName} at meeting ${theirMeeting.number} (${at(theirMeeting.startsAt)}).`,
    }),
  ]);
});
