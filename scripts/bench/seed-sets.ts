/**
 * Fills a migrated database (an SQLite file or a PostgreSQL database) with many learning sets, fast: the rows
 * are built here and written in bulk — prepared statements in one transaction on SQLite, batches of 5,000 rows
 * each sent as ONE JSON parameter (`json_populate_recordset`) on PostgreSQL. Only the columns named here are
 * written; the others take their defaults. DateTimes are written as the Prisma adapters write them.
 *
 * Each set, relative to `now` (a weekday 12:00 UTC, everyone in Europe/London with default quiet hours):
 * - 1 advisor + 5 members, joined 60 days ago;
 * - meeting 1, closed exactly 2 h before `now`, all 5 members attended, nobody logged an action since it
 *   started → 5 "log-action" reminders due at `now`;
 * - meeting 2, starting exactly 48 h after `now`, members 0–2 presenting → 3 "presenter-prep" due at `now`;
 * - member 3 has an open action whose due date is over at `now` → 1 "action-due"; member 4 has an open action due
 *   a week later (loaded, not due). Due dates are calendar dates read in `DUE_ZONE` (UTC−12, where a day ends at
 *   12:00 UTC), so that one ends exactly at `now`.
 * Nothing else falls due within the next hour: a tick at `now` finds 9 reminders a set; a tick between
 * `now` + 1 min and `now` + 1 h finds none.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { addDays, calendarDateOf } from "../../src/domain/time/calendar-date.ts";
import { isPostgresUrl, sqlitePath } from "../../src/store/open-database.ts";
import { sqlTime } from "../../src/store/outbox.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TIME_ZONE = "Europe/London";
/** The zone the seeded due dates are read in: a day there ends at 12:00 UTC, the time of `now`. */
const DUE_ZONE = "Etc/GMT+12";
const MEMBERS_PER_SET = 5;
export const PEOPLE_PER_SET = MEMBERS_PER_SET + 1;
/** Reminders due per set at `now`: 3 presenter-prep, 5 log-action, 1 action-due (see above). */
export const DUE_PER_SET = 9;

/** The platform the sets live on and its ids: the workspace's, set i's channel, and person k (0 = advisor) of set i. */
export type SeedPlatform = {
  platform: "console" | "slack" | "discord";
  workspace: string;
  channel(i: number): string;
  user(i: number, k: number): string;
};

export const CONSOLE: SeedPlatform = { platform: "console", workspace: "local", channel: (i) => `c${i}`, user: (i, k) => `u${i}_${k}` };
export const SLACK: SeedPlatform = { platform: "slack", workspace: "T1", channel: (i) => `C${i}`, user: (i, k) => `U${i}X${k}` };
/** Discord: snowflake-shaped ids (a guild, then channels and users numbered under it). */
export const DISCORD: SeedPlatform = {
  platform: "discord",
  workspace: "1111111111111111111",
  channel: (i) => String(2_000_000_000_000_000_000n + BigInt(i)),
  user: (i, k) => String(3_000_000_000_000_000_000n + BigInt(i * 10 + k)),
};

type Value = string | number | boolean | Date | null;
type Rows = Record<string, Record<string, Value>[]>;

