import { facilitationEdit } from "../../../../commands/index.ts";
import type { FacilitationKind } from "../../../domain/facilitation/entry-kind.ts";
import { editFacilitationEntry, type FacilitationFields, findOwnFacilitationEntry } from "../../../store/facilitation.ts";
import { listMeetings } from "../../../store/meetings.ts";
import { handler } from "../../context.ts";
import { checkDue, facilitationMeeting } from "../../entry-links.ts";
import { toActor } from "../../reply.ts";
import { failure, optionFailure, success } from "../../result.ts";

/** Which kinds take each option besides text and meeting (which every kind takes). */
const TAKES: Record<"with" | "due", { kinds: readonly FacilitationKind[]; which: string }> = {
  with: { kinds: ["goal", "feedback"], which: "goal and feedback entries" },
  due: { kinds: ["improve"], which: "improvement entries" },
};
const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Changes one of the advisor's own facilitation entries in this set: its text, meeting, who with, due date. */
export default handler(facilitationEdit, async (ctx, options) => {
  const { entry, text, meeting, due } = options;
  const withWhom = options.with;
  const own = await findOwnFacilitationEntry(ctx.deps.db, ctx.set.id, ctx.actor.id, entry);
  if (!own) return failure("not-found", `You have no facilitation entry #${entry} in this set. See /facilitation list.`);
  if ([text, meeting, withWhom, due].every((v) => v === undefined))
    return failure(
      "bad-option",
      `Say what to change in facilitation entry #${entry}: text:, meeting:, with: or due:. Example: /facilitation edit entry:${entry} text:"…"`,
    );
  for (const [name, value] of Object.entries({ with: withWhom, due })) {
    const { kinds, which } = TAKES[name as keyof typeof TAKES];
    if (value !== undefined && !kinds.includes(own.kind))
      return optionFailure("bad-option", name, `entry #${entry} is ${article(own.kind)} entry; only ${which} take ${name}:.`);
  }
  const found = meeting === undefined ? null : facilitationMeeting(ctx, await listMeetings(ctx.deps.db, ctx.set.id), meeting, null);
  if (found && !found.ok) return found;
  const dueDay = due ? checkDue(ctx, due) : null;
  if (dueDay && !dueDay.ok) return dueDay;

  const fields: FacilitationFields = {};
  if (found) fields.meetingId = found.value?.id ?? null;
  if (withWhom !== undefined) fields.with = withWhom;
  if (dueDay) fields.due = dueDay.value;
  await editFacilitationEntry(ctx.deps.db, own.id, { ...(text !== undefined ? { text } : {}), ...fields }, ctx.now);
  const changed = [
    text !== undefined ? "text" : "",
    found?.value ? `now about meeting ${found.value.number}` : "",
    withWhom !== undefined ? "who with" : "",
    dueDay ? "due date" : "",
  ].filter(Boolean);
  return success([toActor({ text: `Facilitation entry #${entry} (${own.kind}) updated: ${changed.join(", ")}.` })]);
});
