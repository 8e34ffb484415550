import { parseTimeZone } from "./when.ts";

/**
 * Where a person's time zone came from: `default` (DEFAULT_TIME_ZONE, given to someone first seen), `profile` (their
 * platform profile: Slack's users.info) or `person` (their own `/nudge settings tz:`). `null`: stored before the
 * bot recorded it; treated as the person's own choice, so nothing replaces it.
 */
export type ZoneSource = "default" | "profile" | "person" | null;

/** A person's zone as stored, or null for someone the bot has not stored. */
type StoredZone = { timeZone: string; timeZoneSource: ZoneSource } | null;

/** The zone a person's reminders and dates use, where it came from, and whether that differs from what is stored. */
export type ZoneInUse = { timeZone: string; source: ZoneSource; changed: boolean };

/**
 * The zone to use for a person: what they set themselves always wins (and so does a zone stored before sources were
 * recorded); otherwise a valid zone from their platform profile replaces the default (or an older profile zone);
 * otherwise what is stored, or `fallback` (DEFAULT_TIME_ZONE) for someone new. A profile zone that is not a known
 * IANA zone is ignored. `changed`: the result is not what is stored (always, for someone new).
 */
export function zoneInUse(stored: StoredZone, profileZone: string | undefined, fallback: string): ZoneInUse {
  const profile = profileZone ? parseTimeZone(profileZone) : undefined;
  const fromProfile = profile?.ok ? profile.value : undefined;
  if (stored === null) {
    return fromProfile
      ? { timeZone: fromProfile, source: "profile", changed: true }
      : { timeZone: fallback, source: "default", changed: true };
  }
  const source = stored.timeZoneSource;
  if (source === null || source === "person") return { timeZone: stored.timeZone, source, changed: false };
  if (fromProfile && (source === "default" || fromProfile !== stored.timeZone)) {
    return { timeZone: fromProfile, source: "profile", changed: true };
  }
  return { timeZone: stored.timeZone, source, changed: false };
}

/** Whether the platform profile is worth reading for a person: someone new, or whose zone is still the default. */
export const wantsProfileZone = (stored: StoredZone): boolean => stored === null || stored.timeZoneSource === "default";
