import { progress } from "../../../commands/index.ts";
import { dayEnds } from "../../domain/calendar-date.ts";
import { compileDraft } from "../../domain/draft.ts";
import { findPerson } from "../../store/people.ts";
import { lastReviewedAt } from "../../store/reviews.ts";
import { handler } from "../context.ts";
import { loadDraftInput } from "../draft-input.ts";
import { at, type Field, toActor } from "../reply.ts";
import { failure, success } from "../result.ts";

/** Counts and dates only: an advisor sees no entry text here, shared or not. */
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
  for (const m of members) {
    const input = await loadDraftInput(ctx.deps.db, ctx.set, m.person, ctx.now);
    const coverage = compileDraft(input).coverage;
    const done = input.actions.filter((a) => a.status !== "open").length;
    const overdue = input.actions.filter((a) => a.status === "open" && a.due && dayEnds(a.due) <= ctx.now).length;
    const last = input.entries.reduce<Date | null>((max, e) => (!max || e.createdAt > max ? e.createdAt : max), null);
    fields.push({
      label: `${m.person.displayName}${m.sharing ? " (shares)" : ""}`,
      value: [
        `actions ${input.actions.length} agreed, ${done} with an outcome, ${overdue} overdue`,
        `last entry ${last ? at(last, "date") : "none yet"} (${input.entries.length} in all)`,
        `meetings attended ${input.meetings.filter((x) => x.attended).length} of ${input.meetings.length} held`,
        `last reviewed ${reviewed.has(m.person.id) ? at(reviewed.get(m.person.id)!, "date") : "never"} (/review)`,
        `criteria ${coverage.map((c) => `${c.criterion} ${c.status === "covered" ? "✓" : c.status}`).join(", ")}`,
      ].join("\n"),
    });
  }
  return success([toActor({ text: `Progress in "${ctx.set.name}"`, fields })]);
});
