/**
 * The readings the coaching DMs are written from (src/domain/draft/coach.ts): for each `coach` or `set-review` reminder being rendered, its
 * member's log in its set, read as the draft's checklist reads it. Loaded only for those reminders, so a tick with
 * none costs nothing more; the member's words are read to count and place them, never put in the DM.
 */
import { readLog } from "../domain/draft/coach.ts";
import type { PlannedNudge } from "../domain/reminders/types.ts";
import type { NudgeView } from "../store/nudge-state.ts";
import type { Db } from "../store/open-database.ts";
import { findSetById } from "../store/sets.ts";
import { loadDraftInput } from "./draft-input.ts";

/**
 * The view with `coaching` holding the reading of every member a `coach` or `set-review` reminder of `nudges` goes to, and
 * `sharedReadings` those of the sharing members of each set an `advisor-digest` of `nudges` is about.
 */
export async function withCoachReadings(db: Db, view: NudgeView, nudges: readonly PlannedNudge[], now: Date): Promise<NudgeView> {
  const wanted = nudges.filter((n) => (n.kind === "coach" || n.kind === "set-review") && n.to.kind === "person");
  const digestSets = [...new Set(nudges.filter((n) => n.kind === "advisor-digest").map((n) => n.setId))];
  if (wanted.length === 0 && digestSets.length === 0) return view;
  // A set-review reaches every member of a set at once: each set is read once.
  const sets = new Map<string, ReturnType<typeof findSetById>>();
  const setOf = (setId: string) => {
    const known = sets.get(setId);
    if (known) return known;
    const loading = findSetById(db, setId);
    sets.set(setId, loading);
    return loading;
  };
  const sharedReadings = new Map(view.sharedReadings ?? []);
  for (const setId of digestSets) {
    const set = await setOf(setId);
    if (!set) continue;
    const sharing = set.memberships.filter((m) => m.role === "member" && m.sharing);
    const readings = [];
    for (const m of sharing) readings.push(readLog(await loadDraftInput(db, set, m.person, now)));
    sharedReadings.set(setId, readings);
  }
  const coaching = new Map(view.coaching ?? []);
  for (const n of wanted) {
    const to = n.to;
    if (to.kind !== "person") continue;
    const key = `${n.setId}:${to.personId}`;
    if (coaching.has(key)) continue;
    const set = await setOf(n.setId);
    const person = set?.memberships.find((m) => m.person.id === to.personId && m.role === "member")?.person;
    if (!set || !person) continue;
    coaching.set(key, readLog(await loadDraftInput(db, set, person, now)));
  }
  return { ...view, coaching, sharedReadings };
}
