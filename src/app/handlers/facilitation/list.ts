import { facilitationList } from "../../../../commands/index.ts";
import { plural } from "../../../domain/text/plural.ts";
import { formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { listFacilitationEntries } from "../../../store/facilitation.ts";
import { listMeetings } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { entryLine } from "../../entry-lines.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";

/** The advisor's own latest facilitation entries in this set, newest first; nobody else's. */
export default handler(facilitationList, async (ctx, { last }) => {
  const [entries, meetings] = await Promise.all([
    listFacilitationEntries(ctx.deps.db, ctx.set.id, ctx.actor.id, last ?? 10),
    listMeetings(ctx.deps.db, ctx.set.id),
  ]);
  if (entries.length === 0)
    return success([
      toActor({
        text: 'Your facilitation log for this set is empty. Start with the goals you agreed: /facilitation goal text:"…" with:"…"',
      }),
    ]);
  const numberOf = new Map(meetings.map((m) => [m.id, m.number]));
  const lines = entries.map((e) =>
    entryLine(
      e,
      [
        e.meetingId && numberOf.has(e.meetingId) ? `meeting ${numberOf.get(e.meetingId)}` : "",
        e.with ? `with ${e.with}` : "",
        e.due ? `due ${formatCalendarDate(e.due)}` : "",
      ].filter(Boolean),
    ),
  );
  const latest = entries.length === 1 ? "latest entry" : `latest ${plural(entries.length, "entry", "entries")}`;
  return success([toActor({ text: [`Your facilitation log, ${latest} (private to you):`, ...lines].join("\n") })]);
});
