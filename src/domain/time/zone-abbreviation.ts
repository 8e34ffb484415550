import { DateTime } from "luxon";

/**
 * English locales whose time zone names Intl knows: each names the zones of its own region (en-GB gives BST and
 * CET, en-US gives EST and PDT, en-IN gives IST…), and none of them names a zone differently from another.
 */
const LOCALES = ["en-GB", "en-US", "en-CA", "en-AU", "en-NZ", "en-IN", "en-IE", "en-ZA", "en-SG"];
const OFFSET_NAME = /^(GMT|UTC)[+\-−]/;
const cache = new Map<string, string>();

/**
 * The usual abbreviation of `timeZone` at `at`: "GMT"/"BST" in London, "CET"/"CEST" in Berlin, "EST"/"EDT" in New
 * York, "IST" in Kolkata. A zone without a common abbreviation (Tokyo, São Paulo) falls back to its offset from
 * GMT, as Intl writes it: "GMT+9", "GMT-3", "GMT+5:30". An unknown zone gives "".
 */
export function zoneAbbreviation(at: Date, timeZone: string): string {
  const dt = DateTime.fromJSDate(at, { zone: timeZone });
  if (!dt.isValid) return "";
  const key = `${timeZone}|${dt.offset}|${dt.isInDST}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let name = dt.setLocale(LOCALES[0]!).offsetNameShort ?? "";
  for (const locale of LOCALES) {
    const candidate = dt.setLocale(locale).offsetNameShort ?? "";
    if (candidate && !OFFSET_NAME.test(candidate)) {
      name = candidate;
      break;
    }
  }
  cache.set(key, name);
  return name;
}
