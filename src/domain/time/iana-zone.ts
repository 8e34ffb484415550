import { IANAZone } from "luxon";

/**
 * Whether `name` is an IANA time zone name this Node knows ("Europe/London", "UTC", "Etc/GMT+5"): such a name starts
 * with a letter. Node 24's Intl, and so luxon's `IANAZone.isValidZone`, also takes a UTC offset ("+05:30", "-08") as a
 * zone, which Node 20's does not: an offset follows no daylight-saving rules, so it is refused on both
 * (docs/architecture.md, "Supported Node versions").
 */
export function isIanaZone(name: string): boolean {
  return /^[A-Za-z]/.test(name) && IANAZone.isValidZone(name);
}
