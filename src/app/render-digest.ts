import { DIGEST_SILENT_DAYS, digestFacts, REVIEW_DUE_WEEKS } from "../domain/advisor-digest.ts";
import { plural } from "../domain/plural.ts";
import type { PlannedNudge } from "../domain/reminders/types.ts";
import type { NudgeView, ViewSet } from "../store/nudge-state.ts";
import { at } from "./reply.ts";

/**
 * The text of an advisor's weekly digest for one set: counts, dates and names only. It is built from the view's
 * counts, dates and feedback kinds, which hold no member's entry text nor who gave any feedback.
 */
export function digestText(n: PlannedNudge, set: ViewSet, view: NudgeView): string {
  const name = (id: string) => view.people.get(id)?.displayName ?? "a former member";
  const members = view.membersBySet.get(n.setId) ?? [];
  const facts = digestFacts({
    at: n.dueAt,
    members,
    meetings: [...view.meetings.values()].filter((m) => m.setId === n.setId),
    entries: known(members, (id) => view.entryStats.get(`${n.setId}:${id}`)),
    openActions: new Map(
      members.map((m) => [m.id, (view.actionsByOwner.get(`${n.setId}:${m.id}`) ?? []).filter((a) => a.open).map((a) => a.due)]),
    ),
    lastReviewed: known(members, (id) => view.lastReviewed.get(`${n.setId}:${id}`)),
    feedback: view.recentFeedback.get(n.setId) ?? [],
  });
  const meetingList = (ms: { number: number; startsAt: Date }[]) => ms.map((m) => `meeting ${m.number} (${at(m.startsAt)})`).join(", ");
  const lines = [`Your weekly digest for "${set.name}" (week ${n.occurrence}):`];
  lines.push(`• Held last week: ${facts.held.length ? meetingList(facts.held) : "no meeting"}.`);
  lines.push(`• Coming this week: ${facts.coming.length ? meetingList(facts.coming) : "no meeting scheduled"}.`);
  lines.push(
    `• Silent for ${DIGEST_SILENT_DAYS} days or more: ${
      facts.silent.length
        ? facts.silent
            .map(
              (s) =>
                `${name(s.id)} (${s.lastAt ? `last entry ${at(s.lastAt, "date")}, ${plural(s.count, "entry", "entries")} in all` : "no entry yet"})`,
            )
            .join(", ")
        : "nobody"
    }.`,
  );
  lines.push(`• Overdue actions: ${facts.overdue.length ? facts.overdue.map((o) => `${name(o.id)} ${o.count}`).join(", ") : "none"}.`);
  lines.push(
    `• Reviews due (not reviewed for ${REVIEW_DUE_WEEKS} weeks): ${
      facts.reviewsDue.length
        ? facts.reviewsDue.map((r) => `${name(r.id)} (${r.lastReviewedAt ? `last ${at(r.lastReviewedAt, "date")}` : "never"})`).join(", ")
        : "nobody"
    }. Review with /review member:@name text:"…".`,
  );
  const { set: aboutSet, advisor } = facts.feedback;
  lines.push(
    `• New feedback since last week: ${
      aboutSet + advisor
        ? `${plural(aboutSet, "about the set", "about the set")}, ${plural(advisor, "about you", "about you")}. Read it with /feedback list.`
        : "none."
    }`,
  );
  return lines.join("\n");
}

/** Each member's value, for the members that have one. */
function known<T>(members: readonly { id: string }[], lookup: (id: string) => T | undefined): Map<string, T> {
  const out = new Map<string, T>();
  for (const m of members) {
    const value = lookup(m.id);
    if (value !== undefined) out.set(m.id, value);
  }
  return out;
}
