import { rotationShow } from "../../../../commands/index.ts";
import { isAway, knownTurns, projectUpcoming } from "../../../domain/set/rotation-state.ts";
import { handler } from "../../context.ts";
import { meetingTitle, nameOf, presenterNames } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

export default handler(rotationShow, async (ctx, { count }) => {
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  if (state.members.length === 0) return success([toActor({ text: "The set has no members yet: add them with /set add member:@Name." })]);
  const plans = projectUpcoming(state, count ?? 4);
  const lines = plans.map((p, i) => {
    const m = state.upcoming[i]!;
    return `${meetingTitle(m)} · ${presenterNames(ctx.set, p.groups)}${m.announcedAt ? "" : " (expected)"}`;
  });
  const turns = knownTurns(state).filter((t) => t.at <= ctx.now);
  const tally = state.members
    .map((p) => {
      const n = turns.filter((t) => t.personId === p.personId).length;
      return `${nameOf(ctx.set, p.personId)} ${n}${isAway(state.absences, p.personId, ctx.now) ? " (away)" : ""}`;
    })
    .join(", ");
  return success([
    toActor({
      text: plans.length
        ? ["Presenter rotation:", ...lines].join("\n")
        : "No upcoming meetings to plan: schedule one with /meeting schedule.",
      fields: [{ label: "Turns taken", value: tally }],
    }),
  ]);
});
