/**
 * Fills a migrated SQLite file with many learning sets, fast: raw SQL through better-sqlite3, one
 * transaction, prepared statements. DateTimes are written as the Prisma adapter writes them (`sqlTime`).
 *
 * Each set, relative to `now` (a weekday 12:00 UTC, everyone in Europe/London with default quiet hours):
 * - 1 advisor + 5 members, joined 60 days ago;
 * - meeting 1, closed exactly 2 h before `now`, all 5 members attended, nobody logged an action since it
 *   started → 5 "log-action" reminders due at `now`;
 * - meeting 2, starting exactly 48 h after `now`, members 0–2 presenting → 3 "presenter-prep" due at `now`;
 * - member 3 has an open action whose due date is over at `now` → 1 "action-due"; member 4 has an open action due
 *   a week later (loaded, not due). Due dates are calendar dates read in `DUE_ZONE` (UTC−12, where a day ends at
 *   12:00 UTC), so that one ends exactly at `now`.
 * Nothing else falls in a window (now − 1 min, now]: 9 reminders per set.
 */
import Database from "better-sqlite3";
import { addDays, calendarDateOf } from "../../src/domain/calendar-date.ts";
import { sqlTime } from "../../src/store/outbox.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TIME_ZONE = "Europe/London";
/** The zone the seeded due dates are read in: a day there ends at 12:00 UTC, the time of `now`. */
const DUE_ZONE = "Etc/GMT+12";
export const MEMBERS_PER_SET = 5;
export const PEOPLE_PER_SET = MEMBERS_PER_SET + 1;
/** Reminders due per set at `now`, by kind (see above). */
export const DUE_PER_SET = { "presenter-prep": 3, "log-action": 5, "action-due": 1 } as const;

export type SeedCounts = {
  sets: number;
  people: number;
  memberships: number;
  meetings: number;
  slots: number;
  attendance: number;
  entries: number;
  actions: number;
};

