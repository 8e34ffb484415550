import { formatCalendarDate } from "../domain/calendar-date.ts";
import { setSizeWarnings } from "../domain/compliance.ts";
import type { PlannedNudge } from "../domain/plan-nudges.ts";
import type { StoppableKind } from "../domain/reminder-kinds.ts";
import type { NudgeView } from "../store/nudge-state.ts";
import type { Delivery } from "./destination.ts";
import { actionItem, actionRef, plural, rsvpButtons } from "./format.ts";
import { digestText } from "./render-digest.ts";
import { at, type Button } from "./reply.ts";

const snooze: Button = { id: "snooze-1d", label: "Snooze a day", command: "/nudge snooze for:1d" };
/** Stops this kind of reminder only (`/nudge off` stops them all); the reply offers an undo. */
const stopKind = (kind: StoppableKind): Button => ({ id: `stop-${kind}`, label: "Stop these", command: `/nudge off kind:${kind}` });
const record = (kind: "problem" | "action" | "outcome", label: string): Button => ({
  id: `log-${kind}`,
  label,
  command: `/log ${kind}`,
  style: "primary",
});

/**
 * The message for one planned nudge, in the recipient's terms: what is asked, the button that does it,
 * and snooze / stop. Advisor alerts carry counts and dates, never a member's entry text.
 */
