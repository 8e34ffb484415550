import { meetingList } from "../../../../commands/index.ts";
import { MEETING_LIST_MAX } from "../../../../commands/meeting.ts";
import { handler } from "../../context.ts";
import { meetingTitle, plannedPresenters } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

export default handler(meetingList, async (ctx, { count }) => {
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  const shown = state.upcoming.slice(0, count ?? 6);
  if (shown.length === 0) return success([toActor({ text: "No upcoming meetings. Schedule one with /meeting schedule when:…" })]);
  const more = state.upcoming.length - shown.length;
  const lines = shown.map((m) => `${meetingTitle(m)} · presenters: ${plannedPresenters(state, m)}`);
  const all = state.upcoming.length;
  if (more > 0 && all <= MEETING_LIST_MAX) lines.push(`…and ${more} more (/meeting list count:${all}).`);
  else if (more > 0) {
    lines.push(
      `…and ${more} more: /meeting list count:${MEETING_LIST_MAX} shows ${MEETING_LIST_MAX} at once, and /meeting calendar has them all.`,
    );
  }
  return success([toActor({ text: ["Upcoming meetings:", ...lines].join("\n") })]);
});
