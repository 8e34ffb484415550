import { rotationSlot } from "../../../../commands/index.ts";
import { DEFAULT_MEETING_MINUTES, presentersPerMeeting } from "../../../domain/set/rotation.ts";
import { plural } from "../../../domain/text/plural.ts";
import { formatDuration } from "../../../domain/time/when.ts";
import { listMeetings } from "../../../store/meetings.ts";
import { updateSet } from "../../../store/sets.ts";
import { handler } from "../../context.ts";
import { toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/**
 * Sets the minutes per presenter and for opening and closing. Refused when the set's shortest upcoming meeting
 * (or, with none, a meeting of the default length) would have room for no presenter at all.
 */
export default handler(rotationSlot, async (ctx, { minutes, allowance }) => {
  const allowanceMinutes = allowance ?? ctx.set.allowanceMinutes;
  const upcoming = (await listMeetings(ctx.deps.db, ctx.set.id)).filter((m) => m.status === "scheduled" && m.startsAt > ctx.now);
  const shortest = upcoming.reduce<(typeof upcoming)[number] | undefined>(
    (s, m) => (s && s.durationMinutes <= m.durationMinutes ? s : m),
    undefined,
  );
  const meetingMinutes = shortest?.durationMinutes ?? DEFAULT_MEETING_MINUTES;
  const length = formatDuration(meetingMinutes);
  const presenters = presentersPerMeeting(meetingMinutes, minutes, allowanceMinutes);
  if (presenters === 0) {
    const which = shortest ? `meeting ${shortest.number} is ${length} long` : `a meeting is ${length} long unless scheduled otherwise`;
    const slot = meetingMinutes - allowanceMinutes;
    const example = slot >= 10 ? `, e.g. minutes:${slot}${allowance === undefined ? "" : ` allowance:${allowanceMinutes}`}` : "";
    return failure(
      "bad-option",
      `One presenter needs ${minutes + allowanceMinutes} minutes (${minutes} for the slot and ${allowanceMinutes} for opening and closing), but ${which}: no one could present. Make the slot and the allowance add up to ${meetingMinutes} minutes or less${example}.`,
    );
  }
  await updateSet(ctx.deps.db, ctx.set.id, { slotMinutes: minutes, allowanceMinutes });
  const meeting = shortest ? `the shortest upcoming meeting (${length})` : `a ${length} meeting`;
  return success([
    toChannel({
      text: `Presenter slots are now ${minutes} minutes, with ${allowanceMinutes} minutes for opening and closing: ${meeting} has room for ${plural(presenters, "presenter")}. Turns already announced are kept.`,
    }),
  ]);
});
