import { logExport } from "../../../../commands/index.ts";
import { plural } from "../../../domain/text/plural.ts";
import { calendarDateOf, formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { exportPersonalData } from "../../../store/personal-data.ts";
import { handlerWithoutSet } from "../../context.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";

/**
 * Everything the bot holds about the actor in this workspace, for anyone it holds data about: in any channel or a
 * direct message, a member removed from their set included (the own-data rights, docs/user-guide.md "Your data").
 */
export default handlerWithoutSet(logExport, async (ctx) => {
  if (ctx.actor.id === "") return success([toActor({ text: "Nothing is stored about you in this workspace." })]);
  const data = await exportPersonalData(ctx.deps.db, ctx.actor.id);
  const file = {
    name: `my-data-${formatCalendarDate(calendarDateOf(ctx.now, ctx.actor.timeZone), "iso")}.json`,
    mimeType: "application/json",
    content: `${JSON.stringify({ exportedAt: ctx.now, ...data }, null, 2)}\n`,
  };
  return success([
    toActor({
      text: `Everything stored about you in this workspace: ${plural(data.entries.length, "entry", "entries")}, ${plural(data.memberships.length, "membership")}, ${plural(data.reviewsOfYou.length + data.reviewsYouWrote.length, "review")}, ${plural(data.rsvps.length, "RSVP")} and more.`,
      files: [file],
    }),
  ]);
});
