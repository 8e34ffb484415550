/**
 * ILM M3.37 compliance checks for a set (docs/architecture.md, "Domain rules"): set size and programme length.
 * Pure: no clock, no I/O.
 */

import { plural } from "../text/plural.ts";
import { addDays, addMonths, type CalendarDate, compareDates, daysBetween, formatCalendarDate } from "../time/calendar-date.ts";

/** One finding about a set, with a user-facing message. */
export type ComplianceWarning = {
  code: "set-too-small" | "set-large" | "set-too-large" | "programme-too-short" | "programme-too-long" | "programme-unset";
  severity: "warning" | "non-compliant" | "info";
  message: string;
};

/** Set size limits per ILM M3.37 Appendix C: at least `min`, up to `recommendedMax` recommended, never above `max`. */
export const SET_SIZE = { min: 4, recommendedMax: 6, max: 8 } as const;

/** Programme length limits in calendar months (M3.37: at least 6, at most 12 months of set membership). */
const PROGRAMME_MONTHS = { min: 6, max: 12 } as const;

/** Set size per ILM M3.37 Appendix C: 4–6 recommended, 7–8 only if unavoidable (warning), under 4 or over 8 non-compliant. Returns [] for 4–6. */
export function setSizeWarnings(memberCount: number): ComplianceWarning[] {
  const n = memberCount;
  const members = plural(n, "member");
  const range = `${SET_SIZE.min}–${SET_SIZE.recommendedMax}`;
  if (n < SET_SIZE.min) {
    return [
      {
        code: "set-too-small",
        severity: "non-compliant",
        message: `The set has ${members}: ILM requires at least ${SET_SIZE.min} (${range} recommended).`,
      },
    ];
  }
  if (n > SET_SIZE.max) {
    return [
      {
        code: "set-too-large",
        severity: "non-compliant",
        message: `The set has ${members}: ILM allows at most ${SET_SIZE.max} (${range} recommended).`,
      },
    ];
  }
  if (n > SET_SIZE.recommendedMax) {
    return [
      {
        code: "set-large",
        severity: "warning",
        message: `The set has ${members}: ILM recommends ${range}; ${SET_SIZE.recommendedMax + 1}–${SET_SIZE.max} only if unavoidable.`,
      },
    ];
  }
  return [];
}

/** "5 months and 30 days" from `start` to `end` (end exclusive, start ≤ end): whole calendar months, then days. */
function describeLength(start: CalendarDate, end: CalendarDate): string {
  let months = 0;
  while (compareDates(addMonths(start, months + 1), end) <= 0) months++;
  const days = daysBetween(addMonths(start, months), end);
  const parts: string[] = [];
  if (months > 0 || days === 0) parts.push(`${months} month${months === 1 ? "" : "s"}`);
  if (days > 0) parts.push(`${days} day${days === 1 ? "" : "s"}`);
  return parts.join(" and ");
}

const iso = (d: CalendarDate) => formatCalendarDate(d, "iso");

/**
 * Programme length: at least 6 and at most 12 calendar months. `end` is the programme's last day, included:
 * 2027-01-15 to 2027-07-14 is exactly 6 months and OK; one day less is too short. No programme set → one "info".
 *
 * Calendar dates are compared by their day alone. A start without an end is also "programme-unset" (info); an end before the start is "programme-too-short".
 */
export function programmeWarnings(start: CalendarDate | null, end: CalendarDate | null): ComplianceWarning[] {
  if (start === null) {
    return [
      {
        code: "programme-unset",
        severity: "info",
        message: `No programme period is set. ILM M3.37 needs ${PROGRAMME_MONTHS.min}–${PROGRAMME_MONTHS.max} months of set membership: set it with /set programme start: end:.`,
      },
    ];
  }
  const s = start;
  if (end === null) {
    return [
      {
        code: "programme-unset",
        severity: "info",
        message: `The programme starts ${iso(s)} but has no end date. ILM M3.37 needs ${PROGRAMME_MONTHS.min}–${PROGRAMME_MONTHS.max} months: a last day between ${iso(addDays(addMonths(s, PROGRAMME_MONTHS.min), -1))} and ${iso(addDays(addMonths(s, PROGRAMME_MONTHS.max), -1))} would meet it.`,
      },
    ];
  }
  const last = end;
  const e = addDays(last, 1); // the day after the last day: lengths count the last day in
  const period = `${iso(s)} to ${iso(last)}`;
  if (compareDates(last, s) < 0) {
    return [
      {
        code: "programme-too-short",
        severity: "non-compliant",
        message: `The programme ends before it starts (${period}): ILM M3.37 requires at least ${PROGRAMME_MONTHS.min} months.`,
      },
    ];
  }
  const earliestEnd = addMonths(s, PROGRAMME_MONTHS.min);
  const latestEnd = addMonths(s, PROGRAMME_MONTHS.max);
  if (compareDates(e, earliestEnd) < 0) {
    return [
      {
        code: "programme-too-short",
        severity: "non-compliant",
        message: `The programme runs ${describeLength(s, e)} (${period}): ILM M3.37 requires at least ${PROGRAMME_MONTHS.min} months, so its last day should be ${iso(addDays(earliestEnd, -1))} or later.`,
      },
    ];
  }
  if (compareDates(e, latestEnd) > 0) {
    return [
      {
        code: "programme-too-long",
        severity: "non-compliant",
        message: `The programme runs ${describeLength(s, e)} (${period}): ILM M3.37 allows at most ${PROGRAMME_MONTHS.max} months, so its last day should be ${iso(addDays(latestEnd, -1))} or earlier.`,
      },
    ];
  }
  return [];
}
