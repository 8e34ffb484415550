import { type Clash, isWeekend, type MeetingSpan, weekdayCadenceFor } from "../domain/set/meeting-checks.ts";
import type { Cadence } from "../domain/time/recurrence.ts";
import { formatDuration } from "../domain/time/when.ts";
import { at } from "./reply.ts";
import { type Failure, failure } from "./result.ts";

/** How many clashes or weekend dates a reply names before "and N more". */
const SHOWN = 4;

/** "a", "a and b", "a, b and c". */
export function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function upTo(items: string[]): string {
  return items.length > SHOWN ? `${items.slice(0, SHOWN).join("; ")}; and ${items.length - SHOWN} more` : items.join("; ");
}

const described = (m: { number: number } & MeetingSpan) => `meeting ${m.number} (${at(m.startsAt)}, ${formatDuration(m.durationMinutes)})`;

/**
 * The refusal for new or moved meeting times that overlap other meetings of the set, or null when none do.
 * `what` names the change for the reply's last sentence ("nothing was scheduled", "meeting 3 was not moved").
 */
export function clashRefusal(found: Clash<MeetingSpan, { number: number } & MeetingSpan>[], what: string): Failure | null {
  if (found.length === 0) return null;
  const others = [...new Set(found.map((c) => c.existing.number))];
  const fix = `Choose another time, or move or cancel ${others.length === 1 ? `meeting ${others[0]}` : "those meetings"} first (/meeting move meeting:${others[0]} when:…, /meeting cancel meeting:${others[0]}).`;
  const why = `A set holds one meeting at a time, so ${what}.`;
  if (found.length === 1) {
    const [clash] = found;
    return failure("conflict", `${at(clash!.candidate.startsAt)} overlaps ${described(clash!.existing)}. ${why} ${fix}`);
  }
  const pairs = found.map((c) => `${at(c.candidate.startsAt)} overlaps ${described(c.existing)}`);
  return failure("conflict", `${found.length} of these times overlap the set's other meetings: ${upTo(pairs)}. ${why} ${fix}`);
}

/**
 * Advice when meetings fall on a Saturday or Sunday in `timeZone`, or null when none do. For a monthly series on the
 * same date, it suggests the weekday form that keeps the first meeting's weekday (`every:"first monday"`).
 */
export function weekendAdvice(meetings: { number: number; startsAt: Date }[], timeZone: string, cadence?: Cadence): string | null {
  const weekend = meetings.filter((m) => isWeekend(m.startsAt, timeZone));
  if (weekend.length === 0) return null;
  const dates = weekend.map((m) => at(m.startsAt, "date"));
  const shown = weekend.length > SHOWN ? `${dates.slice(0, SHOWN).join(", ")} and ${weekend.length - SHOWN} more` : listed(dates);
  const lines = [
    weekend.length === 1
      ? `Note: meeting ${weekend[0]!.number} falls on a weekend (${shown}).`
      : `Note: meetings ${listed(weekend.map((m) => String(m.number)))} fall on a weekend (${shown}).`,
  ];
  const first = meetings[0];
  const weekday = cadence?.kind === "monthly-date" && first ? weekdayCadenceFor(first.startsAt, timeZone) : null;
  if (weekday) {
    lines.push(
      `"monthly" keeps the date, so the weekday changes from month to month; every:"${weekday}" keeps the weekday instead ` +
        `(cancel these with /meeting cancel and schedule again).`,
    );
  }
  lines.push(`To change ${weekend.length === 1 ? "it" : "one"}: /meeting move meeting:${weekend[0]!.number} when:"…".`);
  return lines.join(" ");
}
