import { meetingCalendar } from "../../../commands/index.ts";
import { plural } from "../../domain/plural.ts";
import { projectUpcoming } from "../../domain/rotation-state.ts";
import { meetingsToIcs } from "../../export/ics.ts";
import { handler } from "../context.ts";
import { nameOf } from "../format.ts";
import { toActor } from "../reply.ts";
import { failure, success } from "../result.ts";
import { loadSetState } from "../set-state.ts";

export default handler(meetingCalendar, async (ctx) => {
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  const projected = new Map(projectUpcoming(state).map((p) => [p.meetingId, p.groups]));
  const presentedOrPlanned = (meetingId: string) =>
    state.slots.filter((s) => s.meetingId === meetingId && (s.status === "presented" || s.status === "planned")).map((s) => [s.personId]);
  const ics = meetingsToIcs({
    calendarName: ctx.set.name,
    setName: ctx.set.name,
    generatedAt: ctx.now,
    meetings: state.meetings.map((m) => ({
      uid: m.id,
      number: m.number,
      startsAt: m.startsAt,
      durationMinutes: m.durationMinutes,
      status: m.status,
      presenters: (projected.get(m.id) ?? presentedOrPlanned(m.id)).flat().map((id) => nameOf(ctx.set, id)),
    })),
  });
  if (!ics.ok) return failure("conflict", `Could not build the calendar: ${ics.message}`);
  const slug =
    ctx.set.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "set";
  return success([
    toActor({
      text: `Calendar of ${plural(state.meetings.length, "meeting")} of "${ctx.set.name}": import it into your calendar app.`,
      files: [{ name: `${slug}-meetings.ics`, mimeType: "text/calendar", content: ics.value }],
    }),
  ]);
});
