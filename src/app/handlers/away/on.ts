import { away } from "../../../../commands/index.ts";
import { leaveEnds } from "../../../domain/set/leave.ts";
import { plural } from "../../../domain/text/plural.ts";
import { calendarDate, calendarDateOf, compareDates, dayStarts, formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { addAbsence, saveRsvp } from "../../../store/meetings.ts";
import { resolveAwayMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { optionFailure, success } from "../../result.ts";
import { announcePresenters, loadSetState } from "../../set-state.ts";

/**
 * `/away until: [from:]`: a leave from now, or booked ahead from the start of `from:`, to the end of `until:`, both days
 * read in the zone of the member who is away (an advisor may be elsewhere). Apologies go for the meetings inside it.
 */
export default handler(away, async (ctx, { until, from, note, member }) => {
  const { db } = ctx.deps;
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const person = who.value;
  const lastDay = calendarDate(until.date, person.timeZone);
  const firstDay = from ? calendarDate(from.date, person.timeZone) : null;
  const today = calendarDateOf(ctx.now, person.timeZone);
  if (firstDay && compareDates(firstDay, today) < 0)
    return optionFailure("bad-option", "from", `${formatCalendarDate(from!)} is in the past. Leave it out for leave from today.`);
  if (firstDay && compareDates(firstDay, lastDay) > 0)
    return optionFailure(
      "bad-option",
      "from",
      `${formatCalendarDate(from!)} is after until: ${formatCalendarDate(until)}. Give the first day away, then the last, e.g. /away from:2027-04-05 until:2027-04-16.`,
    );
  const ahead = firstDay !== null && compareDates(firstDay, today) > 0;
  const leave = { startsAt: ahead ? dayStarts(firstDay) : ctx.now, lastDay, endedAt: null };
  const endsAt = leaveEnds(leave);
  if (endsAt <= ctx.now) return optionFailure("bad-option", "until", `${formatCalendarDate(until)} is in the past.`);
  const absenceId = await addAbsence(db, {
    setId: ctx.set.id,
    personId: person.id,
    startsAt: leave.startsAt,
    lastDay: leave.lastDay,
    note: note ?? null,
  });
  const state = await loadSetState(db, ctx.set, ctx.now);
  // An apology the member sent themselves stays theirs: only the others are sent for the leave (and withdrawn with it).
  const ownApology = (meetingId: string) =>
    state.rsvps.some((r) => r.meetingId === meetingId && r.personId === person.id && r.answer === "no" && r.absenceId === null);
  const missed = state.upcoming.filter((m) => m.startsAt >= leave.startsAt && m.startsAt < endsAt && !ownApology(m.id));
  for (const m of missed) await saveRsvp(db, m.id, person.id, "no", ctx.now, absenceId);
  await announcePresenters(db, ctx.set, ctx.now);
  const apologies = missed.length
    ? ` Apologies sent for ${plural(missed.length, "meeting")} (${missed.map((m) => m.number).join(", ")}).`
    : "";
  const period = ahead
    ? `will be away from ${formatCalendarDate(from!)} to ${formatCalendarDate(until)}`
    : `is away until ${formatCalendarDate(until)}`;
  return success([
    toChannel({
      text: `${person.displayName} ${period}${note ? ` (${note})` : ""}: out of the rotation${ahead ? " for those days" : ""} and owed a turn on return.${apologies}`,
    }),
  ]);
});
