import { away } from "../../../commands/index.ts";
import { calendarDate, formatCalendarDate } from "../../domain/calendar-date.ts";
import { leaveEnds } from "../../domain/leave.ts";
import { addAbsence, saveRsvp } from "../../store/meetings.ts";
import { resolveAwayMember } from "../access.ts";
import { handler } from "../context.ts";
import { plural } from "../format.ts";
import { toChannel } from "../reply.ts";
import { optionFailure, success } from "../result.ts";
import { announcePresenters, loadSetState } from "../set-state.ts";

export default handler(away, async (ctx, { until, note, member }) => {
  const { db } = ctx.deps;
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const person = who.value;
  // The last day is read in the zone of the member who is away (an advisor may be elsewhere).
  const leave = { startsAt: ctx.now, lastDay: calendarDate(until.date, person.timeZone), endedAt: null };
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
  const missed = state.upcoming.filter((m) => m.startsAt < endsAt && !ownApology(m.id));
  for (const m of missed) await saveRsvp(db, m.id, person.id, "no", ctx.now, absenceId);
  await announcePresenters(db, ctx.set, ctx.now);
  const apologies = missed.length
    ? ` Apologies sent for ${plural(missed.length, "meeting")} (${missed.map((m) => m.number).join(", ")}).`
    : "";
  return success([
    toChannel({
      text: `${person.displayName} is away until ${formatCalendarDate(until)}${note ? ` (${note})` : ""}: out of the rotation and owed a turn on return.${apologies}`,
    }),
  ]);
});
