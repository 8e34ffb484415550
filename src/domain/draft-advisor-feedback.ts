/**
 * The draft's "Feedback from my set advisor" section: each review an advisor wrote of the member's progress
 * (`/review`), attributed and dated, and under it the member's one reply. The advisor's words are not the member's:
 * they are shown as written and not counted in the member's word count. Pure.
 */
import { dayIn } from "./draft-text.ts";
import type { DraftAdvisorReview, DraftBlock } from "./draft-types.ts";
import { anonymisePrompt, namesIn } from "./named-people.ts";

/** The section's heading, for renderers and tests. */
export const ADVISOR_FEEDBACK_HEADING = "Feedback from my set advisor";

/**
 * The section, oldest review first; nothing when there is no review. When the reviews or replies name people other
 * than the learner and their advisors (`known`: the set's other members; or a possessive such as "Kerry's"), a
 * prompt asks to anonymise them before submission.
 */
export function advisorFeedbackBlocks(
  reviews: readonly DraftAdvisorReview[],
  zone: string,
  people: { learner: string; advisors: readonly string[]; known: readonly string[] } = { learner: "", advisors: [], known: [] },
): DraftBlock[] {
  if (reviews.length === 0) return [];
  const blocks: DraftBlock[] = [{ kind: "heading", level: 2, text: ADVISOR_FEEDBACK_HEADING }];
  const ordered = [...reviews].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const r of ordered) {
    const edited = r.editedAt ? `, edited ${dayIn(r.editedAt, zone)}` : "";
    blocks.push({ kind: "heading", level: 3, text: `From ${r.advisor}, my set advisor, ${dayIn(r.createdAt, zone)}${edited}` });
    blocks.push({ kind: "paragraph", text: r.text });
    if (r.reply !== null) {
      blocks.push({ kind: "paragraph", text: `My reflection${r.repliedAt ? ` (${dayIn(r.repliedAt, zone)})` : ""}: ${r.reply}` });
    } else {
      blocks.push({ kind: "prompt", items: ['Reply once with your reflection on this review: /review reply text:"…". It is shown here.'] });
    }
  }
  const names = namesIn(ordered.map((r) => `${r.text}\n${r.reply ?? ""}`).join("\n"), people.known, [people.learner, ...people.advisors]);
  const anonymise = anonymisePrompt(names, "These reviews");
  if (anonymise) blocks.push({ kind: "prompt", items: [anonymise] });
  return blocks;
}
