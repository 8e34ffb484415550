import { logExport } from "../../../commands/index.ts";
import { calendarDateOf, formatCalendarDate } from "../../domain/calendar-date.ts";
import { plural } from "../../domain/plural.ts";
import { exportPersonalData } from "../../store/personal-data.ts";
import { handler } from "../context.ts";
import { toActor } from "../reply.ts";
import { success } from "../result.ts";

export default handler(logExport, async (ctx) => {
  const data = await exportPersonalData(ctx.deps.db, ctx.actor.id);
  const file = {
    name: `my-data-${formatCalendarDate(calendarDateOf(ctx.now, ctx.actor.timeZone), "iso")}.json`,
    mimeType: "application/json",
    content: `${JSON.stringify({ exportedAt: ctx.now, ...data }, null, 2)}\n`,
  };
  return success([
    toActor({
      text: `Everything stored about you in this workspace: ${plural(data.entries.length, "entry", "entries")}, ${plural(data.memberships.length, "membership")}, ${plural(data.rsvps.length, "RSVP")} and more.`,
      files: [file],
    }),
  ]);
});
