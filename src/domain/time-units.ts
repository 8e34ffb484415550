/** Lengths of time in milliseconds, for arithmetic on instants (`Date.getTime()`). Calendar days in a zone are in calendar-date.ts. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** 24 hours: a day on the UTC timeline, not a local calendar day (which a clock change makes 23 or 25 hours). */
export const DAY = 24 * HOUR;
