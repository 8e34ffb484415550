import { discordPlatform } from "./discord/platform.ts";
import type { PlatformEntry } from "./platform-entry.ts";
import { slackPlatform } from "./slack/platform.ts";

/**
 * The chat platforms, one entry each (./platform-entry.ts says what an entry holds): the composition root runs
 * every configured one, and the configuration reads every one's variables, from this record alone. Its order is
 * the order they start in and their configuration problems are listed in. The console is not here: it runs when
 * none is configured (src/main.ts).
 */
const platforms = {
  slack: slackPlatform,
  discord: discordPlatform,
};

// biome-ignore lint/suspicious/noExplicitAny: each entry has its own settings and adapter types
type AnyEntry = PlatformEntry<any, any>;
/** Each entry is a PlatformEntry; a wrong one fails to compile here. */
const checked: Record<string, AnyEntry> = platforms;

type Entries = typeof platforms;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every platform's variables, as one zod shape for the configuration (src/config.ts). */
export const PLATFORM_ENV = Object.assign({}, ...Object.values(checked).map((p) => p.env)) as Intersection<Entries[keyof Entries]["env"]>;

/** The platforms whose people are asked for their zone by their first reminder DM (an entry's `asksForZone`). */
export const platformsAskingZone = (): ReadonlySet<string> =>
  new Set(Object.entries(checked).flatMap(([name, entry]) => (entry.asksForZone ? [name] : [])));

/** Every entry with its name, in the record's order. */
export const platformEntries = (): [string, AnyEntry][] => Object.entries(checked);
