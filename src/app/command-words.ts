/**
 * The words of a command line, as positions in the text, so that an option's value can be taken exactly as it
 * was written (its spacing, quotes and punctuation) rather than rebuilt from tokens.
 */

/** A word of a command line: `text.slice(start, end)`. */
export type WordSpan = { start: number; end: number };

const SPACE = /\s/;
const OPTION_PREFIX = /^[a-z][a-z_-]*:/i;

/**
 * The index of the straight double quote that closes a group opened just before `from`: the next `"`, and only
 * if whitespace or the end of the text follows it. -1 when there is none: the opening quote is then an ordinary
 * character.
 */
function closingQuote(text: string, from: number): number {
  const close = text.indexOf('"', from);
  if (close < 0) return -1;
  const after = text[close + 1];
  return after === undefined || SPACE.test(after) ? close : -1;
}

/**
 * Splits `text` into words at whitespace. A straight double quote at the start of a word, or just after a
 * `name:` prefix, opens a group that runs, spaces included, to the next `"` followed by whitespace or the end
 * (`"next tuesday 10am"`, `when:"next tuesday 10am"`): one word. A quote that opens no such group, and every
 * typographic quote or apostrophe, is an ordinary character.
 */
export function commandWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    const prefix = OPTION_PREFIX.exec(text.slice(i, i + 40))?.[0].length ?? 0;
    const open = text[i] === '"' ? i : text[i + prefix] === '"' && prefix > 0 ? i + prefix : -1;
    const close = open >= 0 ? closingQuote(text, open + 1) : -1;
    if (close >= 0) {
      i = close + 1;
    } else {
      while (i < text.length && !SPACE.test(text[i]!)) i++;
    }
    words.push({ start, end: i });
  }
  return words;
}

/** A value written wholly inside one pair of straight double quotes (`"a b"`) without them; any other text as it is. */
export function unquoted(value: string): string {
  return /^"[^"]*"$/.test(value) ? value.slice(1, -1) : value;
}
