import { DateTime } from "luxon";
import { away } from "../../../commands/index.ts";
import { addAbsence, saveRsvp } from "../../store/meetings.ts";
import { resolveAwayMember } from "../access.ts";
import { handler } from "../context.ts";
import { plural } from "../format.ts";
import { at, toChannel } from "../reply.ts";
import { failure, success } from "../result.ts";
import { freshState, loadSetState } from "../set-state.ts";

export default handler(away, async (ctx, { until, note, member }) => {
  const { db } = ctx.deps;
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const person = who.value;
  const endsAt = DateTime.fromJSDate(until, { zone: person.timeZone }).plus({ days: 1 }).startOf("day").toJSDate();
  if (endsAt <= ctx.now) return failure("bad-option", `Option until: ${at(until, "date")} is in the past.`);
  await addAbsence(db, { setId: ctx.set.id, personId: person.id, startsAt: ctx.now, endsAt, note: note ?? null });
  const state = await loadSetState(db, ctx.set, ctx.now);
  const missed = state.upcoming.filter((m) => m.startsAt < endsAt);
  for (const m of missed) await saveRsvp(db, m.id, person.id, "no", ctx.now);
  await freshState(db, ctx.set, ctx.now);
  const apologies = missed.length
    ? ` Apologies sent for ${plural(missed.length, "meeting")} (${missed.map((m) => m.number).join(", ")}).`
    : "";
  return success([
    toChannel({
      text: `${person.displayName} is away until ${at(until, "date")}${note ? ` (${note})` : ""}: out of the rotation and owed a turn on return.${apologies}`,
    }),
  ]);
});
