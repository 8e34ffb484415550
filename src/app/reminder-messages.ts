/**
 * The message of each kind of reminder, in the recipient's terms: what is asked, the button that does it, and
 * snooze (the renderer adds "Stop these"). Advisor alerts carry counts and dates, never a member's entry text.
 * One entry per kind of the catalog (src/domain/reminders/catalog.ts), each declared for the kind's subject: a kind
 * without a message, or with one for another subject, does not compile.
 */

import type { ActionLearningPart } from "../domain/draft/action-learning-parts.ts";
import { type CoachReading, coachText } from "../domain/draft/coach.ts";
import { ACTION_LEARNING_ASKS } from "../domain/draft/coverage.ts";
import type { CoachStep } from "../domain/draft/types.ts";
import type { NudgeKind, SubjectOf } from "../domain/reminders/catalog.ts";
import { setSizeWarnings } from "../domain/set/compliance.ts";
import { everyoneOnLeaveAt } from "../domain/set/leave.ts";
import { plural } from "../domain/text/plural.ts";
import { calendarDate, formatCalendarDate } from "../domain/time/calendar-date.ts";
import type { NudgeView, ViewAction } from "../store/nudge-state.ts";
import { stepButton } from "./coach-reply.ts";
import { actionItem, actionRef, effectivenessButtons, rsvpButtons } from "./format.ts";
import { aboutDueAction, aboutMeeting, aboutMember, aboutSet, type ReminderMessage, record, snooze } from "./reminder-message.ts";
import { digestText } from "./render-digest.ts";
import { at, type Button } from "./reply.ts";

