import { FEED_REFRESH } from "../domain/set/calendar-feed.ts";
import type { meetingsToIcs } from "../export/ics.ts";
import { icsOf } from "../export/on-demand.ts";
import { findCalendarFeed } from "../store/calendar-feeds.ts";
import type { Db } from "../store/open-database.ts";
import { findSetById, listSetsOfPerson } from "../store/sets.ts";
import { calendarMeetings } from "./calendar-events.ts";
import { feedTokenHash } from "./calendar-tokens.ts";
import { loadSetState } from "./set-state.ts";

/**
 * The iCalendar text a subscription's token opens at `now`, or null when the token opens nothing: unknown, replaced
 * by `/meeting calendar reset:yes`, or a set's feed whose person is no longer in the set. Every null looks the same
 * to the caller, which answers them all alike (no hint of which sets or people exist). Reads only.
 *
 * A set's feed: its meetings, in its zone. A person's feed: the meetings of every set they are in now, their own
 * presenter turns marked in the titles, in their zone.
 */
export async function renderCalendarFeed(db: Db, token: string, now: Date): Promise<string | null> {
  const feed = await findCalendarFeed(db, feedTokenHash(token));
  if (!feed) return null;
  if (feed.setId !== null) {
    const set = await findSetById(db, feed.setId);
    if (!set?.memberships.some((m) => m.person.id === feed.personId)) return null;
    const state = await loadSetState(db, set, now);
    return rendered({ calendarName: set.name, timeZone: set.timeZone, meetings: calendarMeetings(state, { feedAt: now }) }, now);
  }
  const sets = await listSetsOfPerson(db, feed.personId);
  const meetings = [];
  for (const set of sets) meetings.push(...calendarMeetings(await loadSetState(db, set, now), { feedAt: now, readerId: feed.personId }));
  meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.setName.localeCompare(b.setName) || a.number - b.number);
  const calendarName = `Action learning sets: ${feed.person.displayName}`;
  return rendered({ calendarName, timeZone: feed.person.timeZone, meetings }, now);
}

async function rendered(input: Omit<Parameters<typeof meetingsToIcs>[0], "refresh" | "generatedAt">, now: Date): Promise<string> {
  const ics = await icsOf({ ...input, refresh: FEED_REFRESH, generatedAt: now });
  if (!ics.ok) throw new Error(`calendar feed: ${ics.message}`);
  return ics.value;
}
