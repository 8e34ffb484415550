import { DateTime } from "luxon";
import { setProgramme } from "../../../commands/index.ts";
import { programmeWarnings } from "../../domain/compliance.ts";
import { updateSet } from "../../store/sets.ts";
import { handler } from "../context.ts";
import { calendarDay, isoDay } from "../format.ts";
import { toChannel } from "../reply.ts";
import { failure, success } from "../result.ts";

export default handler(setProgramme, async (ctx, { start, end }) => {
  const zone = ctx.actor.timeZone;
  const first = calendarDay(start, zone);
  const last = end
    ? calendarDay(end, zone)
    : DateTime.fromJSDate(first, { zone: "utc" }).plus({ months: 12 }).minus({ days: 1 }).toJSDate();
  if (last <= first) return failure("bad-option", `Option end: the programme must end after it starts (${isoDay(first)}).`);
  await updateSet(ctx.deps.db, ctx.set.id, { programmeStart: first, programmeEnd: last });
  const warnings = programmeWarnings(first, last).map((w) => w.message);
  return success([
    toChannel({
      text: [
        `Programme: ${isoDay(first)} to ${isoDay(last)}.`,
        ...(warnings.length ? warnings : ["✓ Between 6 and 12 months, as ILM M3.37 requires."]),
      ].join("\n"),
    }),
  ]);
});
