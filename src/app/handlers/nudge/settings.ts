import { nudgeSettings } from "../../../../commands/index.ts";
import { readStopped, reminderName } from "../../../domain/reminders/catalog.ts";
import { quietHoursOf } from "../../../domain/reminders/quiet-hours.ts";
import { parseTimeZone } from "../../../domain/time/when.ts";
import type { ZoneSource } from "../../../domain/time/zone-source.ts";
import { updateNudgePrefs } from "../../../store/people.ts";
import { handlerWithoutSet } from "../../context.ts";
import { toActor } from "../../reply.ts";
import { optionFailure, success } from "../../result.ts";

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const pad = (t: string) => t.padStart(5, "0");

export default handlerWithoutSet(nudgeSettings, async (ctx, { tz, quiet }) => {
  const data: { timeZone?: string; timeZoneSource?: "person"; quietStart?: string | null; quietEnd?: string | null } = {};
  if (tz !== undefined) {
    const zone = parseTimeZone(tz);
    if (!zone.ok) return optionFailure("bad-option", "tz", `${zone.message}`);
    Object.assign(data, { timeZone: zone.value, timeZoneSource: "person" });
  }
  if (quiet !== undefined) {
    if (quiet.toLowerCase() === "none") Object.assign(data, { quietStart: "00:00", quietEnd: "00:00" });
    else {
      const [start = "", end = ""] = quiet.split("-").map((s) => s.trim());
      if (HHMM.test(start) && pad(start) === pad(end)) {
        return optionFailure(
          "bad-option",
          "quiet",
          `"${quiet}" starts and ends at ${pad(start)}: quiet hours must have a length. Write it like 22:00-08:00, or quiet:none for reminders at any hour.`,
        );
      }
      if (!HHMM.test(start) || !HHMM.test(end)) {
        return optionFailure(
          "bad-option",
          "quiet",
          `"${quiet}" is not a range of local times. Write it like 22:00-08:00, or none for reminders at any hour.`,
        );
      }
      Object.assign(data, { quietStart: pad(start), quietEnd: pad(end) });
    }
  }
  if (Object.keys(data).length > 0) await updateNudgePrefs(ctx.deps.db, ctx.actor.id, data);
  const person = { ...ctx.actor, ...data };
  const hours = quietHoursOf(person);
  const quietText = hours ? `${hours.start}–${hours.end}${person.quietStart === null ? " (the default)" : ""}` : "none";
  const state = !person.nudgesOn ? "off (/nudge on)" : person.snoozedUntil && person.snoozedUntil > ctx.now ? "snoozed" : "on";
  return success([
    toActor({
      text: Object.keys(data).length ? "Reminder settings saved." : "Your reminder settings:",
      fields: [
        { label: "Time zone", value: `${person.timeZone} (${zoneOrigin(person.timeZoneSource, ctx.workspace.platform)})` },
        { label: "Quiet hours", value: quietText },
        { label: "Reminders", value: state },
        ...stoppedField(person.stoppedNudges),
      ],
    }),
  ]);
});

/** Where the zone in use came from, in the reply's words; `platform`: the workspace's (a profile is on it). */
function zoneOrigin(source: ZoneSource, platform: string): string {
  switch (source) {
    case "person":
      return "set by you";
    case "profile":
      return `from your ${platform.charAt(0).toUpperCase()}${platform.slice(1)} profile; tz: sets your own`;
    case "default":
      return "the bot's default: tz:Region/City sets yours";
    case null:
      return "kept from before; tz: changes it";
  }
}

/** The kinds stopped one by one, each with what it is and how to undo it; nothing when none are. */
function stoppedField(stored: string) {
  const stopped = readStopped(stored);
  if (stopped.length === 0) return [];
  return [{ label: "Stopped", value: stopped.map((k) => `${k} (${reminderName(k)}): /nudge on kind:${k}`).join("\n") }];
}
