import { logForget } from "../../../../commands/index.ts";
import { plural } from "../../../domain/text/plural.ts";
import { forgetPerson, holdsSettings, type SetTouched, setsTouchedByForgetting } from "../../../store/personal-data.ts";
import { handlerWithoutSet } from "../../context.ts";
import { type Outgoing, type Reply, toActor, toChannel, toSetChannel } from "../../reply.ts";
import { failure, success } from "../../result.ts";

const named = (sets: SetTouched[]) => sets.map((s) => `"${s.name}"`).join(", ");
const part = (s: SetTouched) =>
  s.role === "advisor" ? "advisor" : s.role === "member" ? "member" : "left earlier; your entries are there";

/** What each set's channel is told: who left (by role, never by name), or that a former member's entries went. */
function notice(s: SetTouched): Reply {
  if (s.role === "advisor") return { text: "An advisor has left the set and had their data deleted." };
  if (s.role === "member") return { text: "A member has left the set and had their data deleted." };
  return { text: "A former member of the set has had their data deleted." };
}

/**
 * Forgetting erases the person in every set of the workspace: the confirmation names each set, it is refused
 * while they are the only advisor of one (a set must keep someone to run it), and every set's channel is told.
 * Anyone the bot holds data about may run it, in any channel or a direct message, a member removed from their
 * set included (docs/user-guide.md, "Your data").
 */
export default handlerWithoutSet(logForget, async (ctx, { confirm }) => {
  const sets = await setsTouchedByForgetting(ctx.deps.db, ctx.actor.id);
  if (sets.length === 0 && !(await holdsSettings(ctx.deps.db, ctx.actor.id))) {
    return failure("not-found", "Nothing is stored about you in this workspace: there is nothing to forget.");
  }
  const sole = sets.filter((s) => s.soleAdvisor);
  if (sole.length > 0) {
    return failure(
      "conflict",
      `You are the only advisor of ${named(sole)}: forgetting you would leave ${sole.length === 1 ? "it" : "them"} with nobody to run ${sole.length === 1 ? "it" : "them"}. ` +
        `First add another advisor there (in ${sole.length === 1 ? "that set's channel" : "each set's channel"}: /set advisor user:@Name), then run /log forget again.`,
    );
  }
  if (confirm !== "yes") {
    return success([
      toActor({
        text:
          "This deletes everything you wrote and everything written about you, in every set of this workspace: your entries " +
          "and actions, review replies, feedback given under your name, RSVPs, leave and reminder settings, the reviews you " +
          "are part of (an advisor's of you, or, as an advisor, yours of members, with their replies) and your facilitation " +
          `entries, and takes you out of the sets: ${sets.map((s) => `"${s.name}" (${part(s)})`).join(", ") || "none"}. ` +
          "Anonymous feedback stays (nothing records who gave it); your attendance and presentation turns stay in the sets' records without your name. It cannot be undone: " +
          "consider /log export first.",
        buttons: [{ id: "forget-confirm", label: "Delete all my data", command: "/log forget confirm:yes", style: "danger" }],
      }),
    ]);
  }
  const { entries } = await forgetPerson(ctx.deps.db, ctx.actor.id, ctx.now);
  const told = sets.map((s): Outgoing => (s.setId === ctx.set?.id ? toChannel(notice(s)) : toSetChannel(s.channelId, notice(s))));
  return success([
    toActor({
      text: `Done: ${plural(entries, "entry", "entries")} and everything else about you deleted, in ${plural(sets.length, "set")} (${named(sets)}). Thank you for taking part.`,
    }),
    ...told,
  ]);
});
