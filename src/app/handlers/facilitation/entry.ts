import type { MeetingRef } from "../../../../commands/define.ts";
import {
  facilitationDesign,
  facilitationFeedback,
  facilitationGoal,
  facilitationImprove,
  facilitationReflect,
  facilitationSession,
} from "../../../../commands/index.ts";
import type { FacilitationKind } from "../../../domain/facilitation/entry-kind.ts";
import type { CalendarDate } from "../../../domain/time/calendar-date.ts";
import { createFacilitationEntry } from "../../../store/facilitation.ts";
import { listMeetings } from "../../../store/meetings.ts";
import { handler, type SetContext } from "../../context.ts";
import { checkDue, facilitationMeeting } from "../../entry-links.ts";
import { type Outgoing, toActor } from "../../reply.ts";
import { type Result, success } from "../../result.ts";

/** Every option any facilitation entry command takes; each declaration takes some of them. */
type FacilitationOptions = { text: string; meeting?: MeetingRef; with?: string; due?: CalendarDate };

/** Where each kind goes in the draft M5.37 log. */
const RECORDED: Record<FacilitationKind, string> = {
  goal: "Goal recorded for 1.1 (goals agreed with clients and stakeholders)",
  design: "Design recorded for 2.1 (the design of the intervention)",
  session: "Session plan recorded for 2.2 (sessions, materials and resources)",
  feedback: "Feedback recorded for 3.1 (feedback on your facilitation)",
  reflect: "Reflection recorded for 3.2 (review of your practice)",
  improve: "Improvement recorded for 3.3 (your plan to improve)",
};

/** Records one facilitation entry of the declaration's kind (the sub is the kind), private to the advisor. */
async function recordFacilitation(ctx: SetContext, kind: FacilitationKind, o: FacilitationOptions): Promise<Result<Outgoing[]>> {
  const meeting = facilitationMeeting(ctx, await listMeetings(ctx.deps.db, ctx.set.id), o.meeting, kind);
  if (!meeting.ok) return meeting;
  const due = o.due ? checkDue(ctx, o.due) : null;
  if (due && !due.ok) return due;
  const entry = await createFacilitationEntry(ctx.deps.db, {
    setId: ctx.set.id,
    authorId: ctx.actor.id,
    kind,
    text: o.text,
    now: ctx.now,
    meetingId: meeting.value?.id ?? null,
    with: o.with ?? null,
    due: due?.value ?? null,
  });
  const where = meeting.value ? ` (meeting ${meeting.value.number})` : "";
  const more = [
    kind === "goal" && !o.with ? ` Who did you agree it with? /facilitation edit entry:${entry.number} with:"…"` : "",
    kind === "improve" && !o.due ? ` By when? /facilitation edit entry:${entry.number} due:2027-06-30` : "",
    kind === "session" && !meeting.value ? ` Which meeting is it for? /facilitation edit entry:${entry.number} meeting:N` : "",
  ].join("");
  return success([
    toActor({
      text: `${RECORDED[kind]} as facilitation entry #${entry.number}${where}. Private to you; it goes into /facilitation draft.${more}`,
    }),
  ]);
}

/** One handler per kind: each records an entry of its own kind (the declaration's sub). */
export const facilitationGoalHandler = handler(facilitationGoal, (ctx, o) => recordFacilitation(ctx, facilitationGoal.sub, o));
export const facilitationDesignHandler = handler(facilitationDesign, (ctx, o) => recordFacilitation(ctx, facilitationDesign.sub, o));
export const facilitationSessionHandler = handler(facilitationSession, (ctx, o) => recordFacilitation(ctx, facilitationSession.sub, o));
export const facilitationFeedbackHandler = handler(facilitationFeedback, (ctx, o) => recordFacilitation(ctx, facilitationFeedback.sub, o));
export const facilitationReflectHandler = handler(facilitationReflect, (ctx, o) => recordFacilitation(ctx, facilitationReflect.sub, o));
export const facilitationImproveHandler = handler(facilitationImprove, (ctx, o) => recordFacilitation(ctx, facilitationImprove.sub, o));