/** Seeds `sets` sets into the (already migrated) file; the scheduler's last tick is set to `now` − `windowMs`. */
export function seedSets(path: string, sets: number, now: Date, windowMs = MINUTE): SeedCounts {
  const t = (offsetMs: number) => sqlTime(new Date(now.getTime() + offsetMs));
  const longAgo = t(-60 * DAY);
  /** The due date (ISO, in DUE_ZONE) whose end is `days` after `now`. */
  const dueDay = (days: number) => addDays(calendarDateOf(now, DUE_ZONE), days - 1).date;
  const raw = new Database(path);
  try {
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const ins = {
      workspace: raw.prepare(
        `INSERT INTO "Workspace" ("id", "platform", "externalId", "name", "createdAt") VALUES (?, 'console', 'local', 'Bench', ?)`,
      ),
      person: raw.prepare(
        `INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone", "quietStart", "quietEnd", "nudgesOn", "snoozedUntil", "createdAt")
         VALUES (?, 'w', ?, ?, ?, NULL, NULL, 1, NULL, ?)`,
      ),
      set: raw.prepare(
        `INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone", "programmeStart", "programmeEnd", "slotMinutes", "allowanceMinutes", "createdAt")
         VALUES (?, 'w', ?, ?, ?, NULL, NULL, 30, 30, ?)`,
      ),
      membership: raw.prepare(
        `INSERT INTO "Membership" ("id", "setId", "personId", "role", "pairLabel", "sharing", "joinedAt", "leftAt") VALUES (?, ?, ?, ?, NULL, 0, ?, NULL)`,
      ),
      meeting: raw.prepare(
        `INSERT INTO "Meeting" ("id", "setId", "number", "seriesId", "startsAt", "durationMinutes", "status", "createdById", "closedAt", "createdAt", "announcedAt")
         VALUES (?, ?, ?, NULL, ?, 90, ?, ?, ?, ?, ?)`,
      ),
      slot: raw.prepare(
        `INSERT INTO "PresenterSlot" ("id", "meetingId", "personId", "position", "status", "swapped", "updatedAt") VALUES (?, ?, ?, ?, 'planned', 0, ?)`,
      ),
      attendance: raw.prepare(`INSERT INTO "Attendance" ("meetingId", "personId") VALUES (?, ?)`),
      entry: raw.prepare(
        `INSERT INTO "Entry" ("id", "setId", "authorId", "number", "kind", "text", "meetingId", "createdAt", "editedAt") VALUES (?, ?, ?, 1, 'action', ?, NULL, ?, NULL)`,
      ),
      action: raw.prepare(
        `INSERT INTO "Action" ("id", "entryId", "setId", "ownerId", "meetingId", "createdAt", "dueDate", "dueTimeZone", "status", "outcome", "effectiveness", "outcomeAt")
         VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'open', NULL, NULL, NULL)`,
      ),
      tick: raw.prepare(`INSERT INTO "SchedulerState" ("id", "lastTickAt") VALUES ('nudges', ?)`),
    };
    const counts: SeedCounts = { sets, people: 0, memberships: 0, meetings: 0, slots: 0, attendance: 0, entries: 0, actions: 0 };
    const closedAt = t(-2 * HOUR);
    const firstStart = t(-2 * HOUR - 90 * MINUTE);
    const nextStart = t(48 * HOUR);
    const actionLogged = t(-7 * DAY);

    raw.transaction(() => {
      ins.workspace.run("w", longAgo);
      for (let i = 0; i < sets; i++) {
        const s = `s${i}`;
        ins.set.run(s, `c${i}`, `Set ${i}`, TIME_ZONE, longAgo);
        const people: string[] = [];
        for (let k = 0; k < PEOPLE_PER_SET; k++) {
          const p = `p${i}_${k}`; // k = 0 is the advisor
          people.push(p);
          ins.person.run(p, `u${i}_${k}`, k === 0 ? `Advisor ${i}` : `Member ${i}.${k}`, TIME_ZONE, longAgo);
          ins.membership.run(`ms${i}_${k}`, s, p, k === 0 ? "advisor" : "member", longAgo);
          counts.people++;
          counts.memberships++;
        }
        const [advisor, ...members] = people as [string, ...string[]];
        // Both announced long ago (the steady state): the tick has no presenters to announce.
        ins.meeting.run(`m${i}_1`, s, 1, firstStart, "closed", advisor, closedAt, longAgo, longAgo);
        ins.meeting.run(`m${i}_2`, s, 2, nextStart, "scheduled", advisor, null, longAgo, longAgo);
        counts.meetings += 2;
        for (const m of members) ins.attendance.run(`m${i}_1`, m);
        counts.attendance += members.length;
        for (let k = 0; k < 3; k++) ins.slot.run(`sl${i}_${k}`, `m${i}_2`, members[k], k + 1, longAgo);
        counts.slots += 3;
        for (const [k, dueDate] of [
          [3, dueDay(0)],
          [4, dueDay(7)],
        ] as const) {
          ins.entry.run(`e${i}_${k}`, s, members[k], `Action of member ${k} in set ${i}`, actionLogged);
          ins.action.run(`a${i}_${k}`, `e${i}_${k}`, s, members[k], actionLogged, dueDate, DUE_ZONE);
          counts.entries++;
          counts.actions++;
        }
      }
      ins.tick.run(t(-windowMs));
    })();
    return counts;
  } finally {
    raw.close();
  }
}

/** Outbox rows by kind and status, read directly (not through the counted client). */
export function outboxSummary(path: string): { kind: string; status: string; n: number }[] {
  const raw = new Database(path, { readonly: true });
  try {
    return raw
      .prepare(`SELECT "kind", "status", count(*) AS n FROM "Outbox" GROUP BY "kind", "status" ORDER BY "kind", "status"`)
      .all() as { kind: string; status: string; n: number }[];
  } finally {
    raw.close();
  }
}
