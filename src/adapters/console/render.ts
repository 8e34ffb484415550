import { DateTime } from "luxon";
import type { Destination } from "../../app/destination.ts";
import { type Reply, renderTimes, type TimeStyle } from "../../app/reply.ts";
import { zoneAbbreviation } from "../../domain/time/zone-abbreviation.ts";

const formats: Record<TimeStyle, string> = { full: "ccc d LLL yyyy, HH:mm", date: "ccc d LLL yyyy", time: "HH:mm" };

/**
 * A moment as the console shows it, in the reader's time zone with the zone's usual abbreviation
 * ("Tue 12 Jan 2027, 10:00 GMT", "10:00 EST"; "GMT+9" where a zone has none).
 */
export function consoleTime(date: Date, style: TimeStyle, timeZone: string): string {
  const shown = DateTime.fromJSDate(date, { zone: timeZone }).setLocale("en-GB").toFormat(formats[style]);
  return style === "date" ? shown : `${shown} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * The transcript lines for one reply, prefixed with where it went: `[#set]` (another set's channel: `[#other]`),
 * `[#set → NAME]` (only NAME sees it) or `[DM NAME]`. Times are in the reader's zone (a channel's in `timeZone`).
 * Fields, buttons and files (an image's text alternative on the line under it) follow, indented.
 * `saveFile` stores a file and returns the path to print.
 */
export function renderMessage(
  { channelId, to }: Destination,
  reply: Reply,
  timeZone: string,
  saveFile: (name: string, content: string | Uint8Array) => string,
): string[] {
  const prefix =
    to.kind === "channel" ? `[#${channelId}]` : to.kind === "actor" ? `[#${channelId} → ${to.userId}]` : `[DM ${to.displayName}]`;
  const zone = to.kind === "channel" ? timeZone : (to.timeZone ?? timeZone);
  const time = (text: string) => renderTimes(text, (d, style) => consoleTime(d, style, zone));
  const [first = "", ...rest] = time(reply.text).split("\n");
  const lines = [`${prefix} ${first}`, ...rest.map((l) => `  ${l}`)];
  for (const f of reply.fields ?? []) {
    const [head = "", ...more] = time(f.value).split("\n");
    lines.push(`  ${f.label}: ${head}`, ...more.map((l) => `    ${l}`));
  }
  for (const b of reply.buttons ?? []) lines.push(`  [button ${b.id}: ${b.label}]`);
  for (const f of reply.files ?? []) {
    lines.push(`  [file ${saveFile(f.name, f.content)}]`);
    if (f.altText) lines.push(`    alt: ${f.altText}`);
  }
  return lines;
}
