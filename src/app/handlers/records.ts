import { records } from "../../../commands/index.ts";
import { plural } from "../../domain/text/plural.ts";
import { formatDuration } from "../../domain/time/when.ts";
import { listFailed } from "../../store/outbox.ts";
import { addAdvisorNote } from "../../store/records.ts";
import { handler } from "../context.ts";
import { loadDeliveryRecords } from "../delivery-records.ts";
import { nameOf } from "../format.ts";
import { at, toActor } from "../reply.ts";
import { success } from "../result.ts";

export default handler(records, async (ctx, { note }) => {
  const { db } = ctx.deps;
  if (note) {
    await addAdvisorNote(db, { setId: ctx.set.id, authorId: ctx.actor.id, text: note, now: ctx.now });
    return success([toActor({ text: "Note added to the set's facilitation records." })]);
  }
  const [{ held, notes }, failed] = await Promise.all([loadDeliveryRecords(db, ctx.set), listFailed(db, ctx.set.id)]);
  const members = ctx.set.memberships.filter((m) => m.role === "member").length;
  const meetingLines = held.map(
    (m) =>
      `Meeting ${m.number} · ${at(m.startsAt)} · ${formatDuration(m.durationMinutes)} · attended ${m.present.length}/${members}: ${m.present.join(", ") || "nobody recorded"} · presented: ${m.presenters}`,
  );
  const fields = [
    { label: `Meetings held (${held.length})`, value: meetingLines.join("\n") || "none yet" },
    {
      label: `Advisor notes (${notes.length})`,
      value: notes.map((n) => `${at(n.createdAt, "date")} ${n.author}: ${n.text}`).join("\n") || "none yet (/records note:…)",
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