export const REMINDER_MESSAGES = {
  "presenter-prep": aboutMeeting(({ set, meeting, openActions }) => {
    const items = openActions(meeting.startsAt);
    const reportBack = items.length ? `\nReport back on: ${items.join("; ")}.` : "";
    return {
      text: `You present at meeting ${meeting.number} of "${set.name}", ${at(meeting.startsAt)}. What problem will you bring? Record it with /log problem.${reportBack}`,
      buttons: [record("problem", "Record my problem"), snooze],
    };
  }),
  "meeting-post": aboutMeeting(({ nudge, view, meeting, name }) => {
    const members = (view.membersBySet.get(nudge.setId) ?? []).map((m) => m.id);
    if (everyoneOnLeaveAt(members, view.leavesBySet.get(nudge.setId) ?? [], meeting.startsAt)) {
      // No invitation nobody can accept: the advisors hear of it a week ahead (rules/meeting-alerts.ts).
      return {
        text:
          `Meeting ${meeting.number} is tomorrow: ${at(meeting.startsAt)}. Every member is away that day, so nobody can come: ` +
          `move it (/meeting move meeting:${meeting.number} when:"…") or cancel it (/meeting cancel meeting:${meeting.number}).`,
        buttons: [],
      };
    }
    return {
      text: `Meeting ${meeting.number} is tomorrow: ${at(meeting.startsAt)}. Presenters: ${meeting.presenterGroups.map((g) => g.map(name).join(" & ")).join(", ") || "to be announced"}. Will you come?`,
      buttons: rsvpButtons({ number: meeting.number }),
    };
  }),
  "log-problem": aboutMeeting(({ set, meeting }) => ({
    text: `You presented at meeting ${meeting.number} of "${set.name}". Which problem did you bring, and which question from the set helped most? Record the problem with /log problem meeting:${meeting.number}, then the question with /log question and the actions you agreed with /log action: your draft log files questions, actions and reflections under their problem.`,
    buttons: [record("problem", "Record my problem"), record("action", "Record an action"), noActions(meeting.number), snooze],
  })),
  // The first asks; a later one is a follow-up that says so, and stands alone (a snooze may have held back the first).
  "log-action": aboutMeeting(({ nudge, meeting }) => {
    const ask = `Which actions did you agree with the set? Record each with /log action (a due date helps: due:"next friday").`;
    const lead =
      nudge.occurrence === "1"
        ? `Meeting ${meeting.number} has closed.`
        : `Following up: you have recorded no action from meeting ${meeting.number} (${at(meeting.startsAt, "date")}) yet.`;
    return {
      text: `${lead} ${ask} Agreed none? Press None this time and these reminders stop.`,
      buttons: [record("action", "Record an action"), noActions(meeting.number), snooze],
    };
  }),
  // The subject is the closed meeting A; the reminder is about the one after it.
  "midpoint-outcome": aboutMeeting(({ nudge, view, meeting, openActionRows }) => {
    const next = nextMeetingAfter(view, nudge.setId, meeting.startsAt);
    return outcomeReply(
      `Halfway to ${next ? `meeting ${next.number}` : "the next meeting"}: how are your actions going?`,
      openActionRows(),
    );
  }),
  "outcome-due": aboutMeeting(({ meeting, openActionRows }) =>
    outcomeReply(`Meeting ${meeting.number} is ${at(meeting.startsAt)}. These actions have no outcome yet:`, openActionRows()),
  ),
  // The occurrence is the goal's entry number; people know it as "Goal N", its place among their goals.
  "goal-review": aboutMember(({ nudge, set, view, memberId }) => {
    const goals = [...(view.goals.get(`${nudge.setId}:${memberId}`) ?? [])].sort((a, b) => a.number - b.number);
    const index = goals.findIndex((g) => String(g.number) === nudge.occurrence);
    const goal = goals[index];
    if (!goal)
      return {
        text: `The programme of "${set.name}" is in its last month: review each of your goals with /log review goal:N text:"…".`,
        buttons: [snooze],
      };
    const n = index + 1;
    return {
      text:
        `The programme of "${set.name}" is in its last month: time to review Goal ${n}, "${goal.text}". How well did you meet it, ` +
        `how did you improve, what is your evidence (what you or others saw), and what will you do next? A few sentences: ` +
        `/log review goal:${n} text:"…"`,
      buttons: [{ id: `goal-review-${n}`, label: `Review Goal ${n}`, command: `/log review goal:${n}`, style: "primary" }, snooze],
    };
  }),
  "action-due": aboutDueAction(({ action }) => ({
    text: `${actionRef(action.number, "Action")} "${action.text}" was due ${formatCalendarDate(action.due)}. How did it go?`,
    buttons: [
      { id: `action-done-${action.number}`, label: "Mark it done", command: `/action done action:${action.number}`, style: "primary" },
      ...effectivenessButtons(action.number),
      record("outcome", "Record an outcome"),
      snooze,
    ],
  })),
  coach: aboutMember(({ nudge, set, view, memberId }) => {
    const reading = view.coaching?.get(`${nudge.setId}:${memberId}`);
    const lead = coachLead(nudge.occurrence, set.name);
    if (!reading) return { text: `${lead} See where your draft stands with /log draft.`, buttons: [DRAFT, snooze] };
    if (reading.complete || !reading.next) return { text: coachText(reading, lead), buttons: [DRAFT, snooze] };
    // The closing DM also asks for a read of the draft.
    const draft = nudge.occurrence === "closing" ? [DRAFT] : [];
    return { text: coachText(reading, lead), buttons: [...stepButton(reading.next), ...draft, snooze] };
  }),
  "advisor-silent": aboutMember(({ nudge, set, view, memberId, name }) => {
    const stats = view.entryStats.get(`${nudge.setId}:${memberId}`);
    const detail = stats
      ? `since ${at(stats.lastAt, "date")} (${plural(stats.count, "entry", "entries")} in all)`
      : "since joining the set";
    return {
      text: `Set "${set.name}": ${name(memberId)} has made no log entry ${detail}. A word at the next meeting may help.`,
      buttons: [snooze],
    };
  }),
  // The occurrence is the member count.
  "advisor-set-size": aboutSet(({ nudge, set }) => {
    const size = Number(nudge.occurrence);
    const warning = setSizeWarnings(size)[0]?.message ?? `The set has ${plural(size, "member")}.`;
    return { text: `Set "${set.name}": ${warning}`, buttons: [snooze] };
  }),
  "advisor-all-away": aboutMeeting(({ set, meeting }) => ({
    text:
      `Set "${set.name}": every member is away for meeting ${meeting.number} (${at(meeting.startsAt)}), so nobody can come. ` +
      `Agree another date with the set and move it (/meeting move meeting:${meeting.number} when:"…"), or cancel it (/meeting cancel meeting:${meeting.number}).`,
    buttons: [snooze],
  })),
  "meeting-unclosed": aboutMeeting(({ meeting }) => ({
    text:
      `Meeting ${meeting.number} (${at(meeting.startsAt)}) has ended but was never closed. Close it to record who came and ` +
      `the date of the next meeting: /meeting close meeting:${meeting.number} (add next:"…" if it is agreed).`,
    buttons: [closeButton(meeting.number)],
  })),
  "advisor-unclosed": aboutMeeting(({ set, meeting }) => ({
    text:
      `Set "${set.name}": meeting ${meeting.number} (${at(meeting.startsAt)}) was never closed, so its attendance and the next ` +
      "meeting's date are not recorded. The set was asked to close it a day ago.",
    buttons: [closeButton(meeting.number), snooze],
  })),
  // With the set's review, the member's own: the parts of 2.1 a review of the set brings to mind, while they lack them.
  "set-review": aboutMeeting(({ nudge, set, view, meeting, recipientId }) => {
    const owed = ownRoleSteps(view.coaching?.get(`${nudge.setId}:${recipientId}`));
    const ask = owed.length
      ? `\nAnd for your own log (2.1), a sentence or two each: ${owed.map((s) => ACTION_LEARNING_ASKS[s.part]).join(" And ")} Record it with /log action-learning text:"…".`
      : "";
    return {
      text:
        `Meeting ${meeting.number} of "${set.name}" has closed, and it is time for a short set review: what does the set do well, ` +
        `and what should change? Press Give feedback, or answer with /feedback text:"…" (add about:advisor for feedback on your ` +
        `advisor's facilitation, and anonymous:yes to leave no name at all: anonymous feedback stores no author and cannot be withdrawn).${ask}`,
      buttons: [GIVE_FEEDBACK, ...stepButton(owed[0] ?? null), snooze],
    };
  }),
  "advisor-digest": aboutSet(({ nudge, set, view }) => ({
    text: digestText(nudge, set, view),
    buttons: [{ id: "feedback-list", label: "Read feedback", command: "/feedback list" }],
  })),
  // The occurrence is the programme's last day (ISO). The button is /set archive without confirm:, so a set with
  // meetings still to come is asked to confirm first, as when the command is typed.
  "advisor-programme-end": aboutSet(({ nudge, set }) => ({
    text:
      `Set "${set.name}": the programme ended on ${formatCalendarDate(calendarDate(nudge.occurrence, "UTC"))}, so its weekly digest ` +
      "and silence alerts have stopped. When the set has finished, archive it: no more reminders, and only read-only commands " +
      "(and each member's own data) run in it; /set unarchive reopens it.",
    buttons: [{ id: "set-archive", label: "Archive the set", command: "/set archive", style: "primary" }, snooze],
  })),
} satisfies { [K in NudgeKind]: ReminderMessage<SubjectOf<K>> };

