import { actionList } from "../../../../commands/index.ts";
import { listActions } from "../../../store/entries.ts";
import { listMeetings } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { actionLine } from "../../format.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";

export default handler(actionList, async (ctx) => {
  const [actions, meetings] = await Promise.all([
    listActions(ctx.deps.db, ctx.set.id, ctx.actor.id),
    listMeetings(ctx.deps.db, ctx.set.id),
  ]);
  if (actions.length === 0) return success([toActor({ text: 'You have no actions yet. Record one with /log action text:"…".' })]);
  const open = actions.filter((a) => a.status === "open");
  const closed = actions.filter((a) => a.status !== "open");
  const lines = [
    open.length ? "Open:" : "No open actions.",
    ...open.map((a) => `  ${actionLine(a, meetings)}`),
    ...(closed.length ? ["With outcomes:", ...closed.map((a) => `  ${actionLine(a, meetings)}`)] : []),
  ];
  return success([toActor({ text: lines.join("\n") })]);
});
