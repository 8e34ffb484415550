import { DateTime } from "luxon";
import { type FileOut, type Reply, renderTimes, type TimeStyle } from "../app/reply.ts";

/** The file a reply cut to fit a platform carries: the whole reply as plain text. */
export const FULL_TEXT_FILE = "full-reply.txt";

const UTC_FORMATS: Record<TimeStyle, string> = { full: "yyyy-MM-dd HH:mm 'UTC'", date: "yyyy-MM-dd", time: "HH:mm 'UTC'" };

/** The whole reply as plain text (text, then each field as `label:` and its value), times in UTC. */
export function fullTextFile(reply: Reply): FileOut {
  const time = (text: string) => renderTimes(text, (d, style) => DateTime.fromJSDate(d, { zone: "utc" }).toFormat(UTC_FORMATS[style]));
  const parts = [time(reply.text), ...(reply.fields ?? []).map((f) => `${time(f.label)}:\n${time(f.value)}`)];
  return { name: FULL_TEXT_FILE, mimeType: "text/plain; charset=utf-8", content: `${parts.join("\n\n")}\n` };
}

/** The line that ends a reply cut to fit: where the rest is. */
export function cutNotice(platform: string, messages: number): string {
  const most = messages === 1 ? "one message" : `${messages} messages`;
  return `… This reply is longer than ${platform} shows in ${most}: all of it is in the file ${FULL_TEXT_FILE}.`;
}

/** How far back from a hard cut to look for the start of a token (Slack's `<!date^…|…>`, an entity, a mention). */
const TOKEN_REACH = 120;

/**
 * Splits rendered text into pieces of at most `max` characters: at the last line break that fits (the break is
 * dropped), else the last space (dropped), else a hard cut — never inside a `<…>` token (Slack's
 * `<!date^…|2027-01-12 10:00 UTC>` has spaces) nor an `&…;` entity. Nothing else is lost: the pieces, joined with
 * what was dropped, are the text. An empty text is one empty piece.
 */
export function splitToFit(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const at = lastBreak(window, "\n") ?? lastBreak(window, " ");
    const cutAt = at ?? hardCut(rest, max);
    pieces.push(rest.slice(0, cutAt));
    rest = rest.slice(at === undefined ? cutAt : cutAt + 1);
  }
  pieces.push(rest);
  return pieces;
}

/** The last `separator` in `window` (not at its start) that is outside every `<…>` token. */
function lastBreak(window: string, separator: string): number | undefined {
  for (let at = window.lastIndexOf(separator); at > 0; at = window.lastIndexOf(separator, at - 1))
    if (window.lastIndexOf("<", at) <= window.lastIndexOf(">", at)) return at;
  return undefined;
}

/** `max`, or the start of the `<…>` token or `&…;` entity that `max` would cut through. */
function hardCut(text: string, max: number): number {
  const from = Math.max(0, max - TOKEN_REACH);
  const head = text.slice(from, max);
  const open = Math.max(head.lastIndexOf("<"), head.lastIndexOf("&"));
  if (open < 0) return max;
  const opener = head[open];
  const closer = opener === "<" ? ">" : ";";
  const closed = head.indexOf(closer, open) >= 0;
  return !closed && from + open > 0 ? from + open : max;
}