/** Shows the member's draft. */
const DRAFT: Button = { id: "log-draft", label: "My draft", command: "/log draft" };

/** What each coaching moment (src/domain/reminders/rules/coaching.ts) opens with. */
function coachLead(moment: string, setName: string): string {
  switch (moment) {
    case "joined":
      return `Welcome to "${setName}". Before the first meeting, a few short entries start your action plan: your leadership strengths and the limitations you want to work on, each with where it comes from (your reflective review, feedback from others); a goal for each limitation, and by when; and, in a sentence, what action learning is and what you hope it gives you.`;
    case "second-meeting":
      return `Two meetings of "${setName}" held: is your plan in place (strengths, limitations, goals with actions)?`;
    case "midpoint":
      return `Halfway through the programme of "${setName}".`;
    case "six-weeks":
      return `Six weeks to the end of the programme of "${setName}": time to fill the gaps while you can still act on them.`;
    default:
      return `The programme of "${setName}" is ending: review any goal not reviewed yet (/log review goal:N), then write a closing reflection on the whole programme (what you learned as a leader and what you will do next: /log reflect text:"…"), give your details for the draft's header (/log details) and read your draft (/log draft).`;
  }
}

/**
 * Asks for the outcomes of the open actions listed. With one action, its effectiveness is one press away (the
 * buttons name no action, so a list of several gets none: its owner rates each with /action done).
 */
function outcomeReply(lead: string, actions: ViewAction[]) {
  const only = actions.length === 1 ? actions[0] : undefined;
  return {
    text: `${lead} ${actions.map(actionItem).join("; ")}. Record what happened with /action done action:N text:"…".`,
    buttons: [...(only ? effectivenessButtons(only.number) : []), record("outcome", "Record an outcome"), snooze],
  };
}

/** The member's 2.1 steps for the parts about their own role: a member's responsibilities, and its role in their development. */
function ownRoleSteps(reading: CoachReading | undefined) {
  const steps = reading?.criteria.find((c) => c.criterion === "2.1")?.steps ?? [];
  return steps.filter((s): s is CoachStep & { part: ActionLearningPart } => s.part === "responsibilities" || s.part === "development");
}

/**
 * Answers a set review: `/feedback` with no text, which opens the feedback form where the platform has forms
 * (src/app/command-form.ts) and, on the console, answers with what to type.
 */
const GIVE_FEEDBACK: Button = { id: "feedback-give", label: "Give feedback", command: "/feedback", style: "primary" };

/** "None this time": no actions agreed at the meeting, so its log-action reminders stop (`/action none`). */
function noActions(number: number): Button {
  return { id: `action-none-${number}`, label: "None this time", command: `/action none meeting:${number}` };
}

/** Closes a meeting that ended unclosed, as whoever presses it (a member or an advisor). */
function closeButton(number: number): Button {
  return { id: `meeting-close-${number}`, label: `Close meeting ${number}`, command: `/meeting close meeting:${number}`, style: "primary" };
}

function nextMeetingAfter(view: NudgeView, setId: string, after: Date) {
  return view.meetingsBySet.get(setId)?.find((m) => m.startsAt > after);
}