export function renderNudge(n: PlannedNudge, view: NudgeView): Delivery {
  const set = view.sets.get(n.setId)!;
  const person = n.to.kind === "person" ? view.people.get(n.to.personId)! : null;
  const base = {
    platform: set.platform,
    workspaceId: set.workspaceExternalId,
    channelId: set.channelId,
    to: person ? { kind: "dm" as const, ...person } : { kind: "channel" as const },
  };
  const name = (id: string) => view.people.get(id)?.displayName ?? "a former member";
  const meeting = view.meetings.get(n.subjectId);
  const openActionsOf = (personId: string, before?: Date) =>
    (view.actionsByOwner.get(`${n.setId}:${personId}`) ?? [])
      .filter((a) => a.open)
      .filter((a) => !before || !a.meetingId || (view.meetings.get(a.meetingId)?.startsAt ?? before) < before)
      .map(actionItem);
  const reply = (text: string, buttons: Button[]): Delivery => ({ ...base, reply: { text, buttons } });

  switch (n.kind) {
    case "presenter-prep": {
      const items = openActionsOf(n.to.kind === "person" ? n.to.personId : "", meeting!.startsAt);
      const reportBack = items.length ? `\nReport back on: ${items.join("; ")}.` : "";
      return reply(
        `You present at meeting ${meeting!.number} of "${set.name}", ${at(meeting!.startsAt)}. What problem will you bring? Record it with /log problem.${reportBack}`,
        [record("problem", "Record my problem"), snooze, stopKind(n.kind)],
      );
    }
    case "meeting-post":
      return {
        ...base,
        reply: {
          text: `Meeting ${meeting!.number} is tomorrow: ${at(meeting!.startsAt)}. Presenters: ${meeting!.presenterGroups.map((g) => g.map(name).join(" & ")).join(", ") || "to be announced"}. Will you come?`,
          buttons: rsvpButtons({ number: meeting!.number }),
        },
      };
    case "log-problem":
      return reply(
        `You presented at meeting ${meeting!.number} of "${set.name}". Which problem did you bring? Record it with /log problem meeting:${meeting!.number}, then the actions you agreed with /log action: your draft log files questions, actions and reflections under their problem.`,
        [record("problem", "Record my problem"), record("action", "Record an action"), snooze, stopKind(n.kind)],
      );
    case "log-action": {
      // The first asks; a later one is a follow-up that says so, and stands alone (a snooze may have held back the first).
      const ask = `Which actions did you agree with the set? Record each with /log action (a due date helps: due:"next friday").`;
      const lead =
        n.occurrence === "1"
          ? `Meeting ${meeting!.number} has closed.`
          : `Following up: you have recorded no action from meeting ${meeting!.number} (${at(meeting!.startsAt, "date")}) yet.`;
      return reply(`${lead} ${ask}`, [record("action", "Record an action"), snooze, stopKind(n.kind)]);
    }
    case "midpoint-outcome":
    case "outcome-due": {
      const items = openActionsOf(n.to.kind === "person" ? n.to.personId : "");
      const next = n.kind === "outcome-due" ? meeting : nextMeetingAfter(view, n.setId, meeting?.startsAt);
      const lead =
        n.kind === "midpoint-outcome"
          ? `Halfway to ${next ? `meeting ${next.number}` : "the next meeting"}: how are your actions going?`
          : `Meeting ${meeting!.number} is ${at(meeting!.startsAt)}. These actions have no outcome yet:`;
      return reply(`${lead} ${items.join("; ")}. Record what happened with /action done action:N text:"…".`, [
        record("outcome", "Record an outcome"),
        snooze,
        stopKind(n.kind),
      ]);
    }
    case "action-due": {
      const action = view.actions.get(n.subjectId)!;
      return reply(`${actionRef(action.number, "Action")} "${action.text}" was due ${formatCalendarDate(action.due!)}. How did it go?`, [
        { id: `action-done-${action.number}`, label: "Mark it done", command: `/action done action:${action.number}`, style: "primary" },
        record("outcome", "Record an outcome"),
        snooze,
        stopKind(n.kind),
      ]);
    }
    case "advisor-silent": {
      const stats = view.entryStats.get(`${n.setId}:${n.subjectId}`);
      const detail = stats
        ? `since ${at(stats.lastAt, "date")} (${plural(stats.count, "entry", "entries")} in all)`
        : "since joining the set";
      return reply(`Set "${set.name}": ${name(n.subjectId)} has made no log entry ${detail}. A word at the next meeting may help.`, [
        snooze,
        stopKind(n.kind),
      ]);
    }
    case "advisor-set-size": {
      const warning = setSizeWarnings(Number(n.occurrence))[0]?.message ?? `The set has ${plural(Number(n.occurrence), "member")}.`;
      return reply(`Set "${set.name}": ${warning}`, [snooze, stopKind(n.kind)]);
    }
    case "advisor-all-away":
      return reply(
        `Set "${set.name}": every member is away for meeting ${meeting!.number} (${at(meeting!.startsAt)}), so nobody can come. ` +
          `Agree another date with the set and move it (/meeting move meeting:${meeting!.number} when:"…"), or cancel it (/meeting cancel meeting:${meeting!.number}).`,
        [snooze, stopKind(n.kind)],
      );
    case "meeting-unclosed":
      return reply(
        `Meeting ${meeting!.number} (${at(meeting!.startsAt)}) has ended but was never closed. Close it to record who came and ` +
          `the date of the next meeting: /meeting close meeting:${meeting!.number} (add next:"…" if it is agreed).`,
        [closeButton(meeting!.number)],
      );
    case "advisor-unclosed":
      return reply(
        `Set "${set.name}": meeting ${meeting!.number} (${at(meeting!.startsAt)}) was never closed, so its attendance and the next ` +
          "meeting's date are not recorded. The set was asked to close it a day ago.",
        [closeButton(meeting!.number), snooze, stopKind(n.kind)],
      );
    case "set-review":
      return reply(
        `Meeting ${meeting!.number} of "${set.name}" has closed, and it is time for a short set review: what does the set do well, ` +
          `and what should change? Press Give feedback, or answer with /feedback text:"…" (add about:advisor for feedback on your ` +
          "advisor's facilitation, and anonymous:yes to leave no name at all: anonymous feedback stores no author and cannot be withdrawn).",
        [GIVE_FEEDBACK, snooze, stopKind(n.kind)],
      );
    case "advisor-digest":
      return reply(digestText(n, view), [{ id: "feedback-list", label: "Read feedback", command: "/feedback list" }, stopKind(n.kind)]);
  }
}

/**
 * Answers a set review: `/feedback` with no text, which opens the feedback form where the platform has forms
 * (src/app/command-form.ts) and, on the console, answers with what to type.
 */
const GIVE_FEEDBACK: Button = { id: "feedback-give", label: "Give feedback", command: "/feedback", style: "primary" };

/** Closes a meeting that ended unclosed, as whoever presses it (a member or an advisor). */
function closeButton(number: number): Button {
  return { id: `meeting-close-${number}`, label: `Close meeting ${number}`, command: `/meeting close meeting:${number}`, style: "primary" };
}

function nextMeetingAfter(view: NudgeView, setId: string, after: Date | undefined) {
  if (!after) return undefined;
  return view.meetingsBySet.get(setId)?.find((m) => m.startsAt > after);
}
