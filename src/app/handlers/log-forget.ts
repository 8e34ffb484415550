import { logForget } from "../../../commands/index.ts";
import { forgetPerson } from "../../store/personal-data.ts";
import { handler } from "../context.ts";
import { plural } from "../format.ts";
import { toActor, toChannel } from "../reply.ts";
import { success } from "../result.ts";

export default handler(logForget, async (ctx, { confirm }) => {
  if (confirm !== "yes") {
    return success([
      toActor({
        text:
          "This deletes all your entries and actions, your RSVPs, leave and reminder settings, and takes you out of the set. " +
          "Your attendance and presentation turns stay in the set's records without your name. It cannot be undone: " +
          "consider /log export first.",
        buttons: [{ id: "forget-confirm", label: "Delete all my data", command: "/log forget confirm:yes", style: "danger" }],
      }),
    ]);
  }
  const { entries } = await forgetPerson(ctx.deps.db, ctx.actor.id, ctx.now);
  return success([
    toActor({ text: `Done: ${plural(entries, "entry", "entries")} and everything else about you deleted. Thank you for taking part.` }),
    toChannel({ text: "A member has left the set and had their data deleted." }),
  ]);
});
