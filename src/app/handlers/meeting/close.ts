import { meetingClose } from "../../../../commands/index.ts";
import { opensSetReview } from "../../../domain/facilitation/set-review.ts";
import { canMove } from "../../../domain/set/lifecycle.ts";
import { clashes } from "../../../domain/set/meeting-checks.ts";
import { upcomingLimitProblem } from "../../../domain/set/meeting-limits.ts";
import { groupByPosition, isAway } from "../../../domain/set/rotation-state.ts";
import { plural } from "../../../domain/text/plural.ts";
import { heldMeetingsBy, reviewEveryOf } from "../../../store/feedback.ts";
import {
  countUpcomingMeetings,
  createMeetings,
  type RenumberedMeeting,
  saveAttendance,
  setMeetingStatus,
  setSlotStatus,
} from "../../../store/meetings.ts";
import { findPerson } from "../../../store/people.ts";
import { handler } from "../../context.ts";
import { findMeeting, meetingTitle, plannedPresenters, presenterNames, renumberNote, rsvpButtons } from "../../format.ts";
import { at, type Outgoing, toChannel, toPerson } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";
import { announceThenLoad, loadSetState } from "../../set-state.ts";

export default handler(meetingClose, async (ctx, { next, present, meeting }) => {
  const { db } = ctx.deps;
  const { set } = ctx;
  const state = await loadSetState(db, set, ctx.now);
  const started = state.meetings.filter((m) => m.status === "scheduled" && m.startsAt <= ctx.now);
  const target = meeting ? findMeeting(state.meetings, state.upcoming, meeting) : started.at(-1);
  if (!target) {
    const upcoming = state.upcoming[0];
    return failure(
      "not-found",
      meeting
        ? `There is no meeting ${meeting}.`
        : `No meeting has started yet${upcoming ? `; the next is meeting ${upcoming.number}, ${at(upcoming.startsAt)}` : ""}.`,
    );
  }
  if (!canMove("meeting", target.status, "closed")) return failure("conflict", `Meeting ${target.number} is already ${target.status}.`);
  if (target.startsAt > ctx.now) return failure("conflict", `Meeting ${target.number} has not started yet (${at(target.startsAt)}).`);

  const members = set.memberships.filter((m) => m.role === "member");
  let attendees: string[];
  if (present) {
    attendees = [];
    for (const user of present) {
      const person = await findPerson(db, ctx.workspace.id, user.externalId);
      const member = person && members.find((m) => m.person.id === person.id);
      if (!member) return optionFailure("not-found", "present", `${user.displayName} is not a member of this set.`);
      attendees.push(member.person.id);
    }
  } else {
    const apologies = new Set(state.rsvps.filter((r) => r.meetingId === target.id && r.answer === "no").map((r) => r.personId));
    attendees = members.map((m) => m.person.id).filter((id) => !apologies.has(id) && !isAway(state.absences, id, target.startsAt));
  }
  if (next && next <= ctx.now) return optionFailure("bad-option", "next", `${at(next)} is in the past.`);
  // A next date that overlaps a meeting already in the calendar is that meeting: it is not scheduled twice.
  const live = state.meetings.filter((m) => m.id !== target.id && m.status !== "cancelled");
  const already = next ? clashes([{ startsAt: next, durationMinutes: target.durationMinutes }], live)[0]?.existing : undefined;
  const tooMany = next && !already && upcomingLimitProblem(await countUpcomingMeetings(db, set.id, ctx.now), 1);
  if (tooMany) return optionFailure("limit", "next", `${tooMany}`);

  await setMeetingStatus(db, target.id, "closed", ctx.now);
  await saveAttendance(db, target.id, attendees);
  const slots = state.slots.filter((s) => s.meetingId === target.id && s.status === "planned");
  const presented = slots.filter((s) => attendees.includes(s.personId));
  await setSlotStatus(
    db,
    presented.map((s) => s.id),
    "presented",
  );
  await setSlotStatus(
    db,
    slots.filter((s) => !attendees.includes(s.personId)).map((s) => s.id),
    "missed",
  );
  let renumbered: RenumberedMeeting[] = [];
  if (next && !already) {
    ({ renumbered } = await createMeetings(db, {
      setId: set.id,
      createdById: ctx.actor.id,
      durationMinutes: target.durationMinutes,
      starts: [next],
      now: ctx.now,
    }));
  }

  // Closing announces the next meeting's presenters (src/domain/set/rotation-state.ts).
  const { state: after } = await announceThenLoad(db, set, ctx.now);
  const summary = [
    `Meeting ${target.number} closed by ${ctx.actor.displayName}: ${plural(attendees.length, "member")} of ${members.length} attended` +
      (presented.length ? `; ${presenterNames(set, groupByPosition(presented))} presented.` : "."),
  ];
  // Every `reviewEvery` meetings held, the members are asked for feedback by DM (the set-review reminder, src/domain/reminders/rules/set-reviews.ts).
  const held = await heldMeetingsBy(db, set.id, ctx.now);
  if (opensSetReview(held, await reviewEveryOf(db, set.id))) {
    summary.push(
      `That makes ${plural(held, "meeting")} held: time for a short set learning review. Each member will be asked by DM what the set does well and what should change; answer with /feedback (anonymously if you like).`,
    );
  }
  if (already) {
    summary.push(
      `The next date given overlaps meeting ${already.number} (${at(already.startsAt)}), already scheduled, so no meeting was added.`,
    );
  }
  const out: Outgoing[] = [];
  const upcoming = after.upcoming[0];
  if (upcoming) {
    summary.push(`Next: ${meetingTitle(upcoming)} · presenters: ${plannedPresenters(after, upcoming)}`, ...renumberNote(renumbered));
    out.push(toChannel({ text: summary.join("\n"), buttons: rsvpButtons(upcoming) }));
  } else {
    summary.push("No next meeting was agreed. Agree a date and /meeting schedule it; your advisor has been told.");
    out.push(toChannel({ text: summary.join("\n") }));
    for (const advisor of set.memberships.filter((m) => m.role === "advisor")) {
      out.push(
        toPerson(advisor.person, {
          text: `Set "${set.name}": meeting ${target.number} (${at(target.startsAt)}) closed without a date for the next meeting. Action learning sets should end each meeting with the next one agreed.`,
        }),
      );
    }
  }
  return success(out);
});
