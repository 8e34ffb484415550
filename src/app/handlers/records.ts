import { records } from "../../../commands/index.ts";
import { groupByPosition } from "../../domain/rotation-state.ts";
import { formatDuration } from "../../domain/when.ts";
import { listAttendance, listMeetings, listSlots } from "../../store/meetings.ts";
import { listFailed } from "../../store/outbox.ts";
import { addAdvisorNote, listAdvisorNotes } from "../../store/records.ts";
import { handler } from "../context.ts";
import { nameOf, plural, presenterNames } from "../format.ts";
import { at, toActor } from "../reply.ts";
import { success } from "../result.ts";

export default handler(records, async (ctx, { note }) => {
  const { db } = ctx.deps;
  if (note) {
    await addAdvisorNote(db, { setId: ctx.set.id, authorId: ctx.actor.id, text: note, now: ctx.now });
    return success([toActor({ text: "Note added to the set's facilitation records." })]);
  }
  const held = (await listMeetings(db, ctx.set.id)).filter((m) => m.status === "closed");
  const [attendance, slots, notes, failed] = await Promise.all([
    listAttendance(db, ctx.set.id),
    listSlots(db, ctx.set.id),
    listAdvisorNotes(db, ctx.set.id),
    listFailed(db, ctx.set.id),
  ]);
  const members = ctx.set.memberships.filter((m) => m.role === "member").length;
  const meetingLines = held.map((m) => {
    const present = attendance.filter((a) => a.meetingId === m.id).map((a) => nameOf(ctx.set, a.personId));
    const presented = groupByPosition(slots.filter((s) => s.meetingId === m.id && s.status === "presented"));
    return `Meeting ${m.number} · ${at(m.startsAt)} · ${formatDuration(m.durationMinutes)} · attended ${present.length}/${members}: ${present.join(", ") || "nobody recorded"} · presented: ${presenterNames(ctx.set, presented)}`;
  });
  const fields = [
    { label: `Meetings held (${held.length})`, value: meetingLines.join("\n") || "none yet" },
    {
      label: `Advisor notes (${notes.length})`,
      value:
        notes.map((n) => `${at(n.createdAt, "date")} ${nameOf(ctx.set, n.authorId)}: ${n.text}`).join("\n") || "none yet (/records note:…)",
    },
    {
      label: `Reminders not delivered (${failed.length})`,
      value:
        failed
          .map(
            (f) =>
              `${f.kind} to ${f.personId ? nameOf(ctx.set, f.personId) : "the channel"}, due ${at(f.sendAt)}, ${plural(f.attempts, "try", "tries")}: ${f.lastError ?? "unknown error"}`,
          )
          .join("\n") || "none",
    },
  ];
  return success([toActor({ text: `Facilitation records of "${ctx.set.name}"`, fields })]);
});
