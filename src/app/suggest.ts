import type { Suggestions } from "../../commands/define.ts";
import { listActions, listEntries, listOwnOfKind } from "../store/entries.ts";
import { listMeetings } from "../store/meetings.ts";
import { findPerson, findWorkspace } from "../store/people.ts";
import { findSetByChannel } from "../store/sets.ts";
import type { CommandDeps } from "./context.ts";
import { actionItem } from "./format.ts";

export type Suggestion = { name: string; value: string | number };

const MAX = 25;
const label = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

/**
 * Choices for an option as the user types: upcoming meetings of the channel's set, or the actor's own
 * open actions, latest entries, or goals and problems numbered as their draft numbers them (never anyone
 * else's). Empty where there is no set or nothing matches.
 */
export async function suggest(
  deps: Pick<CommandDeps, "db" | "clock">,
  where: { platform: string; workspaceId: string; channelId: string; userId: string },
  kind: Suggestions,
  typed: string,
): Promise<Suggestion[]> {
  // Suggesting only reads: a workspace seen for the first time has no set to suggest from.
  const workspace = await findWorkspace(deps.db, where.platform, where.workspaceId);
  const set = workspace && (await findSetByChannel(deps.db, workspace.id, where.channelId));
  if (!set) return [];
  const matches = (s: Suggestion) => typed === "" || s.name.toLowerCase().includes(typed.toLowerCase());
  const now = deps.clock.now();
  if (kind === "meetings") {
    const upcoming = (await listMeetings(deps.db, set.id)).filter((m) => m.status === "scheduled" && m.startsAt > now);
    return upcoming
      .map((m) => ({
        name: `Meeting ${m.number} · ${m.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
        value: String(m.number),
      }))
      .filter(matches)
      .slice(0, MAX);
  }
  const me = await findPerson(deps.db, workspace.id, where.userId);
  if (!me) return [];
  if (kind === "actions") {
    const open = (await listActions(deps.db, set.id, me.id)).filter((a) => a.status === "open");
    return open
      .map((a) => ({ name: label(actionItem(a)), value: a.number }))
      .filter(matches)
      .slice(0, MAX);
  }
  if (kind === "goals" || kind === "problems") {
    const which = kind === "goals" ? "goal" : "problem";
    const own = await listOwnOfKind(deps.db, set.id, me.id, which);
    const Which = which === "goal" ? "Goal" : "Problem";
    return own
      .map((e, i) => ({ name: label(`${Which} ${i + 1}: ${e.text}`), value: i + 1 }))
      .filter(matches)
      .slice(-MAX);
  }
  const entries = await listEntries(deps.db, set.id, me.id, MAX);
  return entries
    .map((e) => ({ name: label(`#${e.number} ${e.kind}: ${e.text}`), value: e.number }))
    .filter(matches)
    .slice(0, MAX);
}
