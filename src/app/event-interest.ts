import { findMeetingByEvent } from "../store/meeting-events.ts";
import { listMeetings, listRsvps } from "../store/meetings.ts";
import { findWorkspace } from "../store/people.ts";
import { findSetById } from "../store/sets.ts";
import type { Deps } from "./context.ts";
import type { CommandPlace } from "./destination.ts";
import { rsvpButtons } from "./format.ts";
import { at, type Outgoing, toPerson } from "./reply.ts";

/** Someone marked a meeting's platform event "Interested": the platform, its workspace, the event's id and who. */
export type EventInterest = { platform: string; workspaceId: string; eventId: string; userId: string };

/**
 * What the bot says to a member who marked a meeting's event Interested (docs/architecture.md, "Meetings as platform
 * events"): a DM with the RSVP buttons of that meeting, since the bot's RSVP, not the platform's interest, is the record.
 * Nothing (null) for an event that is not a meeting's, a person who is not a member of its set, or a meeting no
 * longer ahead. Reads only; the replies go where `place` says, as a command's do.
 */
export async function offerRsvp(deps: Deps, interest: EventInterest): Promise<{ place: CommandPlace; outgoing: Outgoing[] } | null> {
  const { db } = deps;
  const now = deps.clock.now();
  const found = await findMeetingByEvent(db, interest.eventId);
  if (!found) return null;
  const [set, workspace] = await Promise.all([findSetById(db, found.setId), findWorkspace(db, interest.platform, interest.workspaceId)]);
  if (!set || !workspace || set.workspaceId !== workspace.id || set.archivedAt) return null;
  const member = set.memberships.find((m) => m.role === "member" && m.person.externalId === interest.userId);
  if (!member) return null;
  const meeting = (await listMeetings(db, set.id)).find((m) => m.id === found.id);
  if (meeting?.status !== "scheduled" || meeting.startsAt <= now) return null;
  const answer = (await listRsvps(db, set.id)).find((r) => r.meetingId === meeting.id && r.personId === member.person.id)?.answer;
  const already =
    answer === "yes"
      ? " You have said you are coming; change it here if you need to."
      : answer === "no"
        ? " You have sent apologies; change it here if you can come after all."
        : "";
  const text = `You marked meeting ${meeting.number} of "${set.name}" (${at(meeting.startsAt)}) as Interested in the server's Events. The set goes by its own RSVP: will you be there?${already}`;
  return {
    place: { platform: interest.platform, workspaceId: interest.workspaceId, channelId: set.channelId, userId: interest.userId },
    outgoing: [toPerson(member.person, { text, buttons: rsvpButtons(meeting) })],
  };
}
