/**
 * Time zones whose UTC offsets are remembered: luxon works out an IANA zone's offset by formatting the instant
 * with Intl (`formatToParts`), once for every DateTime it builds and again for each `plus`, `set` or `startOf`,
 * which is most of the planner's time on a busy tick. A zone here gives exactly the offsets luxon gives; it only
 * asks Intl less often.
 *
 * How: offsets are remembered per UTC hour. An hour whose start and end have the same offset has that offset
 * throughout (the time zone database has no two clock changes within an hour of each other), so any instant in it
 * is answered from the two boundary offsets. An hour with a change inside it is answered by luxon, instant by
 * instant. Pure: no clock, no I/O.
 */
import { FixedOffsetZone, IANAZone } from "luxon";
import { HOUR } from "./time-units.ts";

/** How many hour boundaries one zone remembers before it starts afresh: bounds memory whatever the data. */
const MAX_REMEMBERED = 50_000;

/** An IANA zone that remembers its offset at each UTC hour boundary it was asked about. */
class RememberingZone extends IANAZone {
  readonly #atHour = new Map<number, number>();

  #offsetAtHour(hour: number): number {
    let offset = this.#atHour.get(hour);
    if (offset === undefined) {
      if (this.#atHour.size >= MAX_REMEMBERED) this.#atHour.clear();
      offset = super.offset(hour * HOUR);
      this.#atHour.set(hour, offset);
    }
    return offset;
  }

  /** The offset in minutes at `ts` (epoch ms), exactly as IANAZone gives it. */
  override offset(ts: number): number {
    if (!this.isValid || !Number.isFinite(ts)) return super.offset(ts);
    const hour = Math.floor(ts / HOUR);
    const start = this.#offsetAtHour(hour);
    return start === this.#offsetAtHour(hour + 1) ? start : super.offset(ts);
  }
}

/** What `zoneOf` answered per name; names come from validated rows, so there are few, but the map is bounded anyway. */
const zones = new Map<string, IANAZone | string>();
const MAX_ZONES = 1_000;

/**
 * The zone named `name` for luxon's `{ zone }` option: a DateTime built with it is the same as one built with the
 * name (same offsets, `zoneName`, validity), only faster to build. A valid IANA name gives a zone remembering its
 * offsets; any other name (luxon's own "UTC", "local", "UTC+3", or an unknown one) is given back as it is, for luxon
 * to read as usual.
 */
export function zoneOf(name: string): IANAZone | string {
  let zone = zones.get(name);
  if (zone === undefined) {
    const lowered = name.toLowerCase();
    const luxonsOwn = ["default", "local", "system", "utc", "gmt"].includes(lowered) || FixedOffsetZone.parseSpecifier(lowered) !== null;
    zone = !luxonsOwn && IANAZone.isValidZone(name) ? new RememberingZone(name) : name;
    if (zones.size >= MAX_ZONES) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}
