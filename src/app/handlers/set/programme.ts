import { setProgramme } from "../../../../commands/index.ts";
import { programmeWarnings } from "../../../domain/set/compliance.ts";
import { addDays, addMonths, calendarDate, compareDates, formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { updateSet } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { optionFailure, success } from "../../result.ts";

export default handler(setProgramme, async (ctx, { start, end }) => {
  // The days as the advisor gave them, kept in the set's time zone (the programme is the set's).
  const zone = ctx.set.timeZone;
  const first = calendarDate(start.date, zone);
  const last = end ? calendarDate(end.date, zone) : addDays(addMonths(first, 12), -1);
  if (compareDates(last, first) <= 0)
    return optionFailure("bad-option", "end", `the programme must end after it starts (${formatCalendarDate(first, "iso")}).`);
  await updateSet(ctx.deps.db, ctx.set.id, { programmeStart: first, programmeEnd: last });
  const warnings = programmeWarnings(first, last).map((w) => w.message);
  return success([
    toChannel({
      text: [
        `Programme: ${formatCalendarDate(first, "iso")} to ${formatCalendarDate(last, "iso")}.`,
        ...(warnings.length ? warnings : ["✓ Between 6 and 12 months, as ILM M3.37 requires."]),
      ].join("\n"),
    }),
  ]);
});
