import { meetingCalendar } from "../../../../commands/index.ts";
import { FEED_REFRESH } from "../../../domain/set/calendar-feed.ts";
import { plural } from "../../../domain/text/plural.ts";
import { icsOf } from "../../../export/on-demand.ts";
import { deleteCalendarFeeds, listCalendarFeeds, replaceCalendarFeed } from "../../../store/calendar-feeds.ts";
import { calendarMeetings } from "../../calendar-events.ts";
import { feedTokenHash, feedUrl, newFeedToken } from "../../calendar-tokens.ts";
import type { SetContext } from "../../context.ts";
import { handler } from "../../context.ts";
import { at, toActor } from "../../reply.ts";
import { failure, success } from "../../result.ts";
import { loadSetState } from "../../set-state.ts";

export default handler(meetingCalendar, async (ctx, { reset }) => {
  if (reset === "yes" && ctx.role === null)
    return failure("forbidden", "Only the set's members and advisors have subscription addresses, so there is nothing to reset.");
  const state = await loadSetState(ctx.deps.db, ctx.set, ctx.now);
  const ics = await icsOf({
    calendarName: ctx.set.name,
    timeZone: ctx.set.timeZone,
    refresh: FEED_REFRESH,
    generatedAt: ctx.now,
    meetings: calendarMeetings(state),
  });
  if (!ics.ok) return failure("conflict", `Could not build the calendar: ${ics.message}`);
  const slug =
    ctx.set.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "set";
  const file = `Calendar of ${plural(state.meetings.length, "meeting")} of "${ctx.set.name}": import it into your calendar app.`;
  const subscription = ctx.role === null ? [] : await subscriptionLines(ctx, reset === "yes");
  return success([
    toActor({
      text: [file, ...subscription].join("\n"),
      files: [{ name: `${slug}-meetings.ics`, mimeType: "text/calendar", content: ics.value }],
    }),
  ]);
});

const SCOPES = [
  { setScoped: true, label: "This set" },
  { setScoped: false, label: "All your sets, your own presenter turns in the titles" },
] as const;

/**
 * The subscription part of the reply, making what is missing (or everything, on reset). A token is shown only
 * when made: the database keeps its hash alone (src/app/calendar-tokens.ts), so a lost address is replaced, not
 * shown again.
 */
async function subscriptionLines(ctx: SetContext, reset: boolean): Promise<string[]> {
  const { db, feedBaseUrl } = ctx.deps;
  const personId = ctx.actor.id;
  if (feedBaseUrl === undefined) {
    const removed = reset ? await deleteCalendarFeeds(db, personId, ctx.set.id) : 0;
    return [
      ...(removed > 0 ? ["Your old subscription addresses no longer work."] : []),
      "A subscription address, which keeps your calendar in step as meetings move or are cancelled, needs the bot's public address (PUBLIC_URL) set by whoever runs the bot; until then, import the file again after a change.",
    ];
  }
  const existing = reset ? [] : await listCalendarFeeds(db, personId, ctx.set.id);
  const lines: string[] = [];
  let made = false;
  for (const scope of SCOPES) {
    const setId = scope.setScoped ? ctx.set.id : null;
    const old = existing.find((f) => f.setId === setId);
    if (old) {
      lines.push(`• ${scope.label}: made ${at(old.createdAt, "date")}, shown only then.`);
      continue;
    }
    const token = newFeedToken();
    await replaceCalendarFeed(db, { personId, setId, tokenHash: feedTokenHash(token), now: ctx.now });
    lines.push(`• ${scope.label}: ${feedUrl(feedBaseUrl, token)}`);
    made = true;
  }
  const head = made
    ? `${reset ? "New subscription addresses (the old ones no longer work)" : "Or subscribe"}, and your calendar follows moved and cancelled meetings by itself:`
    : "Your subscription addresses:";
  const tail = made
    ? "These addresses are yours alone: anyone who has one can read the meetings' times and presenters. They are shown only now (the bot keeps only a fingerprint of each). Google Calendar: Other calendars › + › From URL. Outlook: Add calendar › Subscribe from web. Lost or shared one? /meeting calendar reset:yes gives new ones."
    : "Lost one, or shared it by mistake? /meeting calendar reset:yes gives new ones and the old ones stop working.";
  return [head, ...lines, tail];
}
