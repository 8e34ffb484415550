import { progress } from "../../../commands/index.ts";
import { calendarDateOf, dayEnds, formatCalendarDate } from "../../domain/calendar-date.ts";
import { compileDraft } from "../../domain/draft.ts";
import { type MemberRecord, progressTimelines } from "../../domain/progress-timeline.ts";
import { progressAltText, progressChartSpec } from "../../export/progress-chart-spec.ts";
import { findPerson } from "../../store/people.ts";
import { lastReviewedAt } from "../../store/reviews.ts";
import { handler } from "../context.ts";
import { loadDraftInput } from "../draft-input.ts";
import { at, type Field, type FileOut, toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

/** A name as a file-name part: lower case letters, digits and dashes. */
const slug = (name: string, fallback: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || fallback;

/** The chart renderer, loaded on the first `/progress` rather than at start-up (ECharts takes a second or two to load). */
const renderer = () => import("../../export/progress-chart.ts");

/**
 * Counts and dates only: an advisor sees no entry text here, shared or not. The reply carries a PNG chart of the
 * members by meetings (one member's timeline with `member:`) and, in its text, the chart's text alternative.
 */
export default handler(progress, async (ctx, { member }) => {
  let members = ctx.set.memberships.filter((m) => m.role === "member");
  if (member) {
    const person = await findPerson(ctx.deps.db, ctx.workspace.id, member.externalId);
    members = members.filter((m) => m.person.id === person?.id);
    if (members.length === 0) return failure("not-found", `${member.displayName} is not a member of this set.`);
  }
  if (members.length === 0) return success([toActor({ text: "The set has no members yet." })]);
  const fields: Field[] = [];
  const reviewed = await lastReviewedAt(ctx.deps.db, ctx.set.id);
  const records: MemberRecord[] = [];
  for (const m of members) {
    const input = await loadDraftInput(ctx.deps.db, ctx.set, m.person, ctx.now);
    const coverage = compileDraft(input).coverage;
    const done = input.actions.filter((a) => a.status !== "open").length;
    const overdue = input.actions.filter((a) => a.status === "open" && a.due && dayEnds(a.due) <= ctx.now).length;
    const last = input.entries.reduce<Date | null>((max, e) => (!max || e.createdAt > max ? e.createdAt : max), null);
    const presented = input.meetings.filter((x) => x.presented).length;
    fields.push({
      label: `${m.person.displayName}${m.sharing ? " (shares)" : ""}`,
      value: [
        `actions ${input.actions.length} agreed, ${done} with an outcome, ${overdue} overdue`,
        `last entry ${last ? at(last, "date") : "none yet"} (${input.entries.length} in all)`,
        `meetings attended ${input.meetings.filter((x) => x.attended).length} of ${input.meetings.length} held, presented at ${presented}`,
        `last reviewed ${reviewed.has(m.person.id) ? at(reviewed.get(m.person.id)!, "date") : "never"} (/review)`,
        `criteria ${coverage.map((c) => `${c.criterion} ${c.status === "covered" ? "✓" : c.status}`).join(", ")}`,
      ].join("\n"),
    });
    records.push({
      name: m.person.displayName,
      meetings: input.meetings,
      actions: input.actions.map((a) => ({
        createdAt: a.createdAt,
        meetingNumber: a.meetingNumber,
        due: a.due,
        status: a.status,
        outcomeAt: a.outcomeAt,
      })),
    });
  }
  const day = calendarDateOf(ctx.now, ctx.set.timeZone);
  const timelines = progressTimelines(records, ctx.now);
  const one = member ? members[0]!.person.displayName : null;
  const spec = progressChartSpec(timelines, {
    title: one ? `${one} in "${ctx.set.name}"` : `Progress in "${ctx.set.name}"`,
    subtitle: `As at ${formatCalendarDate(day, "day")}. Counts and dates only.`,
    timeZone: ctx.set.timeZone,
    single: one !== null,
  });
  const chart: FileOut = {
    name: `progress-${slug(ctx.set.name, "set")}${one ? `-${slug(one, "member")}` : ""}-${formatCalendarDate(day, "iso")}.png`,
    mimeType: "image/png",
    content: await (await renderer()).chartPng(spec),
    altText: progressAltText(timelines, ctx.set.name),
  };
  const text = `${one ? `Progress of ${one}` : "Progress"} in "${ctx.set.name}" (chart attached).\n${progressAltText(timelines, ctx.set.name, Number.POSITIVE_INFINITY)}`;
  return success([toActor({ text, fields, files: [chart] })]);
});
