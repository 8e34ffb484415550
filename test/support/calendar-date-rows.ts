/**
 * Rows as they stood before migration 0006 (calendar dates stored as instants), and what the migration must make of
 * them, for the SQLite and the PostgreSQL migration tests alike.
 */

import { leaveEnds } from "../../src/domain/set/leave.ts";
import { calendarDate } from "../../src/domain/time/calendar-date.ts";

/** Rows as they stood before migration 0006: calendar dates stored as instants (see the migration's header). */
export const BEFORE_CALENDAR_DATES = `
  INSERT INTO "Workspace" ("id", "platform", "externalId") VALUES ('w', 'console', 'local');
  INSERT INTO "Person" ("id", "workspaceId", "externalId", "displayName", "timeZone") VALUES
    ('london', 'w', 'Ana', 'Ana', 'Europe/London'), ('berlin', 'w', 'Eve', 'Eve', 'Europe/Berlin'),
    ('ny', 'w', 'Cat', 'Cat', 'America/New_York'), ('nz', 'w', 'Dev', 'Dev', 'Pacific/Auckland');
  INSERT INTO "LearningSet" ("id", "workspaceId", "channelId", "name", "timeZone", "programmeStart", "programmeEnd")
    VALUES ('s', 'w', 'set', 'Set', 'Europe/London', '2027-01-04T00:00:00.000+00:00', '2027-07-31T00:00:00.000+00:00'),
           ('s2', 'w', 'other', 'Other', 'Europe/London', NULL, NULL);
  INSERT INTO "Entry" ("id", "setId", "authorId", "number", "kind", "text", "createdAt") VALUES
    ('e1', 's', 'berlin', 1, 'action', 'X', '2027-01-04T09:00:00.000+00:00'),
    ('e2', 's', 'nz', 1, 'action', 'X', '2027-01-04T09:00:00.000+00:00'),
    ('e3', 's', 'ny', 1, 'action', 'X', '2027-01-04T09:00:00.000+00:00'),
    ('e4', 's', 'london', 1, 'action', 'X', '2027-01-04T09:00:00.000+00:00'),
    ('e5', 's', 'london', 2, 'action', 'X', '2027-01-04T09:00:00.000+00:00');
  INSERT INTO "Action" ("id", "entryId", "setId", "ownerId", "createdAt", "dueAt") VALUES
    ('a1', 'e1', 's', 'berlin', '2027-01-04T09:00:00.000+00:00', '2027-01-20T23:00:00.000+00:00'),
    ('a2', 'e2', 's', 'nz', '2027-01-04T09:00:00.000+00:00', '2027-01-20T11:00:00.000+00:00'),
    ('a3', 'e3', 's', 'ny', '2027-01-04T09:00:00.000+00:00', '2027-01-21T05:00:00.000+00:00'),
    ('a4', 'e4', 's', 'london', '2027-01-04T09:00:00.000+00:00', '2027-03-28T23:00:00.000+00:00'),
    ('a5', 'e5', 's', 'london', '2027-01-04T09:00:00.000+00:00', NULL);
  INSERT INTO "Absence" ("id", "setId", "personId", "startsAt", "endsAt") VALUES
    ('b1', 's', 'berlin', '2027-02-01T09:00:00.000+00:00', '2027-02-20T23:00:00.000+00:00'),
    ('b2', 's', 'london', '2027-02-01T09:00:00.000+00:00', '2027-02-10T14:30:00.000+00:00'),
    ('b3', 's', 'nz', '2027-02-01T09:00:00.000+00:00', '2027-02-20T11:00:00.000+00:00');`;

/** What migration 0006 must make of those rows: each day as it was given, read in its owner's zone. */
export const AFTER_CALENDAR_DATES = {
  programmes: [
    { id: "s", programmeStart: "2027-01-04", programmeEnd: "2027-07-31" },
    { id: "s2", programmeStart: null, programmeEnd: null },
  ],
  actions: [
    { id: "a1", dueDate: "2027-01-20", dueTimeZone: "Europe/Berlin" },
    { id: "a2", dueDate: "2027-01-20", dueTimeZone: "Pacific/Auckland" },
    { id: "a3", dueDate: "2027-01-20", dueTimeZone: "America/New_York" },
    { id: "a4", dueDate: "2027-03-28", dueTimeZone: "Europe/London" }, // the day the clocks go forward
    { id: "a5", dueDate: null, dueTimeZone: null },
  ],
  absences: [
    { id: "b1", lastDay: "2027-02-20", timeZone: "Europe/Berlin", endedAt: null },
    { id: "b2", lastDay: "2027-02-10", timeZone: "Europe/London", endedAt: "2027-02-10T14:30:00.000Z" }, // ended by /away off
    { id: "b3", lastDay: "2027-02-20", timeZone: "Pacific/Auckland", endedAt: null },
  ],
};

/** The leaves' ends before the migration ("endsAt"), by id: the migrated rows must end at the same instants. */
export const LEAVE_ENDS_BEFORE: Record<string, string> = {
  b1: "2027-02-20T23:00:00.000Z",
  b2: "2027-02-10T14:30:00.000Z",
  b3: "2027-02-20T11:00:00.000Z",
};

/** When a migrated absence row's leave is over. */
export const migratedLeaveEnds = (a: { lastDay: string; timeZone: string; endedAt: Date | string | null }) =>
  leaveEnds({
    startsAt: new Date(0),
    lastDay: calendarDate(a.lastDay, a.timeZone),
    endedAt: a.endedAt === null ? null : new Date(a.endedAt),
  }).toISOString();
