/**
 * The action an outcome's own words seem to name (pure): "re action 2", "action #2", "action 2", "#2". Read only to
 * offer the link (a button the member presses); an outcome is never linked by its words alone.
 */

/** The number named, or null when the text names none, or names more than one (which is meant is not guessed). */
export function mentionedAction(text: string): number | null {
  const found = new Set<number>();
  for (const m of text.matchAll(/(?:\bactions?\s*(?:no\.?\s*|number\s*)?#?\s*(\d{1,6})\b)|(?:(?:^|[\s(])#(\d{1,6})\b)/gi))
    found.add(Number(m[1] ?? m[2]));
  return found.size === 1 ? [...found][0]! : null;
}