/** Rows of `sets` sets (see above) on `platform`, with the scheduler's last tick at `lastTick`. */
function buildRows(sets: number, now: Date, lastTick: Date, platform: SeedPlatform, nextDueAt: Date | null): Rows {
  const t = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const longAgo = t(-60 * DAY);
  /** The due date (ISO, in DUE_ZONE) whose end is `days` after `now`. */
  const dueDay = (days: number) => addDays(calendarDateOf(now, DUE_ZONE), days - 1).date;
  const rows: Rows = {
    Workspace: [{ id: "w", platform: platform.platform, externalId: platform.workspace, name: "Bench", createdAt: longAgo }],
    Person: [],
    LearningSet: [],
    Membership: [],
    Meeting: [],
    Attendance: [],
    PresenterSlot: [],
    Entry: [],
    Action: [],
    SchedulerState: [{ id: "nudges", lastTickAt: lastTick }],
  };
  const closedAt = t(-2 * HOUR);
  const firstStart = t(-2 * HOUR - 90 * MINUTE);
  const nextStart = t(48 * HOUR);
  const actionLogged = t(-7 * DAY);
  for (let i = 0; i < sets; i++) {
    const s = `s${i}`;
    rows.LearningSet!.push({
      id: s,
      workspaceId: "w",
      channelId: platform.channel(i),
      name: `Set ${i}`,
      timeZone: TIME_ZONE,
      createdAt: longAgo,
      nextDueAt,
    });
    const people: string[] = [];
    for (let k = 0; k < PEOPLE_PER_SET; k++) {
      const p = `p${i}_${k}`; // k = 0 is the advisor
      people.push(p);
      const displayName = k === 0 ? `Advisor ${i}` : `Member ${i}.${k}`;
      rows.Person!.push({
        id: p,
        workspaceId: "w",
        externalId: platform.user(i, k),
        displayName,
        timeZone: TIME_ZONE,
        nudgesOn: true,
        createdAt: longAgo,
      });
      rows.Membership!.push({
        id: `ms${i}_${k}`,
        setId: s,
        personId: p,
        role: k === 0 ? "advisor" : "member",
        sharing: false,
        joinedAt: longAgo,
      });
    }
    const [advisor, ...members] = people as [string, ...string[]];
    // Both announced long ago (the steady state): the tick has no presenters to announce.
    const meeting = (n: number, startsAt: Date, status: string, closed: Date | null) => ({
      id: `m${i}_${n}`,
      setId: s,
      number: n,
      startsAt,
      durationMinutes: 90,
      status,
      createdById: advisor,
      closedAt: closed,
      createdAt: longAgo,
      announcedAt: longAgo,
    });
    rows.Meeting!.push(meeting(1, firstStart, "closed", closedAt), meeting(2, nextStart, "scheduled", null));
    for (const m of members) rows.Attendance!.push({ meetingId: `m${i}_1`, personId: m });
    for (let k = 0; k < 3; k++)
      rows.PresenterSlot!.push({
        id: `sl${i}_${k}`,
        meetingId: `m${i}_2`,
        personId: members[k]!,
        position: k + 1,
        status: "planned",
        swapped: false,
        updatedAt: longAgo,
      });
    for (const [k, dueDate] of [
      [3, dueDay(0)],
      [4, dueDay(7)],
    ] as const) {
      rows.Entry!.push({
        id: `e${i}_${k}`,
        setId: s,
        authorId: members[k]!,
        number: 1,
        kind: "action",
        text: `Action of member ${k} in set ${i}`,
        createdAt: actionLogged,
      });
      rows.Action!.push({
        id: `a${i}_${k}`,
        entryId: `e${i}_${k}`,
        setId: s,
        ownerId: members[k]!,
        createdAt: actionLogged,
        dueDate,
        dueTimeZone: DUE_ZONE,
        status: "open",
      });
    }
  }
  return rows;
}

/**
 * Seeds `sets` sets into the (already migrated, empty) database at `url`; the scheduler's last tick is set to
 * `lastTick` (default: a minute before `now`), and each set's next due moment to `nextDueAt` (default: none yet,
 * so only a full re-plan plans them). Returns the number of rows written.
 */
export async function seedSets(
  url: string,
  sets: number,
  now: Date,
  opts: { lastTick?: Date; platform?: SeedPlatform; nextDueAt?: Date } = {},
): Promise<number> {
  const rows = buildRows(sets, now, opts.lastTick ?? new Date(now.getTime() - MINUTE), opts.platform ?? CONSOLE, opts.nextDueAt ?? null);
  await writeRows(url, rows);
  return Object.values(rows).reduce((n, r) => n + r.length, 0);
}

