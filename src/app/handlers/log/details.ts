import { logDetails } from "../../../../commands/index.ts";
import { memberDetails, saveMemberDetails } from "../../../store/member-details.ts";
import { handler } from "../../context.ts";
import { toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";

/** The member's registration and centre details for their draft's header: set what is given, always show all three. */
export default handler(logDetails, async (ctx, { registration, centre, centre_name }) => {
  const membership = ctx.set.memberships.find((m) => m.person.id === ctx.actor.id && m.role === "member");
  if (!membership) return failure("forbidden", "Only members of the set keep details for a draft.");
  const change = { registration, centreNumber: centre, centreName: centre_name };
  const given = Object.values(change).some((v) => v !== undefined);
  const details = given ? await saveMemberDetails(ctx.deps.db, membership.id, change) : await memberDetails(ctx.deps.db, membership.id);
  const show = (v: string | null, option: string) => v ?? `not given (${option})`;
  return success([
    toActor({
      text: `${given ? "Saved. " : ""}Your details for the draft's header (only you, and your advisors while you share your log, see them):`,
      fields: [
        { label: "Learner registration number", value: show(details.registration, "registration:…") },
        { label: "Centre number", value: show(details.centreNumber, "centre:…") },
        { label: "Centre name", value: show(details.centreName, 'centre_name:"…"') },
      ],
    }),
  ]);
});
