/**
 * The people a text seems to name, for a prompt to anonymise before submission (pure). An assessor reads the log
 * outside the set: a review that says "Kerry's lateness" names a third party. Read as advice, never a refusal and
 * never a change to the text: a name is a word of a known person's name (the set's other members), written with
 * its capital, or any capitalised word written as a possessive ("Kerry's") that is not a common word.
 */

/** Capitalised possessives that are not people ("Monday's", "Everyone's", "Today's"). */
const NOT_NAMES = new Set(
  [
    "monday tuesday wednesday thursday friday saturday sunday",
    "january february march april may june july august september october november december",
    "today yesterday tomorrow tonight everyone everybody nobody someone somebody anyone anybody it that there here",
    "what who this team company set group year week month ilm nhs the my our their his her its one another other",
    "christmas easter",
  ]
    .join(" ")
    .split(" "),
);

/** The names `text` seems to use, each once, in the order they first appear; `known` are full names ("Kerry Lane"). */
export function namesIn(text: string, known: readonly string[], except: readonly string[] = []): string[] {
  const excluded = new Set(except.flatMap((n) => n.split(/\s+/)).map((w) => w.toLowerCase()));
  const knownWords = new Set(
    known
      .flatMap((n) => n.split(/\s+/))
      .filter((w) => /^\p{Lu}\p{Ll}+/u.test(w) && w.length > 1)
      .filter((w) => !excluded.has(w.toLowerCase())),
  );
  const found: { at: number; name: string }[] = [];
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}'’-]*/gu)) {
    const word = m[0].replace(/['’]s$/u, "");
    const possessive = word !== m[0];
    if (excluded.has(word.toLowerCase())) continue;
    if (knownWords.has(word) || (possessive && /^\p{Lu}\p{Ll}+$/u.test(word) && !NOT_NAMES.has(word.toLowerCase())))
      found.push({ at: m.index ?? 0, name: word });
  }
  return [...new Set(found.sort((x, y) => x.at - y.at).map((f) => f.name))];
}

/** The prompt for texts that name people (`what`: a plural subject, "These reviews"), or null when none does. */
export function anonymisePrompt(names: readonly string[], what: string): string | null {
  if (names.length === 0) return null;
  return `${what} name ${names.join(", ")}: before you submit, anonymise them (a role or an initial: "a team lead", "K."), unless your centre says otherwise.`;
}
