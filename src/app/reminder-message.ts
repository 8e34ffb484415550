/**
 * What a reminder's message is given, and how it is declared. A message is written for its kind's catalog subject
 * (src/domain/reminders/catalog.ts): `aboutMeeting` messages are given the meeting, `aboutAction` the action, and so
 * on, looked up in the view before the message runs; the message map (reminder-messages.ts) is checked against the
 * catalog, so a kind's message cannot ask for a subject the kind does not have.
 */

import type { Subject } from "../domain/reminders/catalog.ts";
import type { PlannedNudge } from "../domain/reminders/types.ts";
import type { CalendarDate } from "../domain/time/calendar-date.ts";
import type { NudgeView, ViewAction, ViewMeeting, ViewSet } from "../store/nudge-state.ts";
import { actionItem } from "./format.ts";
import type { Button, Reply } from "./reply.ts";

/** What every message is given: the nudge, its set, the view, and who it goes to. */
export type MessageInput = {
  nudge: PlannedNudge;
  set: ViewSet;
  view: NudgeView;
  /** The person a DM goes to; null for a channel post. */
  recipientId: string | null;
  /** A person's display name ("a former member" for someone the view does not hold). */
  name: (personId: string) => string;
  /** The recipient's open actions in the set, as listed items; with `before`, only those not agreed at a meeting from then on. */
  openActions: (before?: Date) => string[];
  /** The same open actions as the view holds them (their numbers, for buttons that act on one). */
  openActionRows: (before?: Date) => ViewAction[];
};

/** A message for kinds whose subject is `S`. The renderer adds "Stop these" to a kind a person can stop. */
export type ReminderMessage<S extends Subject> = { readonly subject: S; readonly reply: (input: MessageInput) => Reply };

/** Builds the common input of a nudge's message. */
export function messageInput(nudge: PlannedNudge, set: ViewSet, view: NudgeView): MessageInput {
  const recipientId = nudge.to.kind === "person" ? nudge.to.personId : null;
  const openActionRows = (before?: Date) =>
    recipientId === null
      ? []
      : (view.actionsByOwner.get(`${nudge.setId}:${recipientId}`) ?? [])
          .filter((a) => a.open)
          .filter((a) => !before || !a.meetingId || (view.meetings.get(a.meetingId)?.startsAt ?? before) < before);
  return {
    nudge,
    set,
    view,
    recipientId,
    name: (id) => view.people.get(id)?.displayName ?? "a former member",
    openActions: (before) => openActionRows(before).map(actionItem),
    openActionRows,
  };
}

function found<T>(value: T | undefined, what: string, nudge: PlannedNudge): T {
  if (value === undefined) throw new Error(`The ${what} of reminder ${nudge.key} is not in the view`);
  return value;
}

/** A message about a meeting (the nudge's subject), given that meeting. */
export function aboutMeeting(write: (x: MessageInput & { meeting: ViewMeeting }) => Reply): ReminderMessage<"meeting"> {
  return { subject: "meeting", reply: (x) => write({ ...x, meeting: found(x.view.meetings.get(x.nudge.subjectId), "meeting", x.nudge) }) };
}

/** A message about an action with a due date (the nudge's subject), given that action. */
export function aboutDueAction(
  write: (x: MessageInput & { action: ViewAction & { due: CalendarDate } }) => Reply,
): ReminderMessage<"action"> {
  return {
    subject: "action",
    reply: (x) => {
      const action = found(x.view.actions.get(x.nudge.subjectId), "action", x.nudge);
      const due = found(action.due ?? undefined, "due date", x.nudge);
      return write({ ...x, action: { ...action, due } });
    },
  };
}

/** A message about a member (the nudge's subject), given the member's id. */
export function aboutMember(write: (x: MessageInput & { memberId: string }) => Reply): ReminderMessage<"member"> {
  return { subject: "member", reply: (x) => write({ ...x, memberId: x.nudge.subjectId }) };
}

/** A message about the set itself. */
export function aboutSet(write: (x: MessageInput) => Reply): ReminderMessage<"set"> {
  return { subject: "set", reply: write };
}

export const snooze: Button = { id: "snooze-1d", label: "Snooze a day", command: "/nudge snooze for:1d" };

/** Opens the form (or the command) to record an entry of this kind. */
export const record = (kind: "problem" | "action" | "outcome", label: string): Button => ({
  id: `log-${kind}`,
  label,
  command: `/log ${kind}`,
  style: "primary",
});
