import { awayOff } from "../../../../commands/index.ts";
import { formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { type EndedLeave, endAbsences, withdrawLeaveApologies } from "../../../store/meetings.ts";
import { resolveAwayMember } from "../../access.ts";
import { handler } from "../../context.ts";
import { at, toChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { announcePresenters } from "../../set-state.ts";

/**
 * Ends a leave early, or cancels one booked ahead: back in (or staying in) the rotation, and the apologies the bot sent
 * for the leave's remaining meetings withdrawn. The reply says which: a leave not begun is cancelled, not returned from.
 */
export default handler(awayOff, async (ctx, { member }) => {
  const who = await resolveAwayMember(ctx, member);
  if (!who.ok) return who;
  const name = who.value.displayName;
  const ended = await endAbsences(ctx.deps.db, ctx.set.id, who.value.id, ctx.now);
  if (ended.length === 0) return failure("conflict", `${name} is not marked as away.`);
  const withdrawn = await withdrawLeaveApologies(ctx.deps.db, ctx.set.id, who.value.id, ctx.now);
  await announcePresenters(ctx.deps.db, ctx.set, ctx.now);
  const booked = ended.filter((l) => l.ahead);
  const period = (l: EndedLeave) => `from ${formatCalendarDate(l.firstDay)} to ${formatCalendarDate(l.lastDay)}`;
  const cancelled = booked.map((l) => `the leave booked ${period(l)}`).join(" and ");
  const said =
    booked.length === ended.length
      ? `${name}'s ${cancelled.replace(/^the /, "")} ${booked.length > 1 ? "are" : "is"} cancelled: ${name} stays in the rotation.`
      : `Welcome back, ${name}: back in the rotation.${booked.length ? ` ${capitalised(cancelled)} ${booked.length > 1 ? "are" : "is"} cancelled too.` : ""}`;
  const apologies = withdrawn.length
    ? ` The apologies sent for the leave are withdrawn: ${withdrawn.map((m) => `meeting ${m.number} (${at(m.startsAt)})`).join(", ")}. ` +
      "Send one again with /meeting rsvp answer:no meeting:N if you still cannot come."
    : "";
  return success([toChannel({ text: `${said}${apologies}` })]);
});

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
