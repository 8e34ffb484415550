import { meetingNext } from "../../../../commands/index.ts";
import { handler } from "../../context.ts";
import { meetingTitle, plannedPresenters, reportBackItems, rsvpButtons } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

export default handler(meetingNext, async (ctx) => {
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  const next = state.upcoming[0];
  if (!next) return success([toActor({ text: "No meeting is scheduled. Any member can schedule one with /meeting schedule when:…" })]);
  const answers = state.rsvps.filter((r) => r.meetingId === next.id);
  const names = (answer: string) =>
    ctx.set.memberships
      .filter((m) => answers.some((r) => r.personId === m.person.id && r.answer === answer))
      .map((m) => m.person.displayName);
  const reportBack = ctx.role === "member" ? await reportBackItems(ctx.deps.db, ctx.set.id, ctx.actor.id, state.meetings, next) : [];
  const yes = names("yes");
  const no = names("no");
  return success([
    toActor({
      text: `Next: ${meetingTitle(next)}`,
      fields: [
        { label: "Presenters", value: plannedPresenters(state, next) },
        { label: "Coming", value: yes.length ? yes.join(", ") : "no replies yet" },
        { label: "Apologies", value: no.length ? no.join(", ") : "none" },
        ...(reportBack.length ? [{ label: "Your report-back items", value: reportBack.join("\n") }] : []),
      ],
      buttons: ctx.role === "member" ? rsvpButtons(next) : [],
    }),
  ]);
});
