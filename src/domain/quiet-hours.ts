import type { QuietHours } from "./plan-nudges.ts";

/** Sensible hours by default: a person who has not chosen quiet hours gets no reminder before 08:00 or after 21:00. */
export const DEFAULT_QUIET_HOURS: Readonly<QuietHours> = { start: "21:00", end: "08:00" };

/**
 * A person's quiet hours from their stored choice: their own, none if they cleared them (stored as equal
 * times), or the default if they never chose (stored as nulls).
 */
export function quietHoursOf(p: { quietStart: string | null; quietEnd: string | null }): QuietHours | null {
  if (p.quietStart === null || p.quietEnd === null) return { ...DEFAULT_QUIET_HOURS };
  return p.quietStart === p.quietEnd ? null : { start: p.quietStart, end: p.quietEnd };
}
