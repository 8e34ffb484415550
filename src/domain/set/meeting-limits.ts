/**
 * The most meetings a set may have ahead of it (scheduled and not yet started), however they were scheduled
 * (`count:`, `until:`, one at a time or by `/meeting close next:`): a year of weekly meetings, more than an ILM
 * programme (6–12 months) needs. It bounds what every view, rotation projection and reminder plan of a set
 * works through.
 */
export const MAX_UPCOMING_MEETINGS = 52;

/**
 * Why `adding` new meetings do not fit in a set that has `ahead` meetings ahead of it, or null when they fit.
 * `adding` may be MAX_UPCOMING_MEETINGS + 1 for "more than the limit" (a long series is not expanded further).
 */
export function upcomingLimitProblem(ahead: number, adding: number): string | null {
  const room = Math.max(0, MAX_UPCOMING_MEETINGS - ahead);
  if (adding <= room) return null;
  const limit = `A set can have at most ${MAX_UPCOMING_MEETINGS} meetings ahead of it`;
  if (adding === 1 || room === 0) {
    return `${limit}, and this set has ${ahead}. Cancel one first (/meeting cancel meeting:N), or schedule it once some have been held.`;
  }
  const size = adding > MAX_UPCOMING_MEETINGS ? `more than ${MAX_UPCOMING_MEETINGS}` : String(adding);
  const has = ahead === 0 ? "" : `; this set has ${ahead}, so ${room} more fit`;
  return `${limit}${has}. This series would add ${size}: give a smaller count: or an earlier until:, e.g. count:${room}.`;
}
