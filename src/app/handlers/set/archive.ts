import { setArchive } from "../../../../commands/index.ts";
import { cancelUpcomingMeetings, listMeetings } from "../../../store/meetings.ts";
import { withdrawPending } from "../../../store/outbox.ts";
import { updateSet } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { listed } from "../../meeting-advice.ts";
import { at, toActor, toChannel } from "../../reply.ts";
import { success } from "../../result.ts";

/**
 * `/set archive`: the set stops getting reminders and becomes read-only (dispatch refuses the other commands).
 * Meetings still to come are cancelled, so it asks first when there are any; `/set unarchive` undoes the rest.
 */
export default handler(setArchive, async (ctx, { confirm }) => {
  const { db } = ctx.deps;
  const upcoming = (await listMeetings(db, ctx.set.id)).filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  const which = upcoming.length === 1 ? `meeting ${upcoming[0]!.number}` : `meetings ${listed(upcoming.map((m) => String(m.number)))}`;
  if (upcoming.length > 0 && confirm !== "yes") {
    return success([
      toActor({
        text:
          `Archiving "${ctx.set.name}" cancels ${which} (from ${at(upcoming[0]!.startsAt)}), stops every reminder and makes the set ` +
          "read-only. /set unarchive reopens it later, but cancelled meetings stay cancelled.",
        buttons: [{ id: "set-archive-confirm", label: "Archive the set", command: "/set archive confirm:yes", style: "danger" }],
      }),
    ]);
  }
  const cancelled = await cancelUpcomingMeetings(db, ctx.set.id, ctx.now);
  await updateSet(db, ctx.set.id, { archivedAt: ctx.now });
  await withdrawPending(db, { setId: ctx.set.id }, "the set was archived");
  const lines = [
    `${ctx.actor.displayName} archived the set "${ctx.set.name}": it gets no more reminders and is read-only ` +
      "(/set info, /meeting list, /log list, /log draft and /log export still work).",
    ...(cancelled > 0 ? [`${which[0]!.toUpperCase()}${which.slice(1)} ${cancelled === 1 ? "was" : "were"} cancelled.`] : []),
    "An advisor can reopen it with /set unarchive.",
  ];
  return success([
    toChannel({ text: lines.join("\n"), buttons: [{ id: "set-unarchive", label: "Reopen the set", command: "/set unarchive" }] }),
  ]);
});
