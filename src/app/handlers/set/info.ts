import { setInfo } from "../../../../commands/index.ts";
import { programmeWarnings, setSizeWarnings } from "../../../domain/set/compliance.ts";
import { isAway } from "../../../domain/set/rotation-state.ts";
import { formatCalendarDate } from "../../../domain/time/calendar-date.ts";
import { handler } from "../../context.ts";
import { meetingTitle, plannedPresenters } from "../../format.ts";
import { at, toActor } from "../../reply.ts";
import { success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

export default handler(setInfo, async (ctx) => {
  const { set } = ctx;
  const state = await loadSetState(ctx.deps.db, set, ctx.now);
  const members = set.memberships.filter((m) => m.role === "member");
  const advisors = set.memberships.filter((m) => m.role === "advisor");
  const memberList = members
    .map(
      (m) =>
        m.person.displayName +
        (m.pairLabel ? ` (pair ${m.pairLabel})` : "") +
        (isAway(state.absences, m.person.id, ctx.now) ? " (away)" : ""),
    )
    .join(", ");
  const next = state.upcoming[0];
  const programme = set.programmeStart
    ? `${formatCalendarDate(set.programmeStart, "iso")} to ${set.programmeEnd ? formatCalendarDate(set.programmeEnd, "iso") : "?"}`
    : "not set (/set programme)";
  const warnings = [...setSizeWarnings(members.length), ...programmeWarnings(set.programmeStart, set.programmeEnd)];
  return success([
    toActor({
      text: `Set "${set.name}"`,
      fields: [
        ...(set.archivedAt
          ? [{ label: "Archived", value: `since ${at(set.archivedAt, "date")}: read-only, no reminders (/set unarchive reopens it)` }]
          : []),
        { label: "Members", value: `${members.length}: ${memberList || "none yet (/set add)"}` },
        { label: "Advisors", value: advisors.map((m) => m.person.displayName).join(", ") },
        { label: "Programme", value: programme },
        { label: "Presenter slot", value: `${set.slotMinutes} min each, ${set.allowanceMinutes} min for opening and closing` },
        {
          label: "Next meeting",
          value: next ? `${meetingTitle(next)} · presenters: ${plannedPresenters(state, next)}` : "none scheduled (/meeting schedule)",
        },
        {
          label: "Compliance",
          value: warnings.length
            ? warnings.map((w) => `${w.severity === "non-compliant" ? "✗" : "!"} ${w.message}`).join("\n")
            : "✓ meets the ILM set size and programme length rules",
        },
      ],
    }),
  ]);
});