/** Where `seedOutbox` puts its rows: from `first`, one every `everyMs`, the jth to person k of set i = `to(j)`. */
export type OutboxSeed = {
  first: Date;
  everyMs: number;
  platform: SeedPlatform;
  to?: (j: number) => [number, number];
  /** The first row's number j (default 0): rows of several calls keep distinct ids and keys. */
  from?: number;
  /** How long after it is due a row goes stale (default an hour). */
  staleAfterMs?: number;
  /** Default pending; "sent" rows get a sentAt at their moment. */
  status?: "pending" | "sent";
};

/**
 * Writes `n` outbox rows (pending unless `status` says otherwise) into a database seeded by `seedSets`: each a DM with its own text
 * ("Bench reminder j"), stale an hour after it is due.
 */
export async function seedOutbox(url: string, n: number, seed: OutboxSeed): Promise<void> {
  const Outbox: Record<string, Value>[] = [];
  const from = seed.from ?? 0;
  for (let j = from; j < from + n; j++) {
    const [i, k] = seed.to?.(j) ?? [0, 1];
    const sendAt = new Date(seed.first.getTime() + (j - from) * seed.everyMs);
    const payload = {
      platform: seed.platform.platform,
      workspaceId: seed.platform.workspace,
      channelId: seed.platform.channel(i),
      to: { kind: "dm", externalId: seed.platform.user(i, k), displayName: `Member ${i}.${k}`, timeZone: TIME_ZONE },
      reply: { text: `Bench reminder ${j}`, buttons: [] },
    };
    Outbox.push({
      id: `o${j}`,
      key: `bench:${j}`,
      kind: "log-action",
      setId: `s${i}`,
      personId: `p${i}_${k}`,
      payload: JSON.stringify(payload),
      sendAt,
      staleAt: new Date(sendAt.getTime() + (seed.staleAfterMs ?? HOUR)),
      status: seed.status ?? "pending",
      ...(seed.status === "sent" ? { sentAt: sendAt } : {}),
      attempts: 0,
      createdAt: seed.first,
    });
  }
  await writeRows(url, { Outbox });
}

async function writeRows(url: string, rows: Rows): Promise<void> {
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      for (const [table, list] of Object.entries(rows)) {
        if (list.length === 0) continue;
        const columns = Object.keys(list[0]!)
          .map((c) => `"${c}"`)
          .join(", ");
        for (let at = 0; at < list.length; at += 5000) {
          const batch = JSON.stringify(list.slice(at, at + 5000));
          await client.query(
            `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
            [batch],
          );
        }
      }
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    return;
  }
  const raw = new Database(sqlitePath(url));
  try {
    raw.pragma("journal_mode = WAL");
    raw.transaction(() => {
      for (const [table, list] of Object.entries(rows)) {
        if (list.length === 0) continue;
        const columns = Object.keys(list[0]!);
        const insert = raw.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        for (const row of list)
          insert.run(
            ...columns.map((c) => {
              const v = row[c]!;
              return v instanceof Date ? sqlTime(v) : typeof v === "boolean" ? (v ? 1 : 0) : v;
            }),
          );
      }
    })();
  } finally {
    raw.close();
  }
}

/** Outbox rows by status, read directly (not through a counted client). */
export async function outboxByStatus(url: string): Promise<Record<string, number>> {
  const sql = `SELECT "status", count(*) AS n FROM "Outbox" GROUP BY "status"`;
  let rows: { status: string; n: number | string }[];
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      rows = (await client.query<{ status: string; n: string }>(sql)).rows;
    } finally {
      await client.end();
    }
  } else {
    const raw = new Database(sqlitePath(url), { readonly: true });
    try {
      rows = raw.prepare(sql).all() as { status: string; n: number }[];
    } finally {
      raw.close();
    }
  }
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
