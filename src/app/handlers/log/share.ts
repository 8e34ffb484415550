import { logShare } from "../../../../commands/index.ts";
import { setSharing } from "../../../store/entries.ts";
import { handler } from "../../context.ts";
import { toActor } from "../../reply.ts";
import { success } from "../../result.ts";

export default handler(logShare, async (ctx, { setting }) => {
  const membership = ctx.set.memberships.find((m) => m.person.id === ctx.actor.id)!;
  await setSharing(ctx.deps.db, membership.id, setting === "on");
  const advisors = ctx.set.memberships
    .filter((m) => m.role === "advisor")
    .map((m) => m.person.displayName)
    .join(", ");
  return success([
    toActor({
      text:
        setting === "on"
          ? `Sharing on: ${advisors} can now read your entries and draft. /log share off stops it at any time.`
          : "Sharing off: your entries are private to you again.",
    }),
  ]);
});
