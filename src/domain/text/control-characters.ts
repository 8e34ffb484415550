/**
 * Text people type is stored without control characters (NUL, BEL, ESC and the rest of Unicode's Cc): they are
 * invisible, can drive a terminal, and break exported files. Line breaks and tabs are kept; a carriage return,
 * alone or before a line feed, becomes one line feed. Everything else, including format characters such as
 * right-to-left marks, is kept as written.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[^\P{Cc}\n\t]/gu, "");
}
