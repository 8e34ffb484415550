/** The kinds of entry a member records in their log (`/log problem`, …), in the order the entry forms list them. */
export const ENTRY_KINDS = [
  "problem",
  "action",
  "outcome",
  "reflect",
  "question",
  "strength",
  "limitation",
  "goal",
  "action-learning",
  "review",
] as const;

/** One kind of log entry: also the subcommand that records it (`/log reflect`). */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Whether a word names a kind of entry (a form's id, a stored row). */
export function isEntryKind(word: string): word is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(word);
}
