import { meetingSchedule } from "../../../../commands/index.ts";
import { clashes } from "../../../domain/set/meeting-checks.ts";
import { MAX_UPCOMING_MEETINGS, upcomingLimitProblem } from "../../../domain/set/meeting-limits.ts";
import { DEFAULT_MEETING_MINUTES } from "../../../domain/set/rotation.ts";
import { plural } from "../../../domain/text/plural.ts";
import { calendarDateOf, compareDates, formatCalendarDate, lastMomentOf } from "../../../domain/time/calendar-date.ts";
import { type Cadence, describeCadence, expandOccurrences, parseEvery, toRRule } from "../../../domain/time/recurrence.ts";
import { countUpcomingMeetings, createMeetings, listMeetings } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { meetingTitle, plannedPresenters, renumberNote } from "../../format.ts";
import { clashRefusal, weekendAdvice } from "../../meeting-advice.ts";
import { at, toActor, toChannel } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";
import { announceThenLoad } from "../../set-state.ts";

const DEFAULT_COUNT = 6;

export default handler(meetingSchedule, async (ctx, { when, duration, every, count, until }) => {
  if (when <= ctx.now)
    return optionFailure("bad-option", "when", `${at(when)} is in the past. Give a future date and time, e.g. "next tuesday 10am".`);
  if (!every && (count !== undefined || until !== undefined)) {
    return failure("bad-option", "Options count: and until: need every: too, e.g. every:monthly count:6.");
  }
  if (count !== undefined && until !== undefined) return failure("bad-option", "Give count: or until:, not both.");
  const zone = ctx.actor.timeZone;
  let starts = [when];
  let series: { rule: string; timeZone: string } | undefined;
  let cadenceText = "";
  let cadence: Cadence | undefined;
  let offCadence: string | undefined;
  if (every) {
    const parsed = parseEvery(every);
    if (!parsed.ok) return optionFailure("bad-option", "every", `${parsed.message}`);
    cadence = parsed.value;
    if (until !== undefined && compareDates(until, calendarDateOf(when, until.zone)) <= 0)
      return optionFailure("bad-option", "until", `must be after the first meeting (${at(when)}).`);
    // Meetings may start until the end of that day, inclusive (an RRULE's UNTIL is inclusive).
    const end = until ? { until: lastMomentOf(until) } : { count: count ?? DEFAULT_COUNT };
    const rule = toRRule(cadence, when, zone, end);
    const matching = expandOccurrences(rule, when, zone, MAX_UPCOMING_MEETINGS + 1);
    cadenceText = describeCadence(cadence, { first: matching[0] ?? when, timeZone: zone });
    // The day asked for is kept as the first meeting even when it is off the cadence (12 Jan is not the first
    // Tuesday): the rule alone would start the series at its first matching day, silently weeks later.
    starts = withFirstAsked(when, matching, "count" in end ? (end.count ?? null) : null);
    if (starts.length === 0) return failure("bad-option", "That series has no meetings: check every:, count: and until:.");
    if (matching[0]?.getTime() !== when.getTime()) {
      offCadence = `The first meeting is on the day you asked for, ${day(when, zone)}, which is not ${cadenceText.replace(/ of each month$/, " of its month")}; the other ${starts.length - 1} fall on ${cadenceText}.`;
    }
    series = { rule, timeZone: zone };
  }
  const tooMany = upcomingLimitProblem(await countUpcomingMeetings(ctx.deps.db, ctx.set.id, ctx.now), starts.length);
  if (tooMany) return failure("limit", tooMany);
  const durationMinutes = duration ?? DEFAULT_MEETING_MINUTES;
  const others = (await listMeetings(ctx.deps.db, ctx.set.id)).filter((m) => m.status !== "cancelled");
  const clash = clashRefusal(
    clashes(
      starts.map((startsAt) => ({ startsAt, durationMinutes })),
      others,
    ),
    "nothing was scheduled",
  );
  if (clash) return clash;
  const { created, renumbered } = await createMeetings(ctx.deps.db, {
    setId: ctx.set.id,
    createdById: ctx.actor.id,
    durationMinutes,
    starts,
    ...(series ? { series } : {}),
    now: ctx.now,
  });
  // A meeting less than a week ahead has its presenters announced at once (src/domain/set/rotation-state.ts).
  const { state } = await announceThenLoad(ctx.deps.db, ctx.set, ctx.now);
  const head = series
    ? `${ctx.actor.displayName} scheduled ${plural(created.length, "meeting")}, ${cadenceText}, from ${at(created[0]!.startsAt)} to ${at(created.at(-1)!.startsAt)}:`
    : `${ctx.actor.displayName} scheduled a meeting:`;
  const stored = new Map(state.meetings.map((m) => [m.id, m]));
  const lines = created.map((m) => `${meetingTitle(m)} · presenters: ${plannedPresenters(state, stored.get(m.id) ?? m)}`);
  const advice = weekendAdvice(created, zone, cadence);
  return success([
    toChannel({ text: [head, ...lines, ...(offCadence ? [offCadence] : []), ...renumberNote(renumbered)].join("\n") }),
    ...(advice ? [toActor({ text: advice })] : []),
  ]);
});

/** The series' meetings with the day asked for first: when it is off the cadence it is added, and a count still counts every meeting. */
function withFirstAsked(when: Date, matching: Date[], count: number | null): Date[] {
  if (matching[0]?.getTime() === when.getTime()) return matching;
  const all = [when, ...matching.filter((d) => d > when)];
  return count === null ? all : all.slice(0, Math.max(1, count));
}

const day = (d: Date, zone: string) => formatCalendarDate(calendarDateOf(d, zone), "weekday");
