/** Small wording helpers shared by the draft's parts: dates as the draft shows them, counts, effectiveness. */
import { DateTime } from "luxon";
import { plural } from "../text/plural.ts";
import { type CalendarDate, formatCalendarDate } from "../time/calendar-date.ts";
import type { DraftAction } from "./types.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Words in a text: runs of non-space characters. */
export function countWords(text: string | null | undefined): number {
  const t = (text ?? "").trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}

export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
export const refs = (numbers: number[]): string => numbers.map((n) => `#${n}`).join(", ");
export const validZone = (zone: string): string => (DateTime.fromMillis(0, { zone }).isValid ? zone : "UTC");
export const hasText = (s: string | null | undefined): s is string => s !== null && s !== undefined && s.trim() !== "";

const showDay = (t: DateTime) => `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
/** "12 Jan 2027" for an instant, in the member's time zone. */
export const dayIn = (d: Date, zone: string): string => showDay(DateTime.fromJSDate(d, { zone }));
/** "16 Mar 2027" for a calendar date (a due date, a programme day), exactly as given, in any reader's zone. */
export const calendarDay = (d: CalendarDate): string => formatCalendarDate(d, "day");

/** "14 hours", "1 hour 30 minutes". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return plural(m, "minute");
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}

/** "6 months and 2 days" from `start` to `endExclusive` (calendar arithmetic in `zone`). */
export function lengthText(start: DateTime, endExclusive: DateTime): string {
  if (endExclusive <= start) return "0 days";
  const diff = endExclusive.diff(start, ["months", "days"]).toObject();
  const months = Math.max(0, Math.floor(diff.months ?? 0));
  const days = Math.max(0, Math.round(diff.days ?? 0));
  return [months > 0 || days === 0 ? plural(months, "month") : "", days > 0 ? plural(days, "day") : ""].filter(Boolean).join(" and ");
}

/** "very effective" for the stored choice; the member's own word otherwise; null when not recorded. */
export function effectivenessText(e: string | null): string | null {
  if (e === null || e.trim() === "") return null;
  const known: Record<string, string> = { very: "very effective", somewhat: "somewhat effective", not: "not effective" };
  return known[e.trim()] ?? e.trim();
}

export const STATUS_TEXT: Record<DraftAction["status"], string> = {
  open: "still open",
  done: "done",
  partly: "partly done",
  dropped: "dropped",
};
