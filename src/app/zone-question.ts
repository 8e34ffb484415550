import type { Delivery } from "./destination.ts";
import type { Button } from "./reply.ts";

/** At most this many zones are offered as buttons (the most common among the set's other members first). */
const ZONE_BUTTONS = 4;

/**
 * The zones to offer someone asked for theirs: the other members' zones, most common first (then by name), at most
 * `ZONE_BUTTONS`.
 */
export function zonesToOffer(othersZones: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const zone of othersZones) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  return [...counts]
    .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
    .slice(0, ZONE_BUTTONS)
    .map(([zone]) => zone);
}

/**
 * A reminder DM with the one-time question for a person's zone added (platforms whose profiles give none, such as
 * Discord): what the reminders use now, a button per offered zone running `/nudge settings tz:ZONE`, and how to type
 * any other. The reminder's own text and buttons come first and are unchanged, and its "Stop these" stays last.
 */
export function withZoneQuestion(delivery: Delivery, currentZone: string, offered: readonly string[]): Delivery {
  const buttons: Button[] = offered.map((zone, i) => ({ id: `tz-${i + 1}`, label: zone, command: `/nudge settings tz:${zone}` }));
  const pick = offered.length ? "Press your zone if it is one of your set's below, or type" : "Type";
  const question =
    `One question, asked once: which time zone are you in? Your reminders and dates use ${currentZone}, the bot's ` +
    `default, until you say. ${pick} /nudge settings tz: with yours (e.g. tz:America/New_York).`;
  const { reply } = delivery;
  const own = reply.buttons ?? [];
  const stop = own.at(-1)?.id.startsWith("stop-") ? own.slice(-1) : [];
  const all = [...own.slice(0, own.length - stop.length), ...buttons, ...stop];
  return { ...delivery, reply: { ...reply, text: `${reply.text}\n\n${question}`, buttons: all } };
}
