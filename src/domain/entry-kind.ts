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

/**
 * A write-up (`/log write`): the member's own paragraph for one section of the draft, which replaces that section's
 * fragments there. Stored as an entry (numbered, listed, edited, deleted, exported like one) but not one of
 * ENTRY_KINDS: it is not recorded through the entry forms.
 */
export const WRITE_KIND = "write";

/** Every kind an entry row may hold: the entry kinds and the write-up. */
export type StoredEntryKind = EntryKind | typeof WRITE_KIND;

/** The sections a write-up may be for: the M3.37 criteria, as the draft heads them. */
export const WRITE_SECTIONS = ["1.1", "1.2", "2.1", "2.2", "2.3"] as const;
export type WriteSection = (typeof WRITE_SECTIONS)[number];
